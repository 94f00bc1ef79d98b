// services/verify-offline.ts: the issuer's keys are fetched once and cached, so an offline check works with the
// network cut; a code under a new kid fetches them again; with no keys at all the verifier says so.
import { verifyHealthCode, verifyPresentation } from '@ysx/shared/credential'
import { cachedKeys, JWKS_STORAGE, verifyWithCachedKeys } from '../src/services/verify-offline'
import { replyWith, requestMock, storage } from './taro-mock'
import { healthQr, KEYS, NOW, presentationQr, resetTaroMock } from './verifier-fixtures'

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: jest.requireActual<typeof import('./taro-mock')>('./taro-mock').taro,
}))

beforeEach(resetTaroMock)

it('fetches the JWKS once, caches it, then verifies from the cache with no request', async () => {
  replyWith(200, { keys: KEYS })
  await expect(verifyWithCachedKeys(presentationQr(), verifyPresentation, NOW)).resolves.toMatchObject({ ok: true })
  expect(requestMock).toHaveBeenCalledTimes(1)
  expect(storage.has(JWKS_STORAGE)).toBe(true)
  expect(cachedKeys()).toEqual(KEYS)
  requestMock.mockRejectedValue(new Error('offline'))
  await expect(verifyWithCachedKeys(presentationQr(), verifyPresentation, NOW)).resolves.toMatchObject({ ok: true })
  await expect(verifyWithCachedKeys(healthQr(), verifyHealthCode, NOW)).resolves.toMatchObject({
    ok: true,
    claims: { colour: 'green' },
  })
  expect(requestMock).toHaveBeenCalledTimes(1)
})

it('fetches the keys again for a code under a kid the cache does not have', async () => {
  storage.set(JWKS_STORAGE, { keys: [{ ...KEYS[0], kid: 'k-2026-10' }] })
  replyWith(200, { keys: KEYS })
  await expect(verifyWithCachedKeys(presentationQr(), verifyPresentation, NOW)).resolves.toMatchObject({ ok: true })
  expect(requestMock).toHaveBeenCalledTimes(1)
})

it('says the keys are missing when none are cached and the network is down', async () => {
  requestMock.mockRejectedValue(new Error('offline'))
  await expect(verifyWithCachedKeys(presentationQr(), verifyPresentation, NOW)).resolves.toMatchObject({
    ok: false,
    failure: 'keys_unavailable',
  })
})

it('passes on what the shared checks refuse, without asking the network when the kid is known', async () => {
  storage.set(JWKS_STORAGE, { keys: KEYS })
  await expect(
    verifyWithCachedKeys(presentationQr({ iat: NOW / 1000 - 61 }), verifyPresentation, NOW),
  ).resolves.toEqual({
    ok: false,
    failure: 'expired',
    reason: 'proof older than 60 s',
  })
  expect(requestMock).not.toHaveBeenCalled()
})

// services/verify-offline.ts: the issuer's keys are fetched once and cached, so an offline check works with the
// network cut; a code under a kid the cache lacks fetches them again, once, and the fresh set replaces the cache; with
// no keys at all the verifier says so; the check's clock is the device's unless a time is given.
import { verifyHealthCode, verifyPresentation } from '@ysx/shared/credential'
import { cachedKeys, JWKS_STORAGE, refreshKeys, verifyWithCachedKeys } from '../src/services/verify-offline'
import { replyWith, requestMock, sent, storage } from './taro-mock'
import { healthQr, KEYS, NOW, nowSeconds, presentationQr, resetTaroMock } from './verifier-fixtures'

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: jest.requireActual<typeof import('./taro-mock')>('./taro-mock').taro,
}))

beforeEach(resetTaroMock)
afterEach(() => jest.useRealTimers())

/** The cached set after a rotation: the same key under last month's kid only. */
const OLD_KID_ONLY = { keys: [{ ...KEYS[0]!, kid: 'k-2026-10' }] }

it('fetches the JWKS once, caches it, then verifies from the cache with no request', async () => {
  replyWith(200, { keys: KEYS })
  await expect(verifyWithCachedKeys(presentationQr(), verifyPresentation, NOW)).resolves.toMatchObject({ ok: true })
  expect(requestMock).toHaveBeenCalledTimes(1)
  expect(sent()).toMatchObject({ url: '/.well-known/jwks.json', method: 'GET' })
  expect(storage.get(JWKS_STORAGE)).toEqual({ keys: KEYS })
  expect(cachedKeys()).toEqual(KEYS)
  requestMock.mockRejectedValue(new Error('offline'))
  await expect(verifyWithCachedKeys(presentationQr(), verifyPresentation, NOW)).resolves.toMatchObject({ ok: true })
  await expect(verifyWithCachedKeys(healthQr(), verifyHealthCode, NOW)).resolves.toMatchObject({
    ok: true,
    claims: { colour: 'green' },
  })
  expect(requestMock).toHaveBeenCalledTimes(1)
})

it('a code under a kid the cache lacks: fetches the JWKS once, verifies with it and caches the new set', async () => {
  storage.set(JWKS_STORAGE, OLD_KID_ONLY)
  replyWith(200, { keys: KEYS })
  await expect(verifyWithCachedKeys(presentationQr(), verifyPresentation, NOW)).resolves.toMatchObject({
    ok: true,
    credentialId: 'cred-1',
  })
  expect(requestMock).toHaveBeenCalledTimes(1)
  expect(cachedKeys()).toEqual(KEYS)
})

it('a kid the fetched JWKS lacks too: one request, then refused as an unknown kid (no loop)', async () => {
  storage.set(JWKS_STORAGE, OLD_KID_ONLY)
  replyWith(200, OLD_KID_ONLY)
  await expect(verifyWithCachedKeys(presentationQr({ kid: 'k-2027-01' }), verifyPresentation, NOW)).resolves.toEqual({
    ok: false,
    failure: 'invalid',
    reason: 'unknown kid',
  })
  expect(requestMock).toHaveBeenCalledTimes(1)
})

it('a kid the cache lacks with the network down: the cached keys’ refusal (unknown kid), the cache kept', async () => {
  storage.set(JWKS_STORAGE, OLD_KID_ONLY)
  requestMock.mockRejectedValue(new Error('offline'))
  await expect(verifyWithCachedKeys(presentationQr(), verifyPresentation, NOW)).resolves.toEqual({
    ok: false,
    failure: 'invalid',
    reason: 'unknown kid',
  })
  expect(requestMock).toHaveBeenCalledTimes(1)
  expect(storage.get(JWKS_STORAGE)).toEqual(OLD_KID_ONLY)
})

it('after a refetch the fresh keys decide: a stale proof under the new kid is expired, not unknown', async () => {
  storage.set(JWKS_STORAGE, OLD_KID_ONLY)
  replyWith(200, { keys: KEYS })
  await expect(
    verifyWithCachedKeys(presentationQr({ iat: nowSeconds - 61 }), verifyPresentation, NOW),
  ).resolves.toEqual({ ok: false, failure: 'expired', reason: 'proof older than 60 s' })
  expect(requestMock).toHaveBeenCalledTimes(1)
})

it('says the keys are unavailable when none are cached and the network is down', async () => {
  requestMock.mockRejectedValue(new Error('offline'))
  await expect(verifyWithCachedKeys(presentationQr(), verifyPresentation, NOW)).resolves.toEqual({
    ok: false,
    failure: 'keys_unavailable',
    reason: 'no keys cached',
  })
  expect(requestMock).toHaveBeenCalledTimes(1)
  expect(storage.has(JWKS_STORAGE)).toBe(false)
})

it('a JWKS reply that is not a JWKS is neither used nor cached: the keys are unavailable', async () => {
  replyWith(200, { keys: [{ kid: 'k-2026-11', x: KEYS[0]!.x }] })
  await expect(refreshKeys()).resolves.toBeNull()
  replyWith(200, { keys: [{ ...KEYS[0]!, alg: 'HS256' }] })
  await expect(verifyWithCachedKeys(presentationQr(), verifyPresentation, NOW)).resolves.toEqual({
    ok: false,
    failure: 'keys_unavailable',
    reason: 'no keys cached',
  })
  expect(storage.has(JWKS_STORAGE)).toBe(false)
})

it.each([
  ['an empty string (Taro’s “nothing stored”)', ''],
  ['a JWKS whose key is HS256', { keys: [{ ...KEYS[0], alg: 'HS256' }] }],
  ['a list of keys without the JWKS object', KEYS],
])('a cache holding %s counts as no keys: it fetches them', async (_what, stored) => {
  storage.set(JWKS_STORAGE, stored)
  expect(cachedKeys()).toBeNull()
  replyWith(200, { keys: KEYS })
  await expect(verifyWithCachedKeys(presentationQr(), verifyPresentation, NOW)).resolves.toMatchObject({ ok: true })
  expect(requestMock).toHaveBeenCalledTimes(1)
  expect(cachedKeys()).toEqual(KEYS)
})

it('passes on what the shared checks refuse, without asking the network when the kid is known', async () => {
  storage.set(JWKS_STORAGE, { keys: KEYS })
  await expect(
    verifyWithCachedKeys(presentationQr({ iat: nowSeconds - 61 }), verifyPresentation, NOW),
  ).resolves.toEqual({ ok: false, failure: 'expired', reason: 'proof older than 60 s' })
  await expect(verifyWithCachedKeys('not a code', verifyPresentation, NOW)).resolves.toEqual({
    ok: false,
    failure: 'invalid',
    reason: 'not credential~proof',
  })
  expect(requestMock).not.toHaveBeenCalled()
})

it('checks against the device clock when no time is given: 60 s after the proof it passes, 60 s + 1 ms it is stale', async () => {
  storage.set(JWKS_STORAGE, { keys: KEYS })
  const qr = presentationQr({ iat: nowSeconds })
  jest.useFakeTimers({ now: NOW + 60_000 })
  await expect(verifyWithCachedKeys(qr, verifyPresentation)).resolves.toMatchObject({ ok: true })
  jest.setSystemTime(NOW + 60_001)
  await expect(verifyWithCachedKeys(qr, verifyPresentation)).resolves.toEqual({
    ok: false,
    failure: 'expired',
    reason: 'proof older than 60 s',
  })
  expect(requestMock).not.toHaveBeenCalled()
})

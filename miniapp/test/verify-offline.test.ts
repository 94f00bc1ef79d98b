// services/verify-offline.ts: a genuine QR verifies; expired, unknown kid, tampered, wrong device and stale ones do not.
import { generateKeyPairSync, type KeyObject } from 'node:crypto'
import { cachedKeys, JWKS_STORAGE, verifyPresentation, verifyWithCachedKeys } from '../src/services/verify-offline'
import { b64, deviceJwk, KEYS, NOW, nowSeconds, presented, resetTaroMock, signed } from './offline-fixtures'
import { replyWith, requestMock, storage } from './taro-mock'

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: jest.requireActual<typeof import('./taro-mock')>('./taro-mock').taro,
}))

const DISCLOSED = { n: '张三', lc: 'C1', vf: '2020-01-01', vu: '2032-01-01', pr: 12 }

function credential(opts: { kid?: string; e?: number; d?: object; key?: KeyObject; k?: object } = {}): string {
  return signed(
    { alg: 'ES256', typ: 'ysx-vc', kid: opts.kid ?? 'k-2026-11' },
    {
      c: 'cred-1',
      t: 'driving_licence',
      p: 'traffic_police',
      d: opts.d ?? DISCLOSED,
      k: opts.k ?? { x: deviceJwk.x, y: deviceJwk.y },
      e: opts.e ?? nowSeconds + 3600,
    },
    opts.key,
  )
}

const qr = (cred = credential(), iat = nowSeconds - 5) => presented(cred, iat)

beforeEach(resetTaroMock)

it('accepts a genuine presentation and returns only the traffic-police fields', () => {
  const result = verifyPresentation(qr(), KEYS, NOW)
  expect(result).toEqual({
    ok: true,
    type: 'driving_licence',
    profile: 'traffic_police',
    credentialId: 'cred-1',
    presentedAt: (nowSeconds - 5) * 1000,
    disclosed: {
      name: '张三',
      licenceClass: 'C1',
      validFrom: '2020-01-01',
      validUntil: '2032-01-01',
      pointsRemaining: 12,
    },
  })
})

it('refuses an expired credential', () => {
  expect(verifyPresentation(qr(credential({ e: nowSeconds - 1 })), KEYS, NOW)).toMatchObject({
    ok: false,
    code: 'PRESENTATION_EXPIRED',
  })
})

it('refuses a credential signed under a kid the JWKS does not have, or by a key not in it', () => {
  expect(verifyPresentation(qr(credential({ kid: 'k-unknown' })), KEYS, NOW)).toMatchObject({
    ok: false,
    code: 'PRESENTATION_INVALID',
    reason: 'unknown kid',
  })
  const rogue = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey
  expect(verifyPresentation(qr(credential({ key: rogue })), KEYS, NOW)).toMatchObject({
    ok: false,
    code: 'PRESENTATION_INVALID',
    reason: 'credential signature',
  })
})

it('refuses a tampered credential payload', () => {
  const [h, , s] = credential().split('.') as [string, string, string]
  const forged = `${h}.${b64({ c: 'cred-1', t: 'driving_licence', p: 'traffic_police', d: { ...DISCLOSED, pr: 12, n: '李四' }, k: deviceJwk, e: nowSeconds + 3600 })}.${s}`
  expect(verifyPresentation(qr(forged), KEYS, NOW)).toMatchObject({ ok: false, code: 'PRESENTATION_INVALID' })
  const text = qr()
  const flipped = `${text.slice(0, 40)}${text[40] === 'A' ? 'B' : 'A'}${text.slice(41)}`
  expect(verifyPresentation(flipped, KEYS, NOW).ok).toBe(false)
})

it('refuses a proof signed by another device than the one the credential binds', () => {
  const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }) as {
    x: string
    y: string
  }
  expect(verifyPresentation(qr(credential({ k: { x: other.x, y: other.y } })), KEYS, NOW)).toMatchObject({
    ok: false,
    reason: 'device signature',
  })
})

it('refuses a proof older than 60 s or from the future, and one bound to another credential', () => {
  expect(verifyPresentation(qr(credential(), nowSeconds - 61), KEYS, NOW)).toMatchObject({
    ok: false,
    code: 'PRESENTATION_EXPIRED',
  })
  expect(verifyPresentation(qr(credential(), nowSeconds + 30), KEYS, NOW)).toMatchObject({
    ok: false,
    code: 'PRESENTATION_INVALID',
  })
  const [, proof] = qr().split('~') as [string, string]
  expect(verifyPresentation(`${credential({ e: nowSeconds + 7200 })}~${proof}`, KEYS, NOW)).toMatchObject({
    ok: false,
    reason: 'proof claims',
  })
})

it('refuses text that is not credential~proof', () => {
  for (const text of ['', 'abc', `${credential()}`, `${qr()}~x`, 'a.b.c~d.e.f']) {
    expect(verifyPresentation(text, KEYS, NOW).ok).toBe(false)
  }
})

it('fetches the JWKS once, caches it, then verifies from the cache with no request', async () => {
  replyWith(200, { keys: KEYS })
  await expect(verifyWithCachedKeys(qr(), NOW)).resolves.toMatchObject({ ok: true })
  expect(requestMock).toHaveBeenCalledTimes(1)
  expect(storage.has(JWKS_STORAGE)).toBe(true)
  expect(cachedKeys()).toEqual(KEYS)
  requestMock.mockRejectedValue(new Error('offline'))
  await expect(verifyWithCachedKeys(qr(), NOW)).resolves.toMatchObject({ ok: true })
  expect(requestMock).toHaveBeenCalledTimes(1)
})

it('says the keys are missing when none are cached and the network is down', async () => {
  requestMock.mockRejectedValue(new Error('offline'))
  await expect(verifyWithCachedKeys(qr(), NOW)).resolves.toMatchObject({ ok: false, code: 'KEYS_UNAVAILABLE' })
})

// services/verify-offline.ts for 粤康码 (typ ysx-hc): a genuine code gives its colour and time; the JWS and device
// checks are the wallet's (shared), and the two credential types are not interchangeable.
import { generateKeyPairSync } from 'node:crypto'
import {
  HEALTH_CODE_TYP,
  verifyHealthCode,
  verifyPresentation,
  verifyWithCachedKeys,
} from '../src/services/verify-offline'
import { deviceJwk, KEYS, NOW, nowSeconds, presented, resetTaroMock, signed } from './offline-fixtures'
import { replyWith, requestMock } from './taro-mock'

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: jest.requireActual<typeof import('./taro-mock')>('./taro-mock').taro,
}))

function healthCredential(claims: Record<string, unknown> = {}, typ = HEALTH_CODE_TYP): string {
  return signed(
    { alg: 'ES256', typ, kid: 'k-2026-11' },
    { c: 'hc-1', hc: 'y', k: { x: deviceJwk.x, y: deviceJwk.y }, e: nowSeconds + 3600, v: '2026.11', ...claims },
  )
}

const qr = (cred = healthCredential(), iat = nowSeconds - 5) => presented(cred, iat)

beforeEach(resetTaroMock)

it('accepts a genuine health code and returns its colour, rule version and the time the phone signed it', () => {
  expect(verifyHealthCode(qr(), KEYS, NOW)).toEqual({
    ok: true,
    colour: 'yellow',
    ruleVersion: '2026.11',
    presentedAt: (nowSeconds - 5) * 1000,
    credentialId: 'hc-1',
  })
  expect(verifyHealthCode(qr(healthCredential({ hc: 'g' })), KEYS, NOW)).toMatchObject({ ok: true, colour: 'green' })
  expect(verifyHealthCode(qr(healthCredential({ hc: 'r' })), KEYS, NOW)).toMatchObject({ ok: true, colour: 'red' })
})

it('refuses a colour or rule version it does not know', () => {
  for (const claims of [{ hc: 'b' }, { hc: 'green' }, { hc: 'toString' }, { hc: undefined }, { v: 3 }]) {
    expect(verifyHealthCode(qr(healthCredential(claims)), KEYS, NOW)).toMatchObject({
      ok: false,
      code: 'PRESENTATION_INVALID',
      reason: 'credential claims',
    })
  }
})

it('keeps the two credential types apart: a health code is no 亮证 credential, and a 亮证 credential no health code', () => {
  expect(verifyPresentation(qr(), KEYS, NOW)).toMatchObject({ ok: false, reason: 'credential header' })
  const walletCred = signed(
    { alg: 'ES256', typ: 'ysx-vc', kid: 'k-2026-11' },
    { c: 'cred-1', t: 'driving_licence', p: 'traffic_police', d: { n: '张三' }, k: deviceJwk, e: nowSeconds + 3600 },
  )
  expect(verifyHealthCode(qr(walletCred), KEYS, NOW)).toMatchObject({ ok: false, reason: 'credential header' })
})

it('runs the shared checks: expiry, device binding, proof age and binding hash', () => {
  expect(verifyHealthCode(qr(healthCredential({ e: nowSeconds - 1 })), KEYS, NOW)).toMatchObject({
    ok: false,
    code: 'PRESENTATION_EXPIRED',
  })
  const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }) as {
    x: string
    y: string
  }
  expect(verifyHealthCode(qr(healthCredential({ k: { x: other.x, y: other.y } })), KEYS, NOW)).toMatchObject({
    ok: false,
    reason: 'device signature',
  })
  expect(verifyHealthCode(qr(healthCredential(), nowSeconds - 61), KEYS, NOW)).toMatchObject({
    ok: false,
    code: 'PRESENTATION_EXPIRED',
  })
  const [, proof] = qr().split('~') as [string, string]
  expect(verifyHealthCode(`${healthCredential({ hc: 'g' })}~${proof}`, KEYS, NOW)).toMatchObject({
    ok: false,
    reason: 'proof claims',
  })
})

it('verifies with the cached JWKS when given the health-code verifier', async () => {
  replyWith(200, { keys: KEYS })
  await expect(verifyWithCachedKeys(qr(), NOW, verifyHealthCode)).resolves.toMatchObject({ ok: true, colour: 'yellow' })
  requestMock.mockRejectedValue(new Error('offline'))
  await expect(verifyWithCachedKeys(qr(healthCredential({ hc: 'r' })), NOW, verifyHealthCode)).resolves.toMatchObject({
    ok: true,
    colour: 'red',
  })
  expect(requestMock).toHaveBeenCalledTimes(1)
})

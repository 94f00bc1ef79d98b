// Shared by the verifier tests: an issuer key (node:crypto, as the BFF signs) and its JWKS, a phone's key, and the
// QR texts the phone makes for a 亮证 credential and a 粤康码 status credential.
import { createECDH, createHash, createPrivateKey, sign } from 'node:crypto'
import type { PublicJwk } from '@ysx/shared'
import { presentation } from '../src/services/device-key'
import { requestMock, storage } from './taro-mock'

/** A fixed P-256 key pair (the private scalar from a label), so every run signs the same codes. */
function fixedKey(label: string) {
  const d = createHash('sha256').update(label).digest()
  const ecdh = createECDH('prime256v1')
  ecdh.setPrivateKey(d)
  const point = ecdh.getPublicKey()
  const jwk = {
    kty: 'EC',
    crv: 'P-256',
    x: point.subarray(1, 33).toString('base64url'),
    y: point.subarray(33).toString('base64url'),
  }
  return { d, jwk, privateKey: createPrivateKey({ key: { ...jwk, d: d.toString('base64url') }, format: 'jwk' }) }
}

export const NOW = Date.UTC(2026, 10, 23, 9)
export const nowSeconds = NOW / 1000
const issuer = fixedKey('miniapp test issuer 2026-11')
export const KEYS: PublicJwk[] = [
  { kty: 'EC', crv: 'P-256', x: issuer.jwk.x, y: issuer.jwk.y, kid: 'k-2026-11', alg: 'ES256', use: 'sig' },
]
const device = fixedKey('miniapp test device')
const devicePrivate = new Uint8Array(device.d)
const deviceJwk = device.jwk

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
function signed(header: object, claims: object): string {
  const input = `${b64(header)}.${b64(claims)}`
  return `${input}.${sign('sha256', Buffer.from(input), { key: issuer.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`
}
const k = { x: deviceJwk.x, y: deviceJwk.y }

/** A 亮证 QR (traffic-police profile), the proof made at `iat` (default 5 s before NOW); `kid` names the issuer key. */
export function presentationQr(opts: { iat?: number; kid?: string; signedAt?: number } = {}): string {
  const d = { n: '张三', lc: 'C1', vf: '2020-01-01', vu: '2032-01-01', pr: 12 }
  const claims = {
    c: 'cred-1',
    t: 'driving_licence',
    p: 'traffic_police',
    d,
    k,
    e: nowSeconds + 3600,
    ...(opts.signedAt === undefined ? {} : { i: opts.signedAt }),
  }
  const credential = signed({ alg: 'ES256', typ: 'ysx-vc', kid: opts.kid ?? 'k-2026-11' }, claims)
  return presentation(credential, devicePrivate, { iatSeconds: opts.iat ?? nowSeconds - 5, jti: 'j-123456789' })
}

/** A 粤康码 QR (green), the proof made 3 s before NOW; `signedAt` (seconds) puts the credential's signing time in. */
export function healthQr(opts: { signedAt?: number } = {}): string {
  const claims = {
    c: 'hc-1',
    hc: 'g',
    k,
    e: nowSeconds + 3600,
    v: '2026.11',
    ...(opts.signedAt === undefined ? {} : { i: opts.signedAt }),
  }
  const credential = signed({ alg: 'ES256', typ: 'ysx-hc', kid: 'k-2026-11' }, claims)
  return presentation(credential, devicePrivate, { iatSeconds: nowSeconds - 3, jti: 'j-123456789' })
}

/** An empty store and no canned replies before each test. */
export function resetTaroMock() {
  storage.clear()
  requestMock.mockReset()
}

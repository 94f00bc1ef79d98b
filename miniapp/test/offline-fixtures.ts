// Shared by the offline-verification tests: the issuer's key and its JWKS, a phone's key (raw, as
// services/device-key.ts stores it, and as a JWK), a compact-JWS signer and the presentation the phone's QR carries.
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto'
import type { PublicJwk } from '@ysx/shared'
import { presentation } from '../src/services/device-key'
import { requestMock, storage } from './taro-mock'

export const NOW = Date.UTC(2026, 10, 23, 9)
export const nowSeconds = NOW / 1000
const issuer = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const jwk = issuer.publicKey.export({ format: 'jwk' }) as { x: string; y: string }
export const KEYS: PublicJwk[] = [
  { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, kid: 'k-2026-11', alg: 'ES256', use: 'sig' },
]
const device = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const devicePrivate = Buffer.from((device.privateKey.export({ format: 'jwk' }) as { d: string }).d, 'base64url')
export const deviceJwk = device.publicKey.export({ format: 'jwk' }) as { x: string; y: string }

export const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')

/** A compact JWS (ES256), signed by the issuer unless another key is given. */
export function signed(header: object, claims: object, key: KeyObject = issuer.privateKey): string {
  const input = `${b64(header)}.${b64(claims)}`
  return `${input}.${sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`
}

/** The QR text: the credential with the phone's proof, made `iat` seconds (default 5 s before NOW). */
export const presented = (credential: string, iat = nowSeconds - 5) =>
  presentation(credential, devicePrivate, { iatSeconds: iat, jti: 'j-123456789' })

/** An empty store and no canned replies before each test. */
export function resetTaroMock() {
  storage.clear()
  requestMock.mockReset()
}

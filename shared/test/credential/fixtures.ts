// Shared by the credential tests: an issuer key (node:crypto, as the BFF signs) and its JWKS entry, a phone's key
// (raw, as the mini-program stores it), a compact-JWS signer and the QR text the phone makes.
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto'
import { es256Sign, type IssuerKey, presentationText, proofSigningInput } from '../../src/credential'

export const NOW = Date.UTC(2026, 10, 23, 9)
export const nowSeconds = NOW / 1000
const issuer = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const jwk = issuer.publicKey.export({ format: 'jwk' }) as { x: string; y: string }
export const KEYS: IssuerKey[] = [{ kid: 'k-2026-11', x: jwk.x, y: jwk.y }]
const device = generateKeyPairSync('ec', { namedCurve: 'P-256' })
export const devicePrivate = Buffer.from((device.privateKey.export({ format: 'jwk' }) as { d: string }).d, 'base64url')
export const deviceJwk = device.publicKey.export({ format: 'jwk' }) as { x: string; y: string }

export const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')

/** A compact JWS (ES256), signed by the issuer unless another key is given. */
export function signed(header: object, claims: object, key: KeyObject = issuer.privateKey): string {
  const input = `${b64(header)}.${b64(claims)}`
  return `${input}.${sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`
}

/** The QR text: the credential with the phone's proof, made at `iat` (default 5 s before NOW). */
export function presented(credential: string, iat = nowSeconds - 5, jti = 'j-123456789'): string {
  const input = proofSigningInput(credential, { iat, jti })
  return presentationText(credential, input, es256Sign(input, devicePrivate))
}

/** A random P-256 public key that signed nothing here. */
export const strangerJwk = () =>
  generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }) as { x: string; y: string }
export const strangerKey = () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey

// Shared by the credential tests: an issuer key (node:crypto, as the BFF signs) and its JWKS entry, a phone's key
// (raw, as the mini-program stores it), a compact-JWS signer and the QR text the phone makes. Every key is fixed (its
// private scalar derived from a label), so each test signs the same codes on every run.
import { createECDH, createHash, createPrivateKey, type KeyObject, sign } from 'node:crypto'
import { es256Sign, type IssuerKey, presentationText, proofSigningInput } from '../../src/credential'

/** A fixed P-256 key pair: the private scalar from a label, the public point by OpenSSL. */
export function fixedKey(label: string) {
  const d = createHash('sha256').update(label).digest()
  const ecdh = createECDH('prime256v1')
  ecdh.setPrivateKey(d)
  const point = ecdh.getPublicKey()
  const jwk = {
    kty: 'EC',
    crv: 'P-256',
    x: point.subarray(1, 33).toString('base64url'),
    y: point.subarray(33, 65).toString('base64url'),
  }
  return {
    d: new Uint8Array(d),
    jwk,
    key: createPrivateKey({ key: { ...jwk, d: d.toString('base64url') }, format: 'jwk' }),
  }
}

export const NOW = Date.UTC(2026, 10, 23, 9)
export const nowSeconds = NOW / 1000
const issuer = fixedKey('ysx test issuer 2026-11')
export const KEYS: IssuerKey[] = [{ kid: 'k-2026-11', x: issuer.jwk.x, y: issuer.jwk.y }]
const device = fixedKey('ysx test device')
export const devicePrivate = device.d
export const deviceJwk = { x: device.jwk.x, y: device.jwk.y }

export const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')

/** A compact JWS (ES256), signed by the issuer unless another key is given. */
export function signed(header: object, claims: object, key: KeyObject = issuer.key): string {
  const input = `${b64(header)}.${b64(claims)}`
  return `${input}.${sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`
}

/** The QR text: the credential with the phone's proof, made at `iat` (default 5 s before NOW). */
export function presented(credential: string, iat = nowSeconds - 5, jti = 'j-123456789'): string {
  const input = proofSigningInput(credential, { iat, jti })
  return presentationText(credential, input, es256Sign(input, devicePrivate))
}

/** A P-256 public key that signed nothing here. */
export const strangerJwk = () => {
  const { x, y } = fixedKey('ysx test stranger').jwk
  return { x, y }
}
/** A private key that is not the issuer's. */
export const strangerKey = () => fixedKey('ysx test impostor').key

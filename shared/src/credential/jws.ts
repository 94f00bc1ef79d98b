// Compact JWS (RFC 7515) with ES256, as the device-bound codes use it: encoding a signing input, decoding a JWS,
// and ES256 by @noble/curves (pure JavaScript: the mini-program has no WebCrypto everywhere). A server may pass its
// own faster ES256 verifier (node:crypto) wherever a verifier is taken.
import { p256 } from '@noble/curves/nist'
import { sha256 } from '@noble/hashes/sha2'
import { base64urlToJson, fromBase64url, jsonToBase64url, toBase64url, utf8Encode } from './encoding'

export interface DecodedJws {
  header: Record<string, unknown>
  payload: Record<string, unknown>
  /** `header.payload`, the text the signature covers */
  signingInput: string
  /** Raw r‖s, 64 bytes */
  signature: Uint8Array
}

/** Verifies an ES256 signature (raw r‖s) over `signingInput` with a P-256 public key given as JWK x/y. */
export type Es256Verify = (key: { x: string; y: string }, signingInput: string, signature: Uint8Array) => boolean

/** `base64url(header).base64url(payload)`: what a JWS signs. */
export const jwsSigningInput = (header: Record<string, unknown>, payload: unknown): string =>
  `${jsonToBase64url(header)}.${jsonToBase64url(payload)}`

/** Splits and parses a compact JWS; null when it is not one (no signature is checked here). */
export function decodeJws(text: string): DecodedJws | null {
  const [h, p, s, ...rest] = text.split('.')
  if (!h || !p || !s || rest.length) return null
  const header = base64urlToJson(h)
  const payload = base64urlToJson(p)
  const signature = fromBase64url(s)
  if (!header || !payload || !signature || signature.length !== 64) return null
  return { header, payload, signingInput: `${h}.${p}`, signature }
}

/** ES256 verification by @noble/curves; any malformed input is simply "not verified". */
export const nobleEs256Verify: Es256Verify = (key, signingInput, signature) => {
  const x = fromBase64url(key.x)
  const y = fromBase64url(key.y)
  if (x?.length !== 32 || y?.length !== 32 || signature.length !== 64) return false
  const point = new Uint8Array(65)
  point[0] = 4
  point.set(x, 1)
  point.set(y, 33)
  try {
    // Signers other than noble (node:crypto in the BFF) do not normalise s: accept high-S as ES256 does.
    return p256.verify(signature, sha256(utf8Encode(signingInput)), point, { lowS: false, format: 'compact' })
  } catch {
    return false
  }
}

/** ES256 signature (base64url of the raw r‖s) over a signing input, with a P-256 private key (the phone's). */
export const es256Sign = (signingInput: string, privateKey: Uint8Array): string =>
  toBase64url(p256.sign(sha256(utf8Encode(signingInput)), privateKey).toBytes('compact'))

/** The JWK x/y of a P-256 private key's public half. */
export function publicJwkOf(privateKey: Uint8Array): { kty: 'EC'; crv: 'P-256'; x: string; y: string } {
  const point = p256.getPublicKey(privateKey, false)
  return { kty: 'EC', crv: 'P-256', x: toBase64url(point.slice(1, 33)), y: toBase64url(point.slice(33, 65)) }
}

// Compact JWS (RFC 7515) framing for ES256 over our own key ring: header.payload.signature in base64url. The
// signing itself is node:crypto's (KeyService); only the framing is here — a few lines that keep the ring's
// KeyObjects instead of importing every key again into a JOSE library.
import { createPublicKey, verify } from 'node:crypto'

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')

export interface DecodedJws {
  header: Record<string, unknown>
  payload: Record<string, unknown>
  signingInput: Buffer
  signature: Buffer
}

/** Signs header.payload with whichever key `signFor` picks; the header gets that key's kid. */
export async function signJws(
  header: Record<string, unknown>,
  payload: unknown,
  signFor: (build: (kid: string) => Uint8Array) => Promise<{ input: Uint8Array; signature: Buffer }>,
): Promise<string> {
  const { input, signature } = await signFor((kid) => Buffer.from(`${b64({ ...header, kid })}.${b64(payload)}`))
  return `${Buffer.from(input).toString('utf8')}.${signature.toString('base64url')}`
}

/** Splits and parses a compact JWS; undefined when it is not one (no signature is checked here). */
export function decodeJws(token: string): DecodedJws | undefined {
  const parts = token.split('.')
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) return undefined
  try {
    const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as unknown
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as unknown
    if (!isRecord(header) || !isRecord(payload)) return undefined
    return {
      header,
      payload,
      signingInput: Buffer.from(`${parts[0]}.${parts[1]}`),
      signature: Buffer.from(parts[2]!, 'base64url'),
    }
  } catch {
    return undefined
  }
}

/** ES256 verification against a P-256 public JWK. */
export function verifyWithJwk(jwk: { x: string; y: string }, input: Buffer, signature: Buffer): boolean {
  if (signature.length !== 64) return false
  try {
    const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, format: 'jwk' })
    return verify('sha256', input, { key, dsaEncoding: 'ieee-p1363' }, signature)
  } catch {
    return false
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

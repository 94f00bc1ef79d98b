// Signing compact JWS (RFC 7515, ES256) with our own key ring: the signing input is the shared credential format's,
// the signature node:crypto's (KeyService), so the ring's KeyObjects sign directly without a JOSE library.
import { jwsSigningInput } from '@ysx/shared/credential'

/** Signs header.payload with whichever key `signFor` picks; the header gets that key's kid. */
export async function signJws(
  header: Record<string, unknown>,
  payload: unknown,
  signFor: (build: (kid: string) => Uint8Array) => Promise<{ input: Uint8Array; signature: Buffer }>,
): Promise<string> {
  const { input, signature } = await signFor((kid) => Buffer.from(jwsSigningInput({ ...header, kid }, payload)))
  return `${Buffer.from(input).toString('utf8')}.${signature.toString('base64url')}`
}

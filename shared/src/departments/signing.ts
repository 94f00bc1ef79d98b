// How a call between the platform and a department proves who made it: HTTP Message Signatures (RFC 9421) with an
// Ed25519 key, as X-Road signs every message. The signer and the verifier live on each side (bff/src/platform/
// departments/signatures.ts, departments/src/harness/signatures.ts, both over the http-message-signatures package);
// what they must agree on is here, once.

/** The signature's label in Signature-Input / Signature. */
export const SIGNATURE_LABEL = 'ysx'
/** The only algorithm accepted (RFC 9421 §3.3.6). */
export const SIGNATURE_ALG = 'ed25519'
/** A signature is accepted for this long after its `created` time, and its nonce is remembered as long. */
export const SIGNATURE_WINDOW_SECONDS = 60
/** Clock skew allowed for a `created` time ahead of the verifier's clock. */
export const SIGNATURE_SKEW_SECONDS = 5
/** Signature parameters every signature carries. */
export const SIGNATURE_PARAMS = ['created', 'keyid', 'alg', 'nonce'] as const
/** Components every signature covers: the method and where the call goes (department, path, query). */
export const SIGNED_COMPONENTS = ['@method', '@authority', '@path', '@query'] as const
/**
 * Headers a signature must cover whenever the call carries them: the body's digest (RFC 9530) and type, and the
 * X-Road-style call headers (who calls, why, for which case), so none of them can be changed under a valid signature.
 */
export const SIGNED_HEADERS_IF_PRESENT = [
  'content-digest',
  'content-type',
  'x-client-id',
  'x-purpose',
  'x-case-id',
] as const

/** The environment variable holding the BFF's public JWK (or a JSON array of them) at a department stand-in. */
export const DEPT_CALLER_KEYS_VAR = 'DEPT_BFF_PUBLIC_JWK'
/** The environment variable holding the BFF's private Ed25519 JWK (JSON). */
export const BFF_SIGNING_KEY_VAR = 'BFF_DEPT_SIGNING_KEY'
/** The environment variable holding a stand-in's operators: `name=token` pairs, comma-separated. */
export const DEPT_OPERATORS_VAR = 'DEPT_OPERATORS'

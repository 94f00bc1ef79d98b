// HTTP Message Signatures (RFC 9421) on the department side, over the http-message-signatures package: the verifier
// every stand-in runs on the platform's calls, and the signer a department uses for its own calls to the platform
// (卫健's result callbacks) and that tests use to call a stand-in as the platform would. The BFF has the same pair
// (bff/src/platform/departments/signatures.ts); what both must agree on is in shared/src/departments/signing.ts.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto'
import {
  SIGNATURE_ALG,
  SIGNATURE_LABEL,
  SIGNATURE_PARAMS,
  SIGNATURE_SKEW_SECONDS,
  SIGNATURE_WINDOW_SECONDS,
  SIGNED_COMPONENTS,
  SIGNED_HEADERS_IF_PRESENT,
} from '@ysx/shared'
import { createSigner, createVerifier, httpbis, type SignatureParameters } from 'http-message-signatures'

/** A message as signed or verified: its method, absolute URL, headers (lower-case names) and body bytes. */
export interface SignableMessage {
  method: string
  url: string
  headers: Record<string, string | string[] | undefined>
  body?: string | Buffer
}

export type SignatureFailure = 'SIGNATURE_REQUIRED' | 'SIGNATURE_INVALID' | 'SIGNATURE_EXPIRED' | 'SIGNATURE_REPLAYED'
export type VerifyResult = { ok: true; keyid: string } | { ok: false; code: SignatureFailure; reason: string }

/** The key id of a public key: its RFC 7638 thumbprint. */
export function keyIdOf(jwk: JsonWebKey): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x })
  return createHash('sha256').update(canonical).digest('base64url')
}

/** The public half of an Ed25519 JWK (what a department registers), with its key id. */
export function publicJwkOf(privateJwk: JsonWebKey): JsonWebKey & { kid: string } {
  const { kty, crv, x } = createPublicKey({ key: privateJwk, format: 'jwk' }).export({ format: 'jwk' })
  return { kty, crv, x, kid: keyIdOf({ kty, crv, x }) }
}

/** A fresh Ed25519 key pair as JWKs (development and tests: scripts/department-env.ts, tests/support). */
export function generateSigningKey(): { privateJwk: JsonWebKey; publicJwk: JsonWebKey & { kid: string } } {
  const { privateKey } = generateKeyPairSync('ed25519')
  const privateJwk = privateKey.export({ format: 'jwk' })
  return { privateJwk, publicJwk: publicJwkOf(privateJwk) }
}

/** Content-Digest (RFC 9530) of a body: sha-256 as a structured-field byte sequence. */
export const contentDigest = (body: string | Buffer) =>
  `sha-256=:${createHash('sha256').update(body).digest('base64')}:`

/** Whether the Content-Digest header matches the body (sha-256 only). */
export function digestMatches(header: string | undefined, body: string | Buffer): boolean {
  const m = /(?:^|,)\s*sha-256=:([A-Za-z0-9+/=]+):/.exec(header ?? '')
  if (!m) return false
  const want = createHash('sha256').update(body).digest()
  const got = Buffer.from(m[1]!, 'base64')
  return got.length === want.length && timingSafeEqual(got, want)
}

const headerOf = (h: SignableMessage['headers'], name: string) => {
  const v = h[name]
  return Array.isArray(v) ? v.join(', ') : v
}

export interface MessageSigner {
  /** The key id the signatures name */
  keyid: string
  /** The headers to add to the message: Content-Digest (when there is a body), Signature-Input and Signature. */
  sign(message: SignableMessage): Promise<Record<string, string>>
}

/** Signs messages with a private Ed25519 JWK: method, authority, path, query, the body's digest and call headers. */
export function createMessageSigner(privateJwk: JsonWebKey, opts: { now?: () => number } = {}): MessageSigner {
  const key: KeyObject = createPrivateKey({ key: privateJwk, format: 'jwk' })
  const keyid = publicJwkOf(privateJwk).kid
  const now = opts.now ?? Date.now
  return {
    keyid,
    async sign(message) {
      const headers: Record<string, string> = {}
      for (const [k, v] of Object.entries(message.headers)) if (v !== undefined) headers[k.toLowerCase()] = String(v)
      const added: Record<string, string> = {}
      if (message.body !== undefined && message.body.length > 0) {
        added['content-digest'] = contentDigest(message.body)
        headers['content-digest'] = added['content-digest']
      }
      const fields = [...SIGNED_COMPONENTS, ...SIGNED_HEADERS_IF_PRESENT.filter((h) => headers[h] !== undefined)]
      const signed = await httpbis.signMessage(
        {
          key: createSigner(key, SIGNATURE_ALG, keyid),
          name: SIGNATURE_LABEL,
          fields,
          params: [...SIGNATURE_PARAMS],
          paramValues: { created: new Date(now()), nonce: randomBytes(16).toString('base64url') },
        },
        { method: message.method, url: message.url, headers },
      )
      return {
        ...added,
        'signature-input': String(signed.headers['Signature-Input']),
        signature: String(signed.headers['Signature']),
      }
    },
  }
}

export interface MessageVerifier {
  verify(message: SignableMessage): Promise<VerifyResult>
}

export interface VerifierOptions {
  /** The callers' public Ed25519 JWKs (a kid is optional: the key id is the thumbprint) */
  keys: readonly JsonWebKey[]
  now?: () => number
  windowSeconds?: number
}

/**
 * Verifies signed messages: exactly one signature, by a registered key, Ed25519, covering the method, authority, path,
 * query and every call header present (and the body's digest when there is a body), created within the window and not
 * in the future, with a nonce never seen before. `body` undefined means the body is checked later (`digestMatches`).
 */
export function createMessageVerifier(opts: VerifierOptions): MessageVerifier {
  const now = opts.now ?? Date.now
  const window = opts.windowSeconds ?? SIGNATURE_WINDOW_SECONDS
  const keys = new Map(
    opts.keys.map((jwk) => {
      const { kty, crv, x } = jwk
      return [keyIdOf({ kty, crv, x }), createVerifier(createPublicKey({ key: jwk, format: 'jwk' }), SIGNATURE_ALG)]
    }),
  )
  /** Nonces seen (`keyid nonce` → when they can be forgotten, ms), oldest first. */
  const seen = new Map<string, number>()
  const fail = (code: SignatureFailure, reason: string): VerifyResult => ({ ok: false, code, reason })

  return {
    async verify(message) {
      const h = message.headers
      const input = headerOf(h, 'signature-input')
      const signature = headerOf(h, 'signature')
      if (!input && !signature) return fail('SIGNATURE_REQUIRED', 'no Signature / Signature-Input')
      if (!input || !signature) return fail('SIGNATURE_INVALID', 'Signature and Signature-Input must come together')
      const hasBody =
        message.body !== undefined
          ? message.body.length > 0
          : Number(headerOf(h, 'content-length') ?? 0) > 0 || headerOf(h, 'transfer-encoding') !== undefined
      const required = [
        ...SIGNED_COMPONENTS,
        ...SIGNED_HEADERS_IF_PRESENT.filter((name) => headerOf(h, name) !== undefined),
        ...(hasBody ? ['content-digest'] : []),
      ]
      if (hasBody && message.body !== undefined && !digestMatches(headerOf(h, 'content-digest'), message.body))
        return fail('SIGNATURE_INVALID', 'Content-Digest does not match the body')
      const params: SignatureParameters[] = []
      let result: boolean | null
      try {
        result = await httpbis.verifyMessage(
          {
            keyLookup: async (p) => {
              params.push(p)
              const verify = typeof p.keyid === 'string' ? keys.get(p.keyid) : undefined
              return verify ? { id: p.keyid as string, algs: [SIGNATURE_ALG], verify } : null
            },
            requiredParams: [...SIGNATURE_PARAMS],
            requiredFields: required,
            // Times are checked below against this verifier's clock, not the library's.
            notAfter: Number.POSITIVE_INFINITY,
            all: true,
          },
          { method: message.method, url: message.url, headers: h as Record<string, string> },
        )
      } catch (err) {
        return fail('SIGNATURE_INVALID', (err as Error).message)
      }
      if (params.length !== 1) return fail('SIGNATURE_INVALID', 'exactly one signature expected')
      const p = params[0]!
      if (result !== true) return fail('SIGNATURE_INVALID', 'signature does not verify')
      if (p.alg !== SIGNATURE_ALG) return fail('SIGNATURE_INVALID', `alg must be ${SIGNATURE_ALG}`)
      const created = p.created instanceof Date ? p.created.getTime() : Number.NaN
      const t = now()
      if (!Number.isFinite(created) || t - created > window * 1000)
        return fail('SIGNATURE_EXPIRED', `created more than ${window} s ago`)
      if (created - t > SIGNATURE_SKEW_SECONDS * 1000) return fail('SIGNATURE_EXPIRED', 'created in the future')
      for (const [k, until] of seen) {
        if (until > t) break
        seen.delete(k)
      }
      const nonce = `${String(p.keyid)} ${String(p.nonce)}`
      if (seen.has(nonce)) return fail('SIGNATURE_REPLAYED', 'nonce already used')
      seen.set(nonce, created + (window + SIGNATURE_SKEW_SECONDS) * 1000)
      return { ok: true, keyid: String(p.keyid) }
    },
  }
}

/** Parses a registered key list: one JWK or a JSON array of them. */
export function parseJwks(text: string | undefined): JsonWebKey[] {
  if (!text) return []
  const parsed = JSON.parse(text) as JsonWebKey | JsonWebKey[]
  return Array.isArray(parsed) ? parsed : [parsed]
}

// Verifying 卫健's signed callbacks (HTTP Message Signatures, RFC 9421, via http-message-signatures): exactly one
// signature, ecdsa-p256-sha256 by a key 卫健 publishes, covering @method, @path, content-type and content-digest
// (RFC 9530, checked against the raw body), with created, keyid, alg, nonce and tag; created within the window on
// OUR clock (the library's own time checks use the wall clock, so they are switched off and done here).
// A small module on purpose: the lead may unify it with the RFC 9421 code of the BFF → department calls.
import { createHash, type KeyObject } from 'node:crypto'
import { createVerifier, httpbis, type SignatureParameters } from 'http-message-signatures'

export const CALLBACK_ALG = 'ecdsa-p256-sha256'
export const CALLBACK_TAG = 'ysx-weijian-callback'
export const CALLBACK_FIELDS = ['@method', '@path', 'content-type', 'content-digest']
const REQUIRED_PARAMS = ['created', 'keyid', 'alg', 'nonce', 'tag']
/** How far a sender's clock may run ahead of ours */
const SKEW_SECONDS = 5

export interface SignedRequest {
  method: string
  /** The path and query as received */
  url: string
  headers: Record<string, string | string[] | undefined>
  rawBody: string
}

export type SignatureCheck =
  | { ok: true; keyid: string; nonce: string; created: Date }
  | { ok: false; reason: 'unsigned' | 'malformed' | 'unknown_key' | 'bad_signature' | 'stale' | 'digest' }

export const contentDigest = (body: string) => `sha-256=:${createHash('sha256').update(body).digest('base64')}:`

export async function checkCallbackSignature(
  req: SignedRequest,
  opts: { key: (keyid: string) => Promise<KeyObject | undefined>; now: Date; maxAgeSeconds: number },
): Promise<SignatureCheck> {
  const headers = Object.fromEntries(
    Object.entries(req.headers).filter((e): e is [string, string | string[]] => e[1] !== undefined),
  )
  if (!headers['signature'] || !headers['signature-input']) return { ok: false, reason: 'unsigned' }
  let seen: SignatureParameters | undefined
  let lookups = 0
  let unknownKey = false
  let verified: boolean | null
  try {
    verified = await httpbis.verifyMessage(
      {
        keyLookup: async (params) => {
          lookups += 1
          seen = params
          if (params.alg !== CALLBACK_ALG || params.tag !== CALLBACK_TAG || typeof params.keyid !== 'string')
            return null
          const key = await opts.key(params.keyid)
          if (!key) {
            unknownKey = true
            return null
          }
          return { id: params.keyid, algs: [CALLBACK_ALG], verify: createVerifier(key, CALLBACK_ALG) }
        },
        requiredParams: REQUIRED_PARAMS,
        requiredFields: CALLBACK_FIELDS,
        // Freshness is judged below against our clock; the library would use the wall clock.
        notAfter: Number.MAX_SAFE_INTEGER,
      },
      { method: req.method, url: `http://callback.invalid${req.url}`, headers },
    )
  } catch {
    return { ok: false, reason: unknownKey ? 'unknown_key' : 'malformed' }
  }
  if (unknownKey) return { ok: false, reason: 'unknown_key' }
  if (lookups !== 1 || !seen) return { ok: false, reason: 'malformed' }
  if (verified !== true) return { ok: false, reason: 'bad_signature' }
  const created = seen.created
  const nonce = seen.nonce
  if (!(created instanceof Date) || typeof nonce !== 'string' || nonce.length < 16 || nonce.length > 128)
    return { ok: false, reason: 'malformed' }
  const age = (opts.now.getTime() - created.getTime()) / 1000
  if (age > opts.maxAgeSeconds || age < -SKEW_SECONDS) return { ok: false, reason: 'stale' }
  if (headers['content-digest'] !== contentDigest(req.rawBody)) return { ok: false, reason: 'digest' }
  return { ok: true, keyid: seen.keyid as string, nonce, created }
}

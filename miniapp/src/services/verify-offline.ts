// Offline 核验 of `<credential>~<proof>`: JWKS signature, expiry, device signature, credential hash, proof age ≤ 60 s.
import Taro from '@tarojs/taro'
import { p256 } from '@noble/curves/nist'
import { type Disclosed, DisclosedSchema, DISCLOSURE_PROFILES, type DisclosureProfile, JwksSchema, type PublicJwk } from '@ysx/shared'
import { base64urlToJson, fromBase64url, utf8Encode } from './encoding'
import { credentialHash } from './device-key'
import { sha256 } from '@noble/hashes/sha2'
import { jwks } from './wallet'

export const JWKS_STORAGE = 'ysx.verify.jwks'
export const MAX_AGE_SECONDS = 60
const SKEW_SECONDS = 5

/** Disclosed fields ↔ the short keys the credential carries. */
const LONG: Record<string, keyof Disclosed> = { n: 'name', lc: 'licenceClass', vf: 'validFrom', vu: 'validUntil', pr: 'pointsRemaining', l4: 'idNumberLast4', a18: 'over18' }

export type OfflineFailure = 'PRESENTATION_INVALID' | 'PRESENTATION_EXPIRED' | 'KEYS_UNAVAILABLE'
export type OfflineResult =
  | { ok: true; type: string; profile: DisclosureProfile; disclosed: Disclosed; presentedAt: number; credentialId: string }
  | { ok: false; code: OfflineFailure; reason: string }

interface Jws {
  header: Record<string, unknown>
  payload: Record<string, unknown>
  signingInput: string
  signature: Uint8Array
}

function decodeJws(text: string): Jws | null {
  const [h, p, s, ...rest] = text.split('.')
  if (!h || !p || !s || rest.length) return null
  const header = base64urlToJson(h)
  const payload = base64urlToJson(p)
  const signature = fromBase64url(s)
  if (!header || !payload || !signature || signature.length !== 64) return null
  return { header, payload, signingInput: `${h}.${p}`, signature }
}

/** ES256 with a P-256 public key given as JWK x/y; any malformed input is simply "not verified". */
function verifiedBy(key: { x?: unknown; y?: unknown }, jws: Jws): boolean {
  const x = typeof key.x === 'string' ? fromBase64url(key.x) : null
  const y = typeof key.y === 'string' ? fromBase64url(key.y) : null
  if (x?.length !== 32 || y?.length !== 32) return false
  const point = new Uint8Array(65)
  point[0] = 4
  point.set(x, 1)
  point.set(y, 33)
  try {
    // Signers other than noble (node:crypto in the BFF) do not normalise s: accept high-S as ES256 does.
    return p256.verify(jws.signature, sha256(utf8Encode(jws.signingInput)), point, { lowS: false, format: 'compact' })
  } catch {
    return false
  }
}

const fail = (code: OfflineFailure, reason: string): OfflineResult => ({ ok: false, code, reason })

/** Verifies a presentation against the given keys at `nowMs`; pure, so it runs with the network cut. */
export function verifyPresentation(text: string, keys: PublicJwk[], nowMs: number): OfflineResult {
  const [credText, deviceText, ...rest] = text.trim().split('~')
  if (!credText || !deviceText || rest.length) return fail('PRESENTATION_INVALID', 'not credential~proof')
  const cred = decodeJws(credText)
  if (!cred || cred.header.alg !== 'ES256' || cred.header.typ !== 'ysx-vc' || typeof cred.header.kid !== 'string') return fail('PRESENTATION_INVALID', 'credential header')
  const key = keys.find((k) => k.kid === cred.header.kid)
  if (!key) return fail('PRESENTATION_INVALID', 'unknown kid')
  if (!verifiedBy(key, cred)) return fail('PRESENTATION_INVALID', 'credential signature')
  const { c, t, p, d, k, e } = cred.payload
  const short = typeof d === 'object' && d !== null && !Array.isArray(d) ? Object.entries(d) : null
  const disclosed = short && DisclosedSchema.safeParse(Object.fromEntries(short.map(([s, v]) => [LONG[s] ?? s, v])))
  if (typeof c !== 'string' || typeof t !== 'string' || typeof e !== 'number' || typeof p !== 'string' || !(p in DISCLOSURE_PROFILES) || !disclosed?.success
    || typeof k !== 'object' || k === null) return fail('PRESENTATION_INVALID', 'credential claims')
  const now = nowMs / 1000
  if (e <= now) return fail('PRESENTATION_EXPIRED', 'credential expired')
  const device = decodeJws(deviceText)
  if (!device || device.header.alg !== 'ES256' || device.header.typ !== 'ysx-kb') return fail('PRESENTATION_INVALID', 'proof header')
  if (!verifiedBy(k, device)) return fail('PRESENTATION_INVALID', 'device signature')
  const { i, j, h } = device.payload
  if (typeof i !== 'number' || typeof j !== 'string' || j.length < 8 || j.length > 64 || h !== credentialHash(credText)) return fail('PRESENTATION_INVALID', 'proof claims')
  if (i > now + SKEW_SECONDS) return fail('PRESENTATION_INVALID', 'proof from the future')
  if (now - i > MAX_AGE_SECONDS) return fail('PRESENTATION_EXPIRED', 'proof older than 60 s')
  return { ok: true, type: t, profile: p as DisclosureProfile, disclosed: disclosed.data, presentedAt: i * 1000, credentialId: c }
}

export function cachedKeys(): PublicJwk[] | null {
  const parsed = JwksSchema.safeParse(Taro.getStorageSync<unknown>(JWKS_STORAGE))
  return parsed.success ? parsed.data.keys : null
}

/** Fetches the JWKS and caches it; null when it cannot be reached (offline). */
export async function refreshKeys(): Promise<PublicJwk[] | null> {
  try {
    const fetched = await jwks()
    Taro.setStorageSync(JWKS_STORAGE, fetched)
    return fetched.keys
  } catch {
    return null
  }
}

/** Offline verification with the cached keys; fetches them once first when none are cached or the kid is new. */
export async function verifyWithCachedKeys(text: string, nowMs = Date.now()): Promise<OfflineResult> {
  const cached = cachedKeys()
  const first = cached ? verifyPresentation(text, cached, nowMs) : null
  if (first && (first.ok || first.reason !== 'unknown kid')) return first
  const fetched = await refreshKeys()
  if (!fetched) return first ?? fail('KEYS_UNAVAILABLE', 'no keys cached')
  return verifyPresentation(text, fetched, nowMs)
}

// Offline 核验 of `<credential>~<proof>` (亮证 and 粤康码): JWKS signature, expiry, device signature, credential hash,
// proof age ≤ 60 s; then each credential type's own claims.
import Taro from '@tarojs/taro'
import { p256 } from '@noble/curves/nist'
import {
  CODE_TYP,
  type Disclosed,
  DISCLOSED_SHORT_KEYS,
  DisclosedSchema,
  DISCLOSURE_PROFILES,
  type DisclosureProfile,
  HEALTH_COLOUR_CODES,
  type HealthColour,
  JwksSchema,
  PROOF_MAX_AGE_SECONDS,
  PROOF_SKEW_SECONDS,
  type PublicJwk,
} from '@ysx/shared'
import { base64urlToJson, fromBase64url, utf8Encode } from './encoding'
import { credentialHash, DEVICE_PROOF_TYP } from './device-key'
import { sha256 } from '@noble/hashes/sha2'
import { jwks } from './wallet'

export const JWKS_STORAGE = 'ysx.verify.jwks'
export const MAX_AGE_SECONDS = PROOF_MAX_AGE_SECONDS
const SKEW_SECONDS = PROOF_SKEW_SECONDS

/** Disclosed fields ↔ the short keys the credential carries. */
const LONG = Object.fromEntries(Object.entries(DISCLOSED_SHORT_KEYS).map(([long, short]) => [short, long])) as Record<
  string,
  keyof Disclosed
>

export type OfflineFailure = 'PRESENTATION_INVALID' | 'PRESENTATION_EXPIRED' | 'KEYS_UNAVAILABLE'
export type OfflineFailed = { ok: false; code: OfflineFailure; reason: string }
export type OfflineResult =
  | {
      ok: true
      type: string
      profile: DisclosureProfile
      disclosed: Disclosed
      presentedAt: number
      credentialId: string
    }
  | OfflineFailed

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

const fail = (code: OfflineFailure, reason: string): OfflineFailed => ({ ok: false, code, reason })

/** What the checks every `<credential>~<proof>` share hand back: the credential's own claims, its id and the proof time. */
type Bound<T> = { ok: true; claims: T; credentialId: string; presentedAt: number } | OfflineFailed

/**
 * The checks every `<credential>~<device proof>` shares, whatever the credential says: the platform's signature (JWKS
 * kid), the credential's typ and expiry, the device's signature by the key the credential binds, the proof's binding
 * hash and its age (≤ 60 s). `claims` reads the credential's own claims; null means they are malformed.
 */
function verifyBound<T>(
  text: string,
  keys: PublicJwk[],
  nowMs: number,
  typ: string,
  claims: (payload: Record<string, unknown>) => T | null,
): Bound<T> {
  const [credText, deviceText, ...rest] = text.trim().split('~')
  if (!credText || !deviceText || rest.length) return fail('PRESENTATION_INVALID', 'not credential~proof')
  const cred = decodeJws(credText)
  if (!cred || cred.header.alg !== 'ES256' || cred.header.typ !== typ || typeof cred.header.kid !== 'string')
    return fail('PRESENTATION_INVALID', 'credential header')
  const key = keys.find((k) => k.kid === cred.header.kid)
  if (!key) return fail('PRESENTATION_INVALID', 'unknown kid')
  if (!verifiedBy(key, cred)) return fail('PRESENTATION_INVALID', 'credential signature')
  const { c, k, e } = cred.payload
  const own = claims(cred.payload)
  if (typeof c !== 'string' || typeof e !== 'number' || typeof k !== 'object' || k === null || own === null)
    return fail('PRESENTATION_INVALID', 'credential claims')
  const now = nowMs / 1000
  if (e <= now) return fail('PRESENTATION_EXPIRED', 'credential expired')
  const device = decodeJws(deviceText)
  if (!device || device.header.alg !== 'ES256' || device.header.typ !== DEVICE_PROOF_TYP)
    return fail('PRESENTATION_INVALID', 'proof header')
  if (!verifiedBy(k, device)) return fail('PRESENTATION_INVALID', 'device signature')
  const { i, j, h } = device.payload
  if (typeof i !== 'number' || typeof j !== 'string' || j.length < 8 || j.length > 64 || h !== credentialHash(credText))
    return fail('PRESENTATION_INVALID', 'proof claims')
  if (i > now + SKEW_SECONDS) return fail('PRESENTATION_INVALID', 'proof from the future')
  if (now - i > MAX_AGE_SECONDS) return fail('PRESENTATION_EXPIRED', 'proof older than 60 s')
  return { ok: true, claims: own, credentialId: c, presentedAt: i * 1000 }
}

/** 亮证 credential claims: certificate type, disclosure profile and the disclosed fields under their short keys. */
function presentationClaims({
  t,
  p,
  d,
}: Record<string, unknown>): { type: string; profile: DisclosureProfile; disclosed: Disclosed } | null {
  const short = typeof d === 'object' && d !== null && !Array.isArray(d) ? Object.entries(d) : null
  const disclosed = short && DisclosedSchema.safeParse(Object.fromEntries(short.map(([s, v]) => [LONG[s] ?? s, v])))
  if (typeof t !== 'string' || typeof p !== 'string' || !(p in DISCLOSURE_PROFILES) || !disclosed?.success) return null
  return { type: t, profile: p as DisclosureProfile, disclosed: disclosed.data }
}

/** Verifies a 亮证 presentation against the given keys at `nowMs`; pure, so it runs with the network cut. */
export function verifyPresentation(text: string, keys: PublicJwk[], nowMs: number): OfflineResult {
  const bound = verifyBound(text, keys, nowMs, CODE_TYP.presentation, presentationClaims)
  if (!bound.ok) return bound
  return { ok: true, ...bound.claims, presentedAt: bound.presentedAt, credentialId: bound.credentialId }
}

/** 粤康码's status credential: typ ysx-hc, claims {c, hc: g|y|r, k, e, v}; the QR's proof is the wallet's device proof. */
export const HEALTH_CODE_TYP = CODE_TYP.healthCode
const HEALTH_COLOUR = Object.fromEntries(
  Object.entries(HEALTH_COLOUR_CODES).map(([colour, code]) => [code, colour]),
) as Record<string, HealthColour>

export type HealthOfflineResult =
  { ok: true; colour: HealthColour; ruleVersion: string; presentedAt: number; credentialId: string } | OfflineFailed

function healthClaims({ hc, v }: Record<string, unknown>): { colour: HealthColour; ruleVersion: string } | null {
  const colour = typeof hc === 'string' && Object.hasOwn(HEALTH_COLOUR, hc) ? HEALTH_COLOUR[hc] : undefined
  return colour && typeof v === 'string' ? { colour, ruleVersion: v } : null
}

/**
 * Verifies a 粤康码 QR offline: signature, expiry, device proof and age. Whether the colour is still the holder's
 * current one, and whether the QR was used before, only the platform can say (online verification).
 */
export function verifyHealthCode(text: string, keys: PublicJwk[], nowMs: number): HealthOfflineResult {
  const bound = verifyBound(text, keys, nowMs, HEALTH_CODE_TYP, healthClaims)
  if (!bound.ok) return bound
  return { ok: true, ...bound.claims, presentedAt: bound.presentedAt, credentialId: bound.credentialId }
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

type Verifier<R> = (text: string, keys: PublicJwk[], nowMs: number) => R | OfflineFailed

/**
 * Offline verification with the cached keys (亮证 by default, or `verifyHealthCode`); fetches them once first when
 * none are cached or the kid is new.
 */
export async function verifyWithCachedKeys(text: string, nowMs?: number): Promise<OfflineResult>
export async function verifyWithCachedKeys<R extends { ok: true }>(
  text: string,
  nowMs: number | undefined,
  verifier: Verifier<R>,
): Promise<R | OfflineFailed>
export async function verifyWithCachedKeys(
  text: string,
  nowMs = Date.now(),
  verifier: Verifier<{ ok: true }> = verifyPresentation,
): Promise<{ ok: true } | OfflineFailed> {
  const cached = cachedKeys()
  const first = cached ? verifier(text, cached, nowMs) : null
  if (first && (first.ok || first.reason !== 'unknown kid')) return first
  const fetched = await refreshKeys()
  if (!fetched) return first ?? fail('KEYS_UNAVAILABLE', 'no keys cached')
  return verifier(text, fetched, nowMs)
}

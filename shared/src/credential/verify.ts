// Verifying a device-bound code with the issuer's public keys (a JWKS) alone — what any verifier can check offline:
// the platform's signature (by kid), the credential's typ and expiry, the device's signature by the key the
// credential binds, the proof's binding hash, its age (≤ 60 s) and that it is not from the future. Then each
// credential type's own claims. Whether the certificate or colour is still current, and whether the QR was used
// before, only the platform can say (online verification).
import type { HealthColour } from '../api/health-code'
import type { PublicJwk } from '../api/keys'
import { type Disclosed, DisclosedSchema, DISCLOSURE_PROFILES, type DisclosureProfile } from '../api/presentation'
import {
  CODE_TYP,
  colourOfCode,
  credentialHash,
  fromShortKeys,
  PROOF_MAX_AGE_SECONDS,
  PROOF_SKEW_SECONDS,
} from './format'
import { decodeJws, type Es256Verify, nobleEs256Verify } from './jws'

/** What the checks read of a JWKS entry */
export type IssuerKey = Pick<PublicJwk, 'kid' | 'x' | 'y'>

/** `invalid`: forged, tampered, malformed or signed by a key not in the set; `expired`: the credential or proof. */
export type CodeFailure = { ok: false; failure: 'invalid' | 'expired'; reason: string }
export type CodeVerified<T> = {
  ok: true
  claims: T
  credentialId: string
  /** The proof's one-use id, and when the device made it (seconds) */
  proofId: string
  issuedAt: number
}

export interface VerifyOptions<T> {
  /** The credential's JWS `typ` */
  typ: string
  /** The issuer's keys that may have signed it (current and within their overlap) */
  keys: readonly IssuerKey[]
  nowMs: number
  /** Reads the credential's own claims; null when they are not what this kind of credential holds */
  claims: (payload: Record<string, unknown>) => T | null
  /** ES256 verification; @noble/curves unless a faster one is given (node:crypto on the server) */
  es256?: Es256Verify
}

const fail = (failure: CodeFailure['failure'], reason: string): CodeFailure => ({ ok: false, failure, reason })

/** The kid of the credential in a code's text, to look its key up before verifying; undefined when unreadable. */
export function credentialKid(text: string): string | undefined {
  const kid = decodeJws(text.trim().split('~')[0] ?? '')?.header.kid
  return typeof kid === 'string' ? kid : undefined
}

export function verifyDeviceBound<T>(text: string, o: VerifyOptions<T>): CodeVerified<T> | CodeFailure {
  const es256 = o.es256 ?? nobleEs256Verify
  const [credText, deviceText, ...rest] = text.trim().split('~')
  if (!credText || !deviceText || rest.length) return fail('invalid', 'not credential~proof')
  const cred = decodeJws(credText)
  if (!cred || cred.header.alg !== 'ES256' || cred.header.typ !== o.typ || typeof cred.header.kid !== 'string') {
    return fail('invalid', 'credential header')
  }
  const key = o.keys.find((k) => k.kid === cred.header.kid)
  if (!key) return fail('invalid', 'unknown kid')
  if (!es256(key, cred.signingInput, cred.signature)) return fail('invalid', 'credential signature')
  const { c, k, e } = cred.payload as { c?: unknown; k?: { x?: unknown; y?: unknown }; e?: unknown }
  const own = o.claims(cred.payload)
  if (typeof c !== 'string' || typeof e !== 'number' || typeof k?.x !== 'string' || typeof k.y !== 'string') {
    return fail('invalid', 'credential claims')
  }
  if (own === null) return fail('invalid', 'credential claims')
  const now = o.nowMs / 1000
  if (e <= now) return fail('expired', 'credential expired')
  const device = decodeJws(deviceText)
  if (!device || device.header.alg !== 'ES256' || device.header.typ !== CODE_TYP.deviceProof) {
    return fail('invalid', 'proof header')
  }
  if (!es256({ x: k.x, y: k.y }, device.signingInput, device.signature)) return fail('invalid', 'device signature')
  const { i, j, h } = device.payload
  if (
    typeof i !== 'number' ||
    typeof j !== 'string' ||
    j.length < 8 ||
    j.length > 64 ||
    h !== credentialHash(credText)
  ) {
    return fail('invalid', 'proof claims')
  }
  if (i > now + PROOF_SKEW_SECONDS) return fail('invalid', 'proof from the future')
  if (now - i > PROOF_MAX_AGE_SECONDS) return fail('expired', `proof older than ${PROOF_MAX_AGE_SECONDS} s`)
  return { ok: true, claims: own, credentialId: c, proofId: j, issuedAt: i }
}

export interface PresentationClaims {
  type: string
  profile: DisclosureProfile
  disclosed: Disclosed
  /** When the platform signed the credential (seconds, claim `i`); absent in credentials signed before it existed */
  signedAt?: number
}

/** The credential's signing time (`i`, seconds) when it carries one: an offline verifier shows how old it is. */
const signedAtOf = (i: unknown) => (typeof i === 'number' && Number.isFinite(i) ? { signedAt: i } : {})

/** 亮证 credential claims: certificate type, disclosure profile and the disclosed fields under their short keys. */
export function presentationClaims({ t, p, d, i }: Record<string, unknown>): PresentationClaims | null {
  const short = typeof d === 'object' && d !== null && !Array.isArray(d) ? (d as Record<string, unknown>) : null
  const disclosed = short && DisclosedSchema.safeParse(fromShortKeys(short))
  if (typeof t !== 'string' || typeof p !== 'string' || !Object.hasOwn(DISCLOSURE_PROFILES, p) || !disclosed?.success) {
    return null
  }
  return { type: t, profile: p as DisclosureProfile, disclosed: disclosed.data, ...signedAtOf(i) }
}

/** 粤康码 status credential claims: the colour (`hc`: g|y|r), the rule version (`v`) and when it was signed (`i`). */
export function healthCodeClaims({
  hc,
  v,
  i,
}: Record<string, unknown>): { colour: HealthColour; ruleVersion: string; signedAt?: number } | null {
  const colour = colourOfCode(hc)
  return colour && typeof v === 'string' ? { colour, ruleVersion: v, ...signedAtOf(i) } : null
}

type Checks = Pick<VerifyOptions<unknown>, 'keys' | 'nowMs' | 'es256'>

/** Verifies a 亮证 presentation against the issuer's keys; pure, so it runs with the network cut. */
export const verifyPresentation = (text: string, o: Checks) =>
  verifyDeviceBound(text, { ...o, typ: CODE_TYP.presentation, claims: presentationClaims })

/** Verifies a 粤康码 QR against the issuer's keys; pure, so it runs with the network cut. */
export const verifyHealthCode = (text: string, o: Checks) =>
  verifyDeviceBound(text, { ...o, typ: CODE_TYP.healthCode, claims: healthCodeClaims })

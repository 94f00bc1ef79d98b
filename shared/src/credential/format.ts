// The wire format of device-bound codes (亮证 and 粤康码), one definition for the issuer (BFF), the online verifier,
// the verifier pages and the tests. QR text: `<credential JWS>~<device proof JWS>`. The platform signs the
// credential, which carries the device's public key (`k`), an id (`c`) and its expiry (`e`, seconds); the phone
// signs each rotating proof `{ i: issued-at s, j: proof id, h: 128-bit hash of the credential }` offline (the
// ISO 18013-5 mDL model, framed like SD-JWT key binding).
import { sha256 } from '@noble/hashes/sha2'
import type { HealthColour } from '../api/health-code'
import type { Disclosed } from '../api/presentation'
import { toBase64url, utf8Encode } from './encoding'
import { jwsSigningInput } from './jws'

/** The JWS `typ` of each artefact. */
export const CODE_TYP = {
  /** 亮证 credential */
  presentation: 'ysx-vc',
  /** 粤康码 status credential */
  healthCode: 'ysx-hc',
  /** the device's rotating proof over either credential */
  deviceProof: 'ysx-kb',
  /** 粤澳 transfer payload */
  healthTransfer: 'ysx-hc-transfer',
} as const
/** A proof older than this is stale; one from further ahead than the skew is refused. */
export const PROOF_MAX_AGE_SECONDS = 60
export const PROOF_SKEW_SECONDS = 5

/** Disclosed field names ↔ their short keys inside a credential (the QR must stay under 800 bytes). */
export const DISCLOSED_SHORT_KEYS: Record<keyof Disclosed, string> = {
  name: 'n',
  licenceClass: 'lc',
  validFrom: 'vf',
  validUntil: 'vu',
  pointsRemaining: 'pr',
  idNumberLast4: 'l4',
  over18: 'a18',
}
const LONG_KEYS = Object.fromEntries(Object.entries(DISCLOSED_SHORT_KEYS).map(([long, short]) => [short, long]))

/** Disclosed fields under their short keys, as the credential carries them. */
export const toShortKeys = (d: Disclosed): Record<string, string | number | boolean | null> =>
  Object.fromEntries(Object.entries(d).map(([k, v]) => [DISCLOSED_SHORT_KEYS[k as keyof Disclosed], v]))

/** The credential's short keys back to field names (unknown keys are kept, for the schema to refuse). */
export const fromShortKeys = (d: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(d).map(([short, v]) => [LONG_KEYS[short] ?? short, v]))

/** A colour's one-letter code inside the status credential (`hc`). */
export const HEALTH_COLOUR_CODES = { green: 'g', yellow: 'y', red: 'r' } as const satisfies Record<HealthColour, string>
const COLOUR_OF_CODE: Record<string, HealthColour> = { g: 'green', y: 'yellow', r: 'red' }
/** The colour a status credential's `hc` names, or undefined. */
export const colourOfCode = (code: unknown): HealthColour | undefined =>
  typeof code === 'string' && Object.hasOwn(COLOUR_OF_CODE, code) ? COLOUR_OF_CODE[code] : undefined

/** The 128-bit prefix of the credential's SHA-256 that binds a proof to it (base64url). */
export const credentialHash = (credential: string): string => toBase64url(sha256(utf8Encode(credential)).slice(0, 16))

/** The device proof's signing input over `credential`: issued-at (seconds) and a one-use id. */
export const proofSigningInput = (credential: string, at: { iat: number; jti: string }): string =>
  jwsSigningInput({ alg: 'ES256', typ: CODE_TYP.deviceProof }, { i: at.iat, j: at.jti, h: credentialHash(credential) })

/** One QR's text: the credential, then the proof (its signing input and the device's base64url signature). */
export const presentationText = (credential: string, proofInput: string, proofSignature: string): string =>
  `${credential}~${proofInput}.${proofSignature}`

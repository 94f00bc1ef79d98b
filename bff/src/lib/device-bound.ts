// Device-bound codes (亮证 and 粤康码 alike): `<credential JWS>~<device JWS>`. The platform signs the credential,
// which carries the device's public key (`k`) and its expiry (`e`); the device signs each rotating proof
// `{ i: issued-at s, j: proof id, h: 128-bit hash of the credential }`. These are the checks any verifier can make
// with the JWKS alone; what the credential's other claims mean is the caller's.
import { createHash } from 'node:crypto'
import { CODE_TYP, type ErrorCode, PROOF_MAX_AGE_SECONDS, PROOF_SKEW_SECONDS } from '@ysx/shared'
import type { KeyService } from '../keys'
import { AppError } from '../platform/app-error'
import { decodeJws, verifyWithJwk } from '../platform/jws'

export const DEVICE_TYP = CODE_TYP.deviceProof
export const MAX_AGE_SECONDS = PROOF_MAX_AGE_SECONDS
const SKEW_SECONDS = PROOF_SKEW_SECONDS

/** The device proof binds the credential by a 128-bit prefix of its SHA-256. */
export const credentialHash = (credential: string) =>
  createHash('sha256').update(credential).digest().subarray(0, 16).toString('base64url')

export interface DeviceBoundOptions<T> {
  /** The credential's JWS `typ` */
  typ: string
  keys: KeyService
  now: Date
  /** Reads the credential's own claims; undefined when they are not what this kind of credential holds */
  claims: (payload: Record<string, unknown>) => T | undefined
  codes: { invalid: ErrorCode; expired: ErrorCode }
}

export interface DeviceBound<T> {
  claims: T
  /** The device proof's id and issue time (seconds) */
  jti: string
  iat: number
}

export async function verifyDeviceBound<T>(presentation: string, o: DeviceBoundOptions<T>): Promise<DeviceBound<T>> {
  const invalid = (why: string) => new AppError(o.codes.invalid, why)
  const [credText, deviceText, ...rest] = presentation.split('~')
  if (!credText || !deviceText || rest.length > 0) throw invalid('not credential~device')
  const cred = decodeJws(credText)
  if (!cred || cred.header.alg !== 'ES256' || cred.header.typ !== o.typ || typeof cred.header.kid !== 'string')
    throw invalid('credential header')
  if (!(await o.keys.verify(cred.header.kid, cred.signingInput, cred.signature))) throw invalid('credential signature')
  const { e: exp, k: key } = cred.payload as { e?: unknown; k?: { x?: unknown; y?: unknown } }
  const claims = o.claims(cred.payload)
  if (typeof exp !== 'number' || typeof key?.x !== 'string' || typeof key.y !== 'string' || claims === undefined)
    throw invalid('credential claims')
  const t = o.now.getTime() / 1000
  if (exp <= t) throw new AppError(o.codes.expired, 'credential expired')
  const device = decodeJws(deviceText)
  if (!device || device.header.alg !== 'ES256' || device.header.typ !== DEVICE_TYP) throw invalid('device header')
  if (!verifyWithJwk({ x: key.x, y: key.y }, device.signingInput, device.signature)) throw invalid('device signature')
  const { i: iat, j: jti, h } = device.payload as { i?: unknown; j?: unknown; h?: unknown }
  if (
    typeof iat !== 'number' ||
    typeof jti !== 'string' ||
    jti.length < 8 ||
    jti.length > 64 ||
    h !== credentialHash(credText)
  )
    throw invalid('device claims')
  if (iat > t + SKEW_SECONDS) throw invalid('from the future')
  if (t - iat > MAX_AGE_SECONDS) throw new AppError(o.codes.expired, `older than ${MAX_AGE_SECONDS} s`)
  return { claims, jti, iat }
}

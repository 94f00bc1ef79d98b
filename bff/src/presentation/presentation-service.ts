// Presentation (亮证) and verification (核验). The BFF signs a short-lived credential per disclosure profile, bound to
// the citizen's device key; the device signs each QR (≤ 60 s) offline. QR text: `<credential JWS>~<device JWS>`.
// Verification: credential signature by a published key → credential not expired → device signature by the bound
// key → freshness → (online) the certificate's current status at its department → one use per presentation id.
import { createHash, randomBytes } from 'node:crypto'
import type { z } from '@ysx/shared/z'
import {
  CERTIFICATE_TYPES,
  endOfChinaDay,
  type CertificateType,
  type Disclosed,
  DISCLOSURE_PROFILES,
  type DisclosureProfile,
  type VerificationSchema,
} from '@ysx/shared'
import {
  CODE_TYP,
  credentialKid,
  type PresentationClaims,
  toShortKeys,
  verifyPresentation,
} from '@ysx/shared/credential'
import type { PresentationsRepository } from './presentations-repository'
import { AppError } from '../platform/app-error'
import { oncePer } from '../platform/once-per'
import { nodeEs256Verify } from '../platform/es256'
import { signJws } from '../platform/jws'
import type { AuditContext, AuditService } from '../audit'
import type { IssuedCertificate } from '../wallet'
import type { KeyService } from '../keys'
import type { ProfileService } from '../identity'
import type { WalletService } from '../wallet'

const CREDENTIAL_TYP = CODE_TYP.presentation
const CREDENTIAL_HOURS = 24

/** Credential claims, with short names: the QR must stay under 800 bytes (a phone camera at arm's length). */
export interface CredentialClaims {
  /** credential id */
  c: string
  /** certificate type */
  t: string
  /** disclosure profile */
  p: DisclosureProfile
  /** disclosed fields, short keys (DISCLOSED_SHORT_KEYS) */
  d: Record<string, string | number | boolean | null>
  /** device public key (P-256 x, y) */
  k: { x: string; y: string }
  /** expiry, seconds */
  e: number
  /** signed at, seconds (an offline verifier shows the credential's age) */
  i: number
}

type Verification = z.output<typeof VerificationSchema>

export interface PresentationService {
  issue(
    userId: string,
    cardId: string,
    profile: DisclosureProfile,
    deviceKey: { x: string; y: string },
    ctx: AuditContext,
  ): Promise<{
    credential: string
    credentialId: string
    profile: DisclosureProfile
    disclosed: Disclosed
    expiresAt: string
  }>
  /** The checks any verifier can make offline with the JWKS; throws PRESENTATION_INVALID / PRESENTATION_EXPIRED. */
  verifyOffline(presentation: string): Promise<PresentationClaims & { credentialId: string; jti: string; iat: number }>
  /**
   * Online verification. The one-use id is reserved before the department is asked, so parallel scans of one QR make
   * one department call and one success; refusals and replays are audited.
   */
  verifyOnline(presentation: string, ctx?: AuditContext): Promise<Verification>
  log(
    userId: string,
    cardId: string,
  ): Promise<{ profile: DisclosureProfile; verifiedAt: string; outcome: 'accepted' | 'replayed' | 'not_valid' }[]>
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url')

/** The fields a profile shows, from the certificate. */
export function disclose(profile: DisclosureProfile, c: IssuedCertificate, today: Date): Disclosed {
  if (profile === 'traffic_police') {
    const points = c.points as { remaining?: number } | undefined
    return {
      name: c.holder.name,
      licenceClass: String(c.licenceClass ?? ''),
      validFrom: c.issueDate,
      validUntil: c.expiryDate,
      pointsRemaining: points?.remaining ?? 0,
    }
  }
  if (profile === 'hotel') return { name: c.holder.name, idNumberLast4: c.holder.idNumber.slice(-4) }
  const birth = c.holder.idNumber.slice(6, 14)
  const eighteenth = Date.UTC(Number(birth.slice(0, 4)) + 18, Number(birth.slice(4, 6)) - 1, Number(birth.slice(6, 8)))
  return { over18: today.getTime() >= eighteenth }
}

export function createPresentationService(d: {
  keys: KeyService
  wallet: WalletService
  profiles: ProfileService
  repo: PresentationsRepository
  audit: AuditService
  now?: () => Date
}): PresentationService {
  const now = d.now ?? (() => new Date())
  const invalid = (why: string) => new AppError('PRESENTATION_INVALID', why)
  // Forged or garbled codes cost nothing to send: audited once per address per minute, not each time.
  const firstJunkFrom = oncePer(60_000)

  return {
    async issue(userId, cardId, profile, deviceKey, ctx) {
      await d.profiles.requireRecentFace(userId, ctx)
      const cert = await d.wallet.certificate(userId, cardId)
      if (!(DISCLOSURE_PROFILES[profile] as readonly string[]).includes(cert.type))
        throw new AppError('PROFILE_NOT_APPLICABLE')
      if (cert.status !== 'valid') throw new AppError('CERTIFICATE_NOT_VALID', `certificate is ${cert.status}`)
      const at = now()
      const iat = Math.floor(at.getTime() / 1000)
      const certEnd = cert.expiryDate ? Math.floor(endOfChinaDay(cert.expiryDate) / 1000) : Number.POSITIVE_INFINITY
      const exp = Math.min(iat + CREDENTIAL_HOURS * 3600, certEnd)
      const disclosed = disclose(profile, cert, at)
      const cid = randomBytes(16).toString('base64url')
      const claims: CredentialClaims = {
        c: cid,
        t: cert.type,
        p: profile,
        d: toShortKeys(disclosed),
        k: { x: deviceKey.x, y: deviceKey.y },
        e: exp,
        i: iat,
      }
      const credential = await signJws({ alg: 'ES256', typ: CREDENTIAL_TYP }, claims, (build) => d.keys.signFor(build))
      await d.repo.addCredential({
        id: cid,
        userId,
        cardId,
        profile,
        deviceKeyThumbprint: sha256(`${deviceKey.x}.${deviceKey.y}`),
        issuedAt: at,
        expiresAt: new Date(exp * 1000),
      })
      await d.audit.record(
        { userId, action: 'credential.issue', outcome: 'success', reason: `${cert.type} ${profile}` },
        ctx,
      )
      return { credential, credentialId: cid, profile, disclosed, expiresAt: new Date(exp * 1000).toISOString() }
    },

    async verifyOffline(presentation) {
      const keys = await d.keys.verificationKeys(credentialKid(presentation))
      const r = verifyPresentation(presentation, { keys, nowMs: now().getTime(), es256: nodeEs256Verify })
      if (!r.ok) throw new AppError(r.failure === 'expired' ? 'PRESENTATION_EXPIRED' : 'PRESENTATION_INVALID', r.reason)
      return { ...r.claims, credentialId: r.credentialId, jti: r.proofId, iat: r.issuedAt }
    },

    async verifyOnline(presentation, ctx = {}) {
      const refuse = async (err: AppError, userId: string | null = null): Promise<never> => {
        const reason = `${err.code}: ${err.message}`
        await d.audit.record({ userId, action: 'presentation.verify', outcome: 'failure', reason }, ctx)
        throw err
      }
      let offline
      try {
        offline = await this.verifyOffline(presentation)
      } catch (err) {
        if (!(err instanceof AppError)) throw err
        if (err.code === 'PRESENTATION_INVALID' && !firstJunkFrom(ctx.ip ?? '')) throw err
        return refuse(err)
      }
      const { credentialId, type, profile, disclosed, jti, iat } = offline
      const row = await d.repo.findCredential(credentialId)
      if (!row) return refuse(invalid('unknown credential'))
      // One use, reserved before the department is asked: it reads "not valid" until the department says otherwise.
      const use = `${credentialId}:${jti}`
      const first = await d.repo.firstUse({ jti: use, credentialId, verifiedAt: now(), outcome: 'not_valid' })
      if (!first) return refuse(new AppError('PRESENTATION_REPLAYED'), row.userId)
      let status = 'valid'
      try {
        status = (await d.wallet.certificate(row.userId, row.cardId, { fresh: true, type: type as CertificateType }))
          .status
      } catch (err) {
        // The card is gone from its department: revoked for all purposes.
        if (err instanceof AppError && err.code === 'NOT_FOUND') status = 'revoked'
        else {
          // A department that failed decided nothing: the reader may scan the same code again.
          await d.repo.release(use)
          throw err
        }
      }
      if (status !== 'valid')
        return refuse(new AppError('CERTIFICATE_NOT_VALID', `certificate is ${status}`), row.userId)
      await d.repo.settle(use, 'accepted')
      return {
        valid: true,
        type,
        title: CERTIFICATE_TYPES[type as CertificateType] ?? type,
        profile,
        disclosed,
        presentedAt: new Date(iat * 1000).toISOString(),
        checks: ['signature', 'device', 'freshness', 'status', 'replay'],
      }
    },

    async log(userId, cardId) {
      const rows = await d.repo.log(userId, cardId)
      const profiles = new Map<string, DisclosureProfile>()
      for (const r of rows)
        if (!profiles.has(r.credentialId))
          profiles.set(r.credentialId, (await d.repo.findCredential(r.credentialId))!.profile)
      return rows.map((r) => ({
        profile: profiles.get(r.credentialId)!,
        verifiedAt: r.verifiedAt.toISOString(),
        outcome: r.outcome,
      }))
    },
  }
}

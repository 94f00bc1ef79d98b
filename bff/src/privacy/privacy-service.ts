// The citizen's rights over their personal information (PIPL). A copy of everything the BFF holds about them
// (Art. 45), assembled from each capability's public entry, their own personal fields opened for them alone; and
// closing the account (注销, Art. 47): every capability deletes or anonymises what it keeps about them, the account
// and its sessions go (every token stops at once), and the audit trail keeps their records under an HMAC pseudonym
// of the id, so it still chains and verifies — all in one transaction. Both need a fresh step-up, and both are audited.
import type { z } from '@ysx/shared/z'
import type { AccountClosedSchema, PersonalDataExport } from '@ysx/shared'
import type { AuditContext, AuditService } from '../audit'
import type { DataUsePersonalData } from '../data-use'
import type { FeedbackService } from '../feedback'
import type { HallService } from '../hall'
import type { HealthCodePersonalData } from '../health-code'
import type { AccessClaims, IdentityPersonalData } from '../identity'
import { AppError } from '../platform/app-error'
import type { PresentationPersonalData } from '../presentation'

export interface PrivacyService {
  /** Everything held about the signed-in citizen, as JSON; after a fresh step-up; audited. */
  exportData(claims: AccessClaims, ctx: AuditContext): Promise<PersonalDataExport>
  /** Closes the account for good; after a fresh step-up; audited (under the pseudonym). */
  closeAccount(claims: AccessClaims, ctx: AuditContext): Promise<z.infer<typeof AccountClosedSchema>>
}

export interface PrivacyDeps {
  identity: IdentityPersonalData
  /** The account's level: a basic account (WeChat login only, no real name) has no face to step up with */
  level(userId: string): Promise<'basic' | 'real_name'>
  /** Identity's step-up guard: a fresh face verification, else 403 STEP_UP_REQUIRED (audited there) */
  requireStepUp(claims: AccessClaims, ctx: AuditContext): Promise<void>
  presentations: PresentationPersonalData
  dataUse: DataUsePersonalData
  healthCode: HealthCodePersonalData
  feedback: Pick<FeedbackService, 'exportFor' | 'eraseFor'>
  /** 服务大厅's favourites and recent services (they go with the account row: a cascade) */
  hall: Pick<HallService, 'exportFor'>
  audit: AuditService
  /** One transaction over the data store */
  atomically<T>(work: () => Promise<T>): Promise<T>
  now: () => Date
}

export function createPrivacyService(d: PrivacyDeps): PrivacyService {
  /**
   * A real-name account needs a fresh face verification: its copy holds the full ID number and health data, and
   * closing cannot be undone. A basic account holds no identity data and has no face on record to check, so its own
   * session suffices (asking it to verify a real name first would put a condition on 注销 the law does not allow).
   */
  async function guard(claims: AccessClaims, ctx: AuditContext) {
    if ((await d.level(claims.sub)) === 'real_name') await d.requireStepUp(claims, ctx)
  }

  return {
    async exportData(claims, ctx) {
      await guard(claims, ctx)
      const userId = claims.sub
      const idNumberHash = await d.identity.idNumberHash(userId)
      const { account, sessions } = await d.identity.export(userId)
      const wallet = await d.presentations.export(userId)
      const dataUse = await d.dataUse.export(userId)
      const healthCode = await d.healthCode.export(userId, idNumberHash)
      const feedback = await d.feedback.exportFor(userId)
      const services = await d.hall.exportFor(userId)
      await d.audit.record({ userId, action: 'privacy.export', outcome: 'success' }, ctx)
      const audit = (await d.audit.list(userId)).map((r) => ({
        at: r.at.toISOString(),
        action: r.action,
        outcome: r.outcome,
        reason: r.reason,
        ip: r.ip,
      }))
      return {
        format: 'ysx-personal-data/1',
        exportedAt: d.now().toISOString(),
        account,
        sessions,
        wallet,
        dataUse,
        healthCode,
        feedback,
        services,
        audit,
      }
    },

    async closeAccount(claims, ctx) {
      await guard(claims, ctx)
      const userId = claims.sub
      const closedAt = d.now()
      await d.atomically(async () => {
        // A closing that raced this one and won: nothing to write.
        if (!(await d.identity.exists(userId))) throw new AppError('ACCOUNT_CLOSED')
        const idNumberHash = await d.identity.idNumberHash(userId)
        // Recorded first, so the closing itself is in the trail; it is pseudonymised with the rest below.
        await d.audit.record({ userId, action: 'account.close', outcome: 'success' }, ctx)
        await d.healthCode.erase(userId, idNumberHash)
        await d.presentations.erase(userId)
        await d.dataUse.erase(userId)
        await d.feedback.eraseFor(userId)
        // The account, its sessions and refresh tokens: ACCOUNT_CLOSED (and nothing written) if it is already gone.
        await d.identity.erase(userId)
        await d.audit.pseudonymise(userId)
      })
      return { closedAt: closedAt.toISOString() }
    },
  }
}

// Presentation's part of the citizen's PIPL rights: the 亮证 credentials issued to them and each verification of
// them, in their copy (Art. 45) and deleted when the account closes (Art. 47); and the retention purge.
import type { PersonalDataExport } from '@ysx/shared'
import type { PresentationsRepository } from './presentations-repository'

/** The 亮证 part of the copy, as its contract says (shared/src/api/privacy.ts). */
export type PresentationCopy = PersonalDataExport['wallet']

export interface PresentationPersonalData {
  export(userId: string): Promise<PresentationCopy>
  erase(userId: string): Promise<void>
  /** Retention: verifications made before `verifiedBefore`; credentials expired before `expiredBefore`. */
  purge(verifiedBefore: Date, expiredBefore: Date): Promise<{ presentations: number; credentials: number }>
}

export function createPresentationPersonalData(repo: PresentationsRepository): PresentationPersonalData {
  return {
    async export(userId) {
      const { credentials, presentations } = await repo.recordsOf(userId)
      return {
        credentials: credentials.map((c) => ({
          id: c.id,
          cardId: c.cardId,
          profile: c.profile,
          issuedAt: c.issuedAt.toISOString(),
          expiresAt: c.expiresAt.toISOString(),
        })),
        presentations: presentations.map((p) => ({
          credentialId: p.credentialId,
          verifiedAt: p.verifiedAt.toISOString(),
          outcome: p.outcome,
        })),
      }
    },
    erase: (userId) => repo.eraseFor(userId),
    async purge(verifiedBefore, expiredBefore) {
      const presentations = await repo.purgeOneUseBefore(verifiedBefore)
      const credentials = await repo.purgeCredentialsExpiredBefore(expiredBefore)
      return { presentations, credentials }
    },
  }
}

// Identity's part of the citizen's PIPL rights: the account (its personal fields opened for the owner alone) and the
// metadata of its sessions for the copy (Art. 45); deleting the account for 注销 (Art. 47); the retention purge of
// ended sessions and expired face challenges.
import type { PersonalDataExport } from '@ysx/shared'
import type { FaceChallengesRepository } from './face-repository'
import type { SessionsRepository } from './sessions-repository'
import type { UsersRepository } from './users-repository'
import { AppError } from '../platform/app-error'
import type { FieldCipher } from '../platform/field-cipher'

/** The account and its sessions as the copy's contract says (shared/src/api/privacy.ts). */
export type AccountCopy = Pick<PersonalDataExport, 'account' | 'sessions'>

export interface IdentityPersonalData {
  /** Whether the account is still there (not closed). */
  exists(userId: string): Promise<boolean>
  /** The keyed hash of the account's ID number (null before real name): how other records name this citizen. */
  idNumberHash(userId: string): Promise<string | null>
  /** The account and its sessions, personal fields in full: for the owner's own copy only. */
  export(userId: string): Promise<AccountCopy>
  /** Deletes the account with its sessions (every token of it stops at once) and challenges; ACCOUNT_CLOSED if gone. */
  erase(userId: string): Promise<void>
  /** Retention: ended sessions and expired face challenges. */
  purge(now: Date): Promise<{ sessions: number; faceChallenges: number }>
}

const iso = (d: Date | null) => d?.toISOString() ?? null

export function createIdentityPersonalData(d: {
  users: UsersRepository
  sessions: SessionsRepository
  faceChallenges: FaceChallengesRepository
  cipher: FieldCipher
}): IdentityPersonalData {
  const open = (sealed: string | null, row: string, column: string) =>
    sealed ? d.cipher.decrypt(sealed, { table: 'users', column, row }) : null
  return {
    async exists(userId) {
      return (await d.users.findById(userId)) !== undefined
    },
    async idNumberHash(userId) {
      return (await d.users.findById(userId))?.idNumberHash ?? null
    },
    async export(userId) {
      const u = await d.users.findById(userId)
      if (!u) throw new AppError('ACCOUNT_CLOSED')
      const sessions = await d.sessions.listByUser(userId)
      return {
        account: {
          userId: u.id,
          level: u.level,
          name: open(u.nameSealed, u.id, 'name_sealed'),
          idNumber: open(u.idNumberSealed, u.id, 'id_number_sealed'),
          phone: open(u.phoneSealed, u.id, 'phone_sealed'),
          createdAt: u.createdAt.toISOString(),
          realNameAt: iso(u.realNameAt),
          // Step-up belongs to a session: the latest face verification passed in any of them.
          lastFaceVerifiedAt: iso(
            sessions.reduce<Date | null>((a, x) => (x.stepUpAt && (!a || x.stepUpAt > a) ? x.stepUpAt : a), null),
          ),
        },
        sessions: sessions.map((s) => ({
          id: s.id,
          createdAt: s.createdAt.toISOString(),
          absoluteExpiresAt: s.absoluteExpiresAt.toISOString(),
          revokedAt: iso(s.revokedAt),
          revokedReason: s.revokedReason,
        })),
      }
    },
    async erase(userId) {
      if (!(await d.users.remove(userId))) throw new AppError('ACCOUNT_CLOSED')
    },
    async purge(now) {
      return { sessions: await d.sessions.purgeEnded(now), faceChallenges: await d.faceChallenges.purgeExpired(now) }
    },
  }
}

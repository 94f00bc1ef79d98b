// The data store: the BFF's SQLite database and every capability's repository over it; the only place that knows
// it is SQLite (the PostgreSQL path adds a second store of the same shape).
import { openDatabase } from './platform/db'
import { type AuditRepository, drizzleAuditRepository } from './audit/audit-repository'
import { type DataAccessRepository, drizzleDataAccessRepository } from './data-use/data-use-repository'
import { drizzleFaceChallengesRepository, type FaceChallengesRepository } from './identity/face-repository'
import { drizzleFeedbackRepository, type FeedbackRepository } from './feedback/feedback-repository'
import { drizzleHealthCodeRepository, type HealthCodeRepository } from './health-code/health-code-repository'
import { drizzlePresentationsRepository, type PresentationsRepository } from './presentation/presentations-repository'
import { drizzleSessionsRepository, type SessionsRepository } from './identity/sessions-repository'
import { drizzleSigningKeysRepository, type SigningKeysRepository } from './keys/signing-keys-repository'
import { drizzleUsersRepository, type UsersRepository } from './identity/users-repository'

export interface Repositories {
  feedback: FeedbackRepository
  users: UsersRepository
  sessions: SessionsRepository
  faceChallenges: FaceChallengesRepository
  audit: AuditRepository
  dataAccess: DataAccessRepository
  signingKeys: SigningKeysRepository
  presentations: PresentationsRepository
  healthCode: HealthCodeRepository
}

export interface DataStore {
  repos: Repositories
  ping(): Promise<boolean>
  /** Runs `work` (this store's repositories only) as one transaction: all of its writes or none */
  atomically<T>(work: () => Promise<T>): Promise<T>
  close(): Promise<void>
}

export function openDataStore(file: string): DataStore {
  const database = openDatabase(file)
  return {
    repos: {
      feedback: drizzleFeedbackRepository(database.db),
      users: drizzleUsersRepository(database.db),
      sessions: drizzleSessionsRepository(database.db),
      faceChallenges: drizzleFaceChallengesRepository(database.db),
      audit: drizzleAuditRepository(database.db),
      dataAccess: drizzleDataAccessRepository(database.db),
      signingKeys: drizzleSigningKeysRepository(database.db),
      presentations: drizzlePresentationsRepository(database.db),
      healthCode: drizzleHealthCodeRepository(database.db),
    },
    ping: database.ping,
    atomically: database.atomically,
    close: database.close,
  }
}

export type { AuditEntry, AuditRepository, AuditRow } from './audit/audit-repository'
export { GENESIS_HASH } from './audit/audit-repository'
export type { DataAccessRepository, DataAccessRow } from './data-use/data-use-repository'
export type { ClaimResult, FaceChallengesRepository } from './identity/face-repository'
export type { FeedbackRepository, FeedbackRow } from './feedback/feedback-repository'
export type {
  AppealRow,
  CheckInWithVenue,
  DeclarationRow,
  FamilyMemberRow,
  HealthCodeRepository,
  HealthStatusRow,
  VenueRow,
} from './health-code/health-code-repository'
export type { CredentialRow, PresentationRow, PresentationsRepository } from './presentation/presentations-repository'
export type { RotateResult, SessionsRepository } from './identity/sessions-repository'
export type { SigningKeyRow, SigningKeysRepository } from './keys/signing-keys-repository'
export type { RealNameBinding, UserRow, UsersRepository } from './identity/users-repository'

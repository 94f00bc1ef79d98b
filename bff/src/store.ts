// The data store: every capability's repository over the BFF's database — the SQLite file (BFF_DB_FILE, the
// default) or PostgreSQL (DATABASE_URL set); the only place that knows which.
import { openDatabase } from './platform/db'
import { openPgDatabase } from './platform/db.pg'
import type { Config } from './platform/config'
import { type AuditRepository, drizzleAuditRepository } from './audit/audit-repository'
import { pgAuditRepository } from './audit/audit-repository.pg'
import { type DataAccessRepository, drizzleDataAccessRepository } from './data-use/data-use-repository'
import { pgDataAccessRepository } from './data-use/data-use-repository.pg'
import { drizzleFaceChallengesRepository, type FaceChallengesRepository } from './identity/face-repository'
import { pgFaceChallengesRepository } from './identity/face-repository.pg'
import { drizzleFeedbackRepository, type FeedbackRepository } from './feedback/feedback-repository'
import { pgFeedbackRepository } from './feedback/feedback-repository.pg'
import { drizzleHallRepository, type HallRepository } from './hall/hall-repository'
import { pgHallRepository } from './hall/hall-repository.pg'
import { drizzleHealthCodeRepository, type HealthCodeRepository } from './health-code/health-code-repository'
import { pgHealthCodeRepository } from './health-code/health-code-repository.pg'
import { drizzlePresentationsRepository, type PresentationsRepository } from './presentation/presentations-repository'
import { pgPresentationsRepository } from './presentation/presentations-repository.pg'
import { drizzleSessionsRepository, type SessionsRepository } from './identity/sessions-repository'
import { pgSessionsRepository } from './identity/sessions-repository.pg'
import { drizzleSigningKeysRepository, type SigningKeysRepository } from './keys/signing-keys-repository'
import { pgSigningKeysRepository } from './keys/signing-keys-repository.pg'
import { drizzleUsersRepository, type UsersRepository } from './identity/users-repository'
import { pgUsersRepository } from './identity/users-repository.pg'
// The sessions table, for the 粤康码 display's one read (a join of the session and the status): see SessionsTable.
import { sessions } from './identity/tables'
import { sessions as pgSessions } from './identity/tables.pg'

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
  hall: HallRepository
}

export interface DataStore {
  repos: Repositories
  ping(): Promise<boolean>
  /** Runs `work` (this store's repositories only) as one transaction: all of its writes or none */
  atomically<T>(work: () => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** The store the configuration names: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
export async function openStore(config: Pick<Config, 'dbFile' | 'databaseUrl'>): Promise<DataStore> {
  return config.databaseUrl ? openPgDataStore(config.databaseUrl) : openDataStore(config.dbFile)
}

/** The SQLite store over `file` (':memory:' for a throwaway one). */
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
      healthCode: drizzleHealthCodeRepository(database.db, sessions),
      hall: drizzleHallRepository(database.db),
    },
    ping: database.ping,
    atomically: database.atomically,
    close: database.close,
  }
}

/** The PostgreSQL store at `url` (migrated on open). */
export async function openPgDataStore(url: string): Promise<DataStore> {
  const database = await openPgDatabase(url)
  const { conn } = database
  return {
    repos: {
      feedback: pgFeedbackRepository(conn),
      users: pgUsersRepository(conn),
      sessions: pgSessionsRepository(conn),
      faceChallenges: pgFaceChallengesRepository(conn),
      audit: pgAuditRepository(conn),
      dataAccess: pgDataAccessRepository(conn),
      signingKeys: pgSigningKeysRepository(conn),
      presentations: pgPresentationsRepository(conn),
      healthCode: pgHealthCodeRepository(conn, pgSessions),
      hall: pgHallRepository(conn),
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
export type { FavouriteResult, HallRepository } from './hall/hall-repository'
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

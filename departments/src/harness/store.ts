// Fast seeding writes: one prepared INSERT per table, fed typed rows, and the certificate ledger's row shape.
import type BetterSqlite3 from 'better-sqlite3'
import { getTableColumns, getTableName } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { CertificateStatus } from '@ysx/shared'
import { addDays, addYears, ageOn, dayOf } from './dates'
import type { Dice } from './dice'
import { certificates } from './tables'

/** Fen (stored as integers) to 元 with two decimals (served). */
export const yuan = (fen: number): number => Math.round(fen) / 100

export interface SeedStore {
  insert<T extends SQLiteTable>(table: T, rows: T['$inferInsert'][]): void
  /** Adds a certificate to the department's ledger; `details` holds the type's own fields. */
  certificate(personIndex: number, c: IssuedCertificate): void
}

export interface IssuedCertificate {
  type: string
  certificateNumber: string
  status: CertificateStatus
  issueDate: string
  expiryDate: string | null
  issuingAuthority: string
  details: Record<string, unknown>
}

export function createSeedStore(sqlite: BetterSqlite3.Database): SeedStore {
  const statements = new Map<SQLiteTable, { stmt: BetterSqlite3.Statement; keys: string[] }>()
  const prepared = (table: SQLiteTable) => {
    let entry = statements.get(table)
    if (!entry) {
      const columns = Object.entries(getTableColumns(table))
      const names = columns.map(([, c]) => `"${c.name}"`).join(', ')
      const marks = columns.map(() => '?').join(', ')
      const stmt = sqlite.prepare(`INSERT INTO "${getTableName(table)}" (${names}) VALUES (${marks})`)
      entry = { stmt, keys: columns.map(([k]) => k) }
      statements.set(table, entry)
    }
    return entry
  }
  const store: SeedStore = {
    insert(table, rows) {
      const { stmt, keys } = prepared(table)
      for (const row of rows) {
        const r = row as Record<string, unknown>
        stmt.run(keys.map((k) => r[k] ?? null))
      }
    },
    certificate(personIndex, { details, ...c }) {
      store.insert(certificates, [{ personIndex, ...c, details: JSON.stringify(details) }])
    },
  }
  return store
}

/**
 * Issue and expiry dates for a certificate valid `years` (null: no expiry), issued no earlier than `notBefore`;
 * about `expiredShare` of them lapsed before the reference date. The status follows: expired when the expiry is
 * before the reference date, else now and then suspended or revoked, otherwise valid.
 */
export function validity(d: Dice, ref: string, notBefore: string, years: number | null, expiredShare = 0.04) {
  const span = Math.max(0, dayOf(ref) - dayOf(notBefore))
  const term = years === null ? 20 * 365 : dayOf(addYears(ref, years)) - dayOf(ref)
  const lapsed = years !== null && d.chance(expiredShare) && span > term + 1
  const back = lapsed ? term + d.int(1, Math.min(720, span - term)) : d.int(0, Math.max(0, Math.min(span, term - 1)))
  const issueDate = addDays(ref, -back)
  const expiryDate = years === null ? null : addYears(issueDate, years)
  return { issueDate, expiryDate, status: certificateStatus(d, ref, expiryDate) }
}

/**
 * Like `validity`, for certificates whose term depends on the holder's age when issued (`termFor(age)`, in years;
 * null for no expiry): 居民身份证, passports, travel permits.
 */
export function validityByAge(
  d: Dice,
  ref: string,
  birthDate: string,
  notBefore: string,
  termFor: (age: number) => number | null,
) {
  const { issueDate } = validity(d, ref, notBefore, termFor(ageOn(birthDate, ref)))
  const years = termFor(ageOn(birthDate, issueDate))
  const expiryDate = years === null ? null : addYears(issueDate, years)
  return { issueDate, expiryDate, status: certificateStatus(d, ref, expiryDate), years }
}

export function certificateStatus(d: Dice, ref: string, expiryDate: string | null): CertificateStatus {
  if (expiryDate !== null && expiryDate < ref) return 'expired'
  const roll = d.next() % 1000
  return roll < 15 ? 'suspended' : roll < 25 ? 'revoked' : 'valid'
}

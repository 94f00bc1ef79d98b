// Tables every department's SQLite file has: its register of citizens, the certificates it issued, the access log
// of business calls, and what was seeded. Each department's schema.ts re-exports them for drizzle-kit.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const CERTIFICATE_STATUSES = ['valid', 'expired', 'suspended', 'revoked'] as const

/** The citizens the department knows (real departments check against the population register). */
export const persons = sqliteTable('persons', {
  personIndex: integer('person_index').primaryKey(),
  idNumber: text('id_number').notNull().unique(),
  name: text('name').notNull(),
  gender: text('gender', { enum: ['male', 'female'] }).notNull(),
})

/** Certificates the department issued: the common fields as columns, the type's own fields as JSON. */
export const certificates = sqliteTable(
  'certificates',
  {
    id: integer('id').primaryKey(),
    personIndex: integer('person_index').notNull(),
    type: text('type').notNull(),
    certificateNumber: text('certificate_number').notNull(),
    status: text('status', { enum: CERTIFICATE_STATUSES }).notNull(),
    issueDate: text('issue_date').notNull(),
    expiryDate: text('expiry_date'),
    issuingAuthority: text('issuing_authority').notNull(),
    details: text('details').notNull(),
  },
  (t) => [index('certificates_person_index').on(t.personIndex)],
)

/** One row per business call: who called, why, for which case, what was read, about whom, when. */
export const accessLog = sqliteTable(
  'access_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    requestId: text('request_id').notNull(),
    clientId: text('client_id').notNull(),
    purpose: text('purpose').notNull(),
    caseId: text('case_id'),
    route: text('route').notNull(),
    personIndex: integer('person_index'),
    outcome: text('outcome', { enum: ['served', 'not_found'] }).notNull(),
  },
  (t) => [index('access_log_person_index').on(t.personIndex)],
)

export const seedMeta = sqliteTable('seed_meta', {
  id: integer('id').primaryKey(),
  seed: integer('seed').notNull(),
  size: integer('size').notNull(),
  /** The synthetic world's "today" the data was seeded for (null in files seeded before it was recorded) */
  referenceDate: text('reference_date'),
})

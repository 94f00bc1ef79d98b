// Tables every department's SQLite file has: its register of citizens, the certificates it issued, the access log
// of business calls, and what was seeded. Each department's schema.ts re-exports them for drizzle-kit.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { citizenKey, citizenRecords, oneOf, requiredInt, requiredText, rowId } from './columns'

export const CERTIFICATE_STATUSES = ['valid', 'expired', 'suspended', 'revoked'] as const

/** The citizens the department knows (real departments check against the population register). */
export const persons = sqliteTable('persons', {
  personIndex: citizenKey(),
  idNumber: text('id_number').notNull().unique(),
  name: requiredText('name'),
  gender: oneOf('gender', ['male', 'female']),
})

/** Certificates the department issued: the common fields as columns, the type's own fields as JSON. */
export const certificates = citizenRecords('certificates', {
  type: requiredText('type'),
  certificateNumber: requiredText('certificate_number'),
  status: oneOf('status', CERTIFICATE_STATUSES),
  issueDate: requiredText('issue_date'),
  expiryDate: text('expiry_date'),
  issuingAuthority: requiredText('issuing_authority'),
  details: requiredText('details'),
})

/** One row per business call: who called, why, for which case, what was read, about whom, when. */
export const accessLog = sqliteTable(
  'access_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: requiredText('at'),
    requestId: requiredText('request_id'),
    clientId: requiredText('client_id'),
    purpose: requiredText('purpose'),
    caseId: text('case_id'),
    route: requiredText('route'),
    personIndex: integer('person_index'),
    outcome: oneOf('outcome', ['served', 'not_found']),
  },
  (t) => [index('access_log_person_index').on(t.personIndex)],
)

export const seedMeta = sqliteTable('seed_meta', {
  id: rowId(),
  seed: requiredInt('seed'),
  size: requiredInt('size'),
  /** The synthetic world's "today" the data was seeded for (null in files seeded before it was recorded) */
  referenceDate: text('reference_date'),
})

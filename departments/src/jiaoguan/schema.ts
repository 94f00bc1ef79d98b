// 交管 stand-in database schema: traffic violations, and the harness's shared tables (the 驾驶证 and 行驶证 are
// in the certificate ledger). Amounts are in fen.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export { accessLog, certificates, persons, seedMeta } from '../harness/tables'

export const violations = sqliteTable(
  'violations',
  {
    decisionNumber: text('decision_number').primaryKey(),
    personIndex: integer('person_index').notNull(),
    occurredAt: text('occurred_at').notNull(),
    place: text('place').notNull(),
    plateNumber: text('plate_number'),
    behaviour: text('behaviour').notNull(),
    fineFen: integer('fine_fen').notNull(),
    points: integer('points').notNull(),
    paid: integer('paid').notNull(),
    authority: text('authority').notNull(),
  },
  (t) => [index('violations_person_index').on(t.personIndex)],
)

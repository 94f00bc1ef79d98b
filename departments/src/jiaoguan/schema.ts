// 交管 stand-in database schema: traffic violations, and the harness's shared tables (the 驾驶证 and 行驶证 are
// in the certificate ledger). Amounts are in fen.
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { citizenRef, requiredInt, requiredText } from '../harness/columns'

export { accessLog, certificates, persons, seedMeta } from '../harness/tables'

export const violations = sqliteTable(
  'violations',
  {
    decisionNumber: text('decision_number').primaryKey(),
    personIndex: citizenRef(),
    occurredAt: requiredText('occurred_at'),
    place: requiredText('place'),
    plateNumber: text('plate_number'),
    behaviour: requiredText('behaviour'),
    fineFen: requiredInt('fine_fen'),
    points: requiredInt('points'),
    paid: requiredInt('paid'),
    authority: requiredText('authority'),
  },
  (t) => [index('violations_person_index').on(t.personIndex)],
)

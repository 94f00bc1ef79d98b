// 人社 stand-in database schema: employment periods behind the contribution history, retirees, and the harness's
// shared tables (register, certificate ledger, access log, seed meta). Amounts are in fen.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export { accessLog, certificates, persons, seedMeta } from '../harness/tables'

/** A period of insured employment: one employer and one contribution base, month by month. */
export const employments = sqliteTable(
  'employments',
  {
    id: integer('id').primaryKey(),
    personIndex: integer('person_index').notNull(),
    employer: text('employer').notNull(),
    baseFen: integer('base_fen').notNull(),
    fromMonth: text('from_month').notNull(),
    /** null: still employed */
    toMonth: text('to_month'),
    /** 1: the period's latest month is not yet paid */
    arrears: integer('arrears').notNull(),
  },
  (t) => [index('employments_person_index').on(t.personIndex)],
)

export const retirees = sqliteTable('retirees', {
  personIndex: integer('person_index').primaryKey(),
  retiredOn: text('retired_on').notNull(),
  monthlyFen: integer('monthly_fen').notNull(),
  bank: text('bank').notNull(),
})

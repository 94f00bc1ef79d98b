// 公积金 stand-in database schema: housing-fund accounts, withdrawals, and the harness's shared tables. Deposits
// follow from the account (one a month while it is open), so they are computed, not stored. Amounts in fen.
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export { accessLog, certificates, persons, seedMeta } from '../harness/tables'

export const accounts = sqliteTable('accounts', {
  personIndex: integer('person_index').primaryKey(),
  accountNumber: text('account_number').notNull().unique(),
  employer: text('employer').notNull(),
  status: text('status', { enum: ['缴存', '封存'] }).notNull(),
  openedOn: text('opened_on').notNull(),
  baseFen: integer('base_fen').notNull(),
  rate: real('rate').notNull(),
  monthlyFen: integer('monthly_fen').notNull(),
  /** Balance twelve months before the reference date. */
  openingFen: integer('opening_fen').notNull(),
  balanceFen: integer('balance_fen').notNull(),
  /** How many of the last 12 months were deposited (the most recent months missing when sealed). */
  depositMonths: integer('deposit_months').notNull(),
})

export const withdrawals = sqliteTable(
  'withdrawals',
  {
    id: integer('id').primaryKey(),
    personIndex: integer('person_index').notNull(),
    date: text('date').notNull(),
    amountFen: integer('amount_fen').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [index('withdrawals_person_index').on(t.personIndex)],
)

// 公积金 stand-in database schema: housing-fund accounts, withdrawals, and the harness's shared tables. Deposits
// follow from the account (one a month while it is open), so they are computed, not stored. Amounts in fen.
import { real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { citizenKey, citizenRecords, oneOf, requiredInt, requiredText } from '../harness/columns'

export { accessLog, certificates, persons, seedMeta } from '../harness/tables'

export const accounts = sqliteTable('accounts', {
  personIndex: citizenKey(),
  accountNumber: text('account_number').notNull().unique(),
  employer: requiredText('employer'),
  status: oneOf('status', ['缴存', '封存']),
  openedOn: requiredText('opened_on'),
  baseFen: requiredInt('base_fen'),
  rate: real('rate').notNull(),
  monthlyFen: requiredInt('monthly_fen'),
  /** Balance twelve months before the reference date. */
  openingFen: requiredInt('opening_fen'),
  balanceFen: requiredInt('balance_fen'),
  /** How many of the last 12 months were deposited (the most recent months missing when sealed). */
  depositMonths: requiredInt('deposit_months'),
})

export const withdrawals = citizenRecords('withdrawals', {
  date: requiredText('date'),
  amountFen: requiredInt('amount_fen'),
  reason: requiredText('reason'),
})

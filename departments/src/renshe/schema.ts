// 人社 stand-in database schema: employment periods behind the contribution history, retirees, and the harness's
// shared tables (register, certificate ledger, access log, seed meta). Amounts are in fen.
import { sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { citizenKey, citizenRecords, requiredInt, requiredText } from '../harness/columns'

export { accessLog, certificates, persons, seedMeta } from '../harness/tables'

/** A period of insured employment: one employer and one contribution base, month by month. */
export const employments = citizenRecords('employments', {
  employer: requiredText('employer'),
  baseFen: requiredInt('base_fen'),
  fromMonth: requiredText('from_month'),
  /** null: still employed */
  toMonth: text('to_month'),
  /** 1: the period's latest month is not yet paid */
  arrears: requiredInt('arrears'),
})

export const retirees = sqliteTable('retirees', {
  personIndex: citizenKey(),
  retiredOn: requiredText('retired_on'),
  monthlyFen: requiredInt('monthly_fen'),
  bank: requiredText('bank'),
})

// 医保 stand-in database schema: enrolment with the personal-account balance, settlement records, and the
// harness's shared tables. Amounts are in fen.
import { sqliteTable } from 'drizzle-orm/sqlite-core'
import { citizenKey, citizenRecords, oneOf, requiredInt, requiredText } from '../harness/columns'

export { accessLog, persons, seedMeta } from '../harness/tables'

export const accounts = sqliteTable('accounts', {
  personIndex: citizenKey(),
  scheme: oneOf('scheme', ['职工基本医疗保险', '城乡居民基本医疗保险']),
  insuredPlace: requiredText('insured_place'),
  status: oneOf('status', ['参保缴费', '暂停缴费']),
  enrolledOn: requiredText('enrolled_on'),
  balanceFen: requiredInt('balance_fen'),
})

export const settlements = citizenRecords('settlements', {
  date: requiredText('date'),
  institution: requiredText('institution'),
  category: oneOf('category', ['门诊', '住院', '药店购药', '门诊慢特病']),
  totalFen: requiredInt('total_fen'),
  fundFen: requiredInt('fund_fen'),
  accountFen: requiredInt('account_fen'),
  selfFen: requiredInt('self_fen'),
})

// 医保 stand-in database schema: enrolment with the personal-account balance, settlement records, and the
// harness's shared tables. Amounts are in fen.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export { accessLog, persons, seedMeta } from '../harness/tables'

export const accounts = sqliteTable('accounts', {
  personIndex: integer('person_index').primaryKey(),
  scheme: text('scheme', { enum: ['职工基本医疗保险', '城乡居民基本医疗保险'] }).notNull(),
  insuredPlace: text('insured_place').notNull(),
  status: text('status', { enum: ['参保缴费', '暂停缴费'] }).notNull(),
  enrolledOn: text('enrolled_on').notNull(),
  balanceFen: integer('balance_fen').notNull(),
})

export const settlements = sqliteTable(
  'settlements',
  {
    id: integer('id').primaryKey(),
    personIndex: integer('person_index').notNull(),
    date: text('date').notNull(),
    institution: text('institution').notNull(),
    category: text('category', { enum: ['门诊', '住院', '药店购药', '门诊慢特病'] }).notNull(),
    totalFen: integer('total_fen').notNull(),
    fundFen: integer('fund_fen').notNull(),
    accountFen: integer('account_fen').notNull(),
    selfFen: integer('self_fen').notNull(),
  },
  (t) => [index('settlements_person_index').on(t.personIndex)],
)

// 医保 stand-in: enrolment and personal-account balance, and the last 12 months of settlements.
import { yibaoContracts } from '@ysx/shared'
import { buildDepartment, type BuiltDepartment, defineDepartment, type DepartmentOptions, yuan } from '../harness'
import * as schema from './schema'
import { seedYibao } from './seed'

type Account = typeof schema.accounts.$inferSelect
type Settlement = typeof schema.settlements.$inferSelect

export const yibaoDepartment = defineDepartment({
  name: 'yibao',
  schema,
  seed: seedYibao,
  routes: ({ sqlite, serve }) => {
    const account = sqlite.prepare(
      'SELECT scheme, insured_place AS insuredPlace, status, enrolled_on AS enrolledOn, balance_fen AS balanceFen FROM accounts WHERE person_index = ?',
    )
    const spending = sqlite.prepare(
      'SELECT date, institution, category, total_fen AS totalFen, fund_fen AS fundFen, account_fen AS accountFen, self_fen AS selfFen FROM settlements WHERE person_index = ? ORDER BY date DESC, id DESC',
    )

    /** POST /v1/medical-insurance/account — enrolment and personal-account balance */
    serve(yibaoContracts.account, (s) => {
      const { balanceFen, ...a } = account.get(s.index) as Omit<Account, 'personIndex'>
      return { ...a, balance: yuan(balanceFen) }
    })
    /** POST /v1/medical-insurance/spending — settlements in the last 12 months, newest first */
    serve(yibaoContracts.spending, (s) => ({
      records: (spending.all(s.index) as Settlement[]).map((r) => ({
        date: r.date,
        institution: r.institution,
        category: r.category,
        total: yuan(r.totalFen),
        fundPaid: yuan(r.fundFen),
        accountPaid: yuan(r.accountFen),
        selfPaid: yuan(r.selfFen),
      })),
    }))
  },
})

export const buildYibaoApp = (opts: DepartmentOptions): BuiltDepartment => buildDepartment(yibaoDepartment, opts)

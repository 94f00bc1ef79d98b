// 医保 stand-in: enrolment and personal-account balance, and the last 12 months of settlements.
import { yibaoContracts } from '@ysx/shared'
import { defineDepartment, yuan } from '../harness'
import * as schema from './schema'
import { seedYibao } from './seed'

export const standIn = defineDepartment({
  name: 'yibao',
  schema,
  seed: seedYibao,
  routes: ({ rowOf, rowsOf, serve }) => {
    const account = rowOf(schema.accounts)
    const spending = rowsOf(schema.settlements, 'date DESC, id DESC')

    /** POST /v1/medical-insurance/account — enrolment and personal-account balance */
    serve(yibaoContracts.account, (s) => {
      const { balanceFen, ...a } = account(s.index)!
      return { ...a, balance: yuan(balanceFen) }
    })
    /** POST /v1/medical-insurance/spending — settlements in the last 12 months, newest first */
    serve(yibaoContracts.spending, (s) => ({
      records: spending(s.index).map((r) => ({
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

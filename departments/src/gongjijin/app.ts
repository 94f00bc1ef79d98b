// 公积金 stand-in: the housing-fund account and balance, its 12-month statement, and the 缴存证明.
import { gongjijinContracts } from '@ysx/shared'
import { defineDepartment, yuan } from '../harness'
import * as schema from './schema'
import { depositDate, depositWindow, seedGongjijin } from './seed'

export const standIn = defineDepartment({
  name: 'gongjijin',
  schema,
  seed: seedGongjijin,
  routes: ({ ref, rowOf, rowsOf, serve, serveCertificates }) => {
    const find = rowOf(schema.accounts)
    const taken = rowsOf(schema.withdrawals, 'date, id')
    const months = depositWindow(ref)

    /** POST /v1/certificates/lookup — the citizen's 住房公积金缴存证明 */
    serveCertificates(gongjijinContracts.certificates)
    /** POST /v1/housing-fund/account — the account and its balance; null when the citizen has none */
    serve(gongjijinContracts.account, (s) => {
      const a = find(s.index)
      if (!a) return { account: null }
      return {
        account: {
          accountNumber: a.accountNumber,
          employer: a.employer,
          status: a.status,
          openedOn: a.openedOn,
          base: yuan(a.baseFen),
          rate: a.rate,
          monthlyDeposit: yuan(a.monthlyFen),
          balance: yuan(a.balanceFen),
          lastDepositMonth: a.depositMonths > 0 ? months[a.depositMonths - 1]! : null,
        },
      }
    })
    /** POST /v1/housing-fund/statement — deposits and withdrawals of the last 12 months, oldest first */
    serve(gongjijinContracts.statement, (s) => {
      const a = find(s.index)
      if (!a) return { statement: null }
      const deposits = months.slice(0, a.depositMonths).map((m) => ({
        date: depositDate(m),
        kind: 'deposit' as const,
        summary: `${m.replace('-', '年')}月汇缴`,
        amountFen: a.monthlyFen,
      }))
      const outs = taken(s.index).map((w) => ({
        date: w.date,
        kind: 'withdrawal' as const,
        summary: w.reason,
        amountFen: w.amountFen,
      }))
      let balance = a.openingFen
      const entries = [...deposits, ...outs]
        .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0))
        .map(({ amountFen, ...e }) => {
          balance += e.kind === 'deposit' ? amountFen : -amountFen
          return { ...e, amount: yuan(amountFen), balanceAfter: yuan(balance) }
        })
      return { statement: { openingBalance: yuan(a.openingFen), closingBalance: yuan(balance), entries } }
    })
  },
})

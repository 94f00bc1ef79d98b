// 人社 stand-in: the 社会保障卡, the last 24 months of social-insurance contributions, and pension payments.
import { rensheContracts } from '@ysx/shared'
import { type CitizenRow, defineDepartment, monthBefore, yuan } from '../harness'
import * as schema from './schema'
import { seedRenshe } from './seed'

type Employment = CitizenRow<typeof schema.employments>

/** Employer and personal rates by insurance (Guangdong enterprise employees). */
const RATES = [
  { insurance: '养老保险', employer: 0.16, personal: 0.08 },
  { insurance: '医疗保险', employer: 0.055, personal: 0.02 },
  { insurance: '失业保险', employer: 0.008, personal: 0.002 },
  { insurance: '工伤保险', employer: 0.004, personal: 0 },
] as const

function contributionMonth(month: string, e: Employment, to: string) {
  const items = RATES.map((r) => ({
    insurance: r.insurance,
    employerAmount: yuan(e.baseFen * r.employer),
    personalAmount: yuan(e.baseFen * r.personal),
  }))
  const total = Math.round(items.reduce((sum, i) => sum + (i.employerAmount + i.personalAmount) * 100, 0)) / 100
  const status = e.arrears === 1 && month === (e.toMonth ?? to) ? ('arrears' as const) : ('paid' as const)
  return { month, employer: e.employer, base: yuan(e.baseFen), status, items, total }
}

export const standIn = defineDepartment({
  name: 'renshe',
  schema,
  seed: seedRenshe,
  routes: ({ ref, rowOf, rowsOf, serve, serveCertificates }) => {
    const periods = rowsOf(schema.employments)
    const retiree = rowOf(schema.retirees)
    const from = monthBefore(ref, 24)
    const to = monthBefore(ref, 1)

    /** POST /v1/certificates/lookup — the citizen's 社会保障卡 */
    serveCertificates(rensheContracts.certificates)
    /** POST /v1/contributions/lookup — the last 24 months of contributions, newest first */
    serve(rensheContracts.contributions, (s) => {
      const rows = periods(s.index)
      const months = Array.from({ length: 24 }, (_, k) => monthBefore(ref, k + 1)).flatMap((m) => {
        const e = rows.find((r) => r.fromMonth <= m && m <= (r.toMonth ?? to))
        return e ? [contributionMonth(m, e, to)] : []
      })
      return { from, to, months }
    })
    /** POST /v1/pensions/lookup — whether the citizen draws a pension, and the last 12 payments */
    serve(rensheContracts.pension, (s) => {
      const r = retiree(s.index)
      if (!r) return { retired: false, retirementDate: null, monthlyAmount: null, payments: [] }
      const payments = Array.from({ length: 12 }, (_, k) => monthBefore(ref, k))
        .filter((m) => `${m}-10` <= ref && m >= r.retiredOn.slice(0, 7))
        .map((m) => ({ month: m, amount: yuan(r.monthlyFen), paidOn: `${m}-10`, bank: r.bank }))
      return { retired: true, retirementDate: r.retiredOn, monthlyAmount: yuan(r.monthlyFen), payments }
    })
  },
})

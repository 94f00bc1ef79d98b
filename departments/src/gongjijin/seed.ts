// 公积金 stand-in seeding: about half the working-age citizens have an account; withdrawals never take the
// balance below zero, and the stored balance equals opening + deposits − withdrawals.
import type { Cohort, SeedStore } from '../harness'
import { addDays, ageOn, certificateStatus, dayOf, dice, employer, maxDate, monthBefore, regionOf } from '../harness'
import { accounts, withdrawals } from './schema'

const RATES = [0.05, 0.06, 0.07, 0.08, 0.1, 0.12] as const
const REASONS = ['租房提取', '偿还购房贷款本息', '购房提取', '租房提取'] as const

/** The 12 months before the reference month, oldest first: the statement's window. */
export const depositWindow = (ref: string) => Array.from({ length: 12 }, (_, k) => monthBefore(ref, 12 - k))
/** Deposits are credited on the 15th of their month. */
export const depositDate = (month: string) => `${month}-15`

export function seedGongjijin(c: Cohort, store: SeedStore): void {
  for (const p of c.people) {
    const d = dice(c.seed, p.index, 'gongjijin')
    const age = ageOn(p.birthDate, c.ref)
    if (age < 20 || age >= 60 || !d.chance(0.5)) continue
    const baseFen = (d.chance(0.75) ? d.int(4000, 12_000) : d.int(12_000, 30_000)) * 100
    const rate = d.pick(RATES)
    const monthlyFen = Math.round(baseFen * rate) * 2
    const sealed = d.chance(0.1)
    const depositMonths = sealed ? d.int(0, 11) : 12
    const openedOn = maxDate(addDays(p.birthDate, 20 * 365), addDays(c.ref, -d.int(400, 15 * 365)))
    const tenureMonths = Math.floor((dayOf(c.ref) - dayOf(openedOn)) / 30.4) - 12
    const openingFen = (Math.max(0, tenureMonths) * monthlyFen * d.int(20, 100)) / 100
    const count = openingFen > 0 ? d.int(0, 3) : 0
    const rows = Array.from({ length: count }, () => ({
      personIndex: p.index,
      date: addDays(c.ref, -d.int(1, 360)),
      amountFen: Math.floor(((openingFen / (count + 1)) * d.int(30, 100)) / 100),
      reason: d.pick(REASONS),
    })).filter((w) => w.amountFen > 0)
    const balanceFen =
      Math.round(openingFen) + depositMonths * monthlyFen - rows.reduce((sum, w) => sum + w.amountFen, 0)
    const accountNumber = `44${String((p.index * 7919 + 3) % 10_000_000_000).padStart(10, '0')}`
    const account = {
      personIndex: p.index,
      accountNumber,
      employer: employer(d, regionOf(p)),
      status: sealed ? ('封存' as const) : ('缴存' as const),
      openedOn,
      baseFen,
      rate,
      monthlyFen,
      openingFen: Math.round(openingFen),
      balanceFen,
      depositMonths,
    }
    store.insert(accounts, [account])
    store.insert(withdrawals, rows)
    if (!d.chance(0.4)) continue
    const issueDate = addDays(c.ref, -d.int(0, 150))
    const expiryDate = addDays(issueDate, 90)
    store.certificate(p.index, {
      type: 'housing_fund_certificate',
      certificateNumber: `GJJ${issueDate.replaceAll('-', '')}${String(p.index).padStart(8, '0')}`,
      issueDate,
      expiryDate,
      status: certificateStatus(d, c.ref, expiryDate),
      issuingAuthority: `${regionOf(p).city}住房公积金管理中心`,
      details: {
        accountNumber,
        employer: account.employer,
        openedOn,
        depositStatus: account.status,
        monthlyDeposit: monthlyFen / 100,
        balanceAtIssue: balanceFen / 100,
      },
    })
  }
}

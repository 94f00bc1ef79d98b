// 医保 stand-in seeding: everyone is enrolled (employees in the employee scheme with a personal account,
// others in the residents' scheme), with up to six settlements in the last 12 months.
import type { Cohort, Dice, Person, SeedStore } from '../harness'
import { addDays, ageOn, dice, healthCentre, hospital, maxDate, pharmacy, regionOf } from '../harness'
import { accounts, settlements } from './schema'

type Category = (typeof settlements.$inferInsert)['category']

/** Total in fen and the share the pooled fund pays, by category. */
function costOf(d: Dice, category: Category): { total: number; fundShare: number } {
  switch (category) {
    case '药店购药':
      return { total: d.int(2000, 50_000), fundShare: 0 }
    case '门诊':
      return { total: d.int(5000, 150_000), fundShare: d.int(0, 60) / 100 }
    case '门诊慢特病':
      return { total: d.int(20_000, 300_000), fundShare: d.int(50, 80) / 100 }
    case '住院':
      return { total: d.int(300_000, 8_000_000), fundShare: d.int(60, 90) / 100 }
  }
}

function settlement(c: Cohort, p: Person, d: Dice, employee: boolean, balance: number) {
  const region = regionOf(p)
  const category: Category = d.chance(0.03)
    ? '住院'
    : d.pick(['药店购药', '药店购药', '门诊', '门诊', '门诊', '门诊慢特病'] as const)
  const { total, fundShare } = costOf(d, category)
  const fundFen = Math.round(total * fundShare)
  const accountFen = employee ? Math.min(balance, total - fundFen) : 0
  const institution =
    category === '药店购药'
      ? pharmacy(d, region)
      : category === '门诊' && d.chance(0.4)
        ? healthCentre(d, region)
        : hospital(d, region)
  return {
    personIndex: p.index,
    date: addDays(c.ref, -d.int(1, 365)),
    institution,
    category,
    totalFen: total,
    fundFen,
    accountFen,
    selfFen: total - fundFen - accountFen,
  }
}

export function seedYibao(c: Cohort, store: SeedStore): void {
  for (const p of c.people) {
    const d = dice(c.seed, p.index, 'yibao')
    const age = ageOn(p.birthDate, c.ref)
    const employee = age >= 18 && age < 65 && d.chance(0.65)
    const balanceFen = employee ? d.int(20_000, 3_000_000) : 0
    store.insert(accounts, [
      {
        personIndex: p.index,
        scheme: employee ? '职工基本医疗保险' : '城乡居民基本医疗保险',
        insuredPlace: regionOf(p).city,
        status: d.chance(0.95) ? '参保缴费' : '暂停缴费',
        enrolledOn: maxDate(p.birthDate, addDays(c.ref, -d.int(30, 25 * 365))),
        balanceFen,
      },
    ])
    const visits = d.int(0, age > 60 ? 6 : 4)
    const rows = Array.from({ length: visits }, () => settlement(c, p, d, employee, balanceFen))
    store.insert(settlements, rows)
  }
}

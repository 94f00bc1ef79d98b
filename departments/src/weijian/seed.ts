// 卫健 stand-in seeding: nucleic-acid tests in the last 30 days, COVID-19 vaccinations (one to four doses), and
// a handful of risk areas seeded once with the first batch.
import type { Cohort, Dice, Person, SeedStore } from '../harness'
import { addDays, ALL_REGIONS, dateTimeOf, dice, healthCentre, hospital, regionOf } from '../harness'
import { nucleicAcidTests, riskAreas, vaccinations } from './schema'

const LABS = ['金域医学检验所', '迪安医学检验实验室', '华银医学检验所']
const VACCINES = [
  ['新冠病毒灭活疫苗（Vero细胞）', '北京科兴中维生物技术有限公司'],
  ['新冠病毒灭活疫苗（Vero细胞）', '北京生物制品研究所有限责任公司'],
  ['新冠病毒灭活疫苗（Vero细胞）', '武汉生物制品研究所有限责任公司'],
  ['重组新冠病毒蛋白疫苗（CHO细胞）', '安徽智飞龙科马生物制药有限公司'],
] as const
/** Days after the previous dose: 21–56 for the second, about half a year for the booster, then longer. */
const GAPS = [0, 21, 150, 180] as const

function tests(c: Cohort, p: Person, d: Dice) {
  const region = regionOf(p)
  return Array.from({ length: d.pick([0, 0, 1, 1, 2, 3, 4]) }, () => {
    const day = addDays(c.ref, -d.int(1, 30))
    const sampled = d.int(7 * 60, 20 * 60)
    const reported = sampled + d.int(6 * 60, 24 * 60)
    return {
      personIndex: p.index,
      sampledAt: dateTimeOf(day, sampled),
      reportedAt: dateTimeOf(addDays(day, Math.floor(reported / 1440)), reported % 1440),
      result: d.chance(0.003) ? ('阳性' as const) : ('阴性' as const),
      institution: d.chance(0.5) ? `${region.city}${d.pick(LABS)}` : hospital(d, region),
    }
  })
}

function doses(c: Cohort, p: Person, d: Dice) {
  const first = addDays(c.ref, -d.int(1500, 1800))
  if (first < addDays(p.birthDate, 3 * 365) || !d.chance(0.88)) return []
  const [vaccine, manufacturer] = d.pick(VACCINES)
  const count = d.pick([1, 2, 2, 3, 3, 3, 3, 4])
  let date = first
  return Array.from({ length: count }, (_, k) => {
    date = addDays(date, k === 0 ? 0 : GAPS[k]! + d.int(0, 40))
    return {
      personIndex: p.index,
      dose: k + 1,
      vaccine,
      manufacturer,
      batchNumber: `${date.slice(0, 4)}${d.digits(5)}`,
      date,
      site: healthCentre(d, regionOf(p)),
    }
  })
}

/** A few districts of the population's regions, flagged by their division code (mostly low risk). */
function areas(c: Cohort) {
  const d = dice(c.seed, 0, 'weijian.risk-areas')
  return Array.from({ length: d.int(4, 9) }, () => ({
    areaCode: d.pick(ALL_REGIONS).code,
    level: d.pick(['high', 'medium', 'low', 'low', 'low'] as const),
    since: addDays(c.ref, -d.int(0, 13)),
  })).filter((a, i, all) => all.findIndex((b) => b.areaCode === a.areaCode) === i)
}

export function seedWeijian(c: Cohort, store: SeedStore): void {
  if (c.people[0]?.index === 0) store.insert(riskAreas, areas(c))
  for (const p of c.people) {
    const d = dice(c.seed, p.index, 'weijian')
    store.insert(nucleicAcidTests, tests(c, p, d))
    store.insert(vaccinations, doses(c, p, d))
  }
}

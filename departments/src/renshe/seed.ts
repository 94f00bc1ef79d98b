// 人社 stand-in seeding: 社会保障卡 for nearly everyone, employment periods for working-age citizens, pensions
// for retirees.
import type { Cohort, Dice, Person, SeedStore } from '../harness'
import { addMonths, addYears, ageOn, dice, employer, maxDate, monthBefore, regionOf, validity } from '../harness'
import { employments, retirees } from './schema'

export const BANKS = ['中国工商银行', '中国建设银行', '中国农业银行', '中国银行', '广州农村商业银行', '招商银行']
/** Statutory retirement ages used here: 60 for men, 55 for women. */
export const retirementAge = (p: Person) => (p.gender === 'male' ? 60 : 55)
const CARD_LETTERS = 'ABCDEFGHJKLMN'

/** A contribution base between 4,000 and 30,000 元, most near the lower end, in fen. */
export const contributionBaseFen = (d: Dice) => (d.chance(0.75) ? d.int(4000, 12_000) : d.int(12_000, 30_000)) * 100

function card(c: Cohort, p: Person, d: Dice, store: SeedStore) {
  if (d.chance(0.05)) return
  const v = validity(d, c.ref, p.birthDate, 10)
  const cardNumber = `${d.pick([...CARD_LETTERS])}${String((p.index * 7919 + 17) % 100_000_000).padStart(8, '0')}`
  store.certificate(p.index, {
    type: 'social_security_card',
    certificateNumber: cardNumber,
    ...v,
    issuingAuthority: `${regionOf(p).city}人力资源和社会保障局`,
    details: {
      cardNumber,
      socialSecurityNumber: p.idNumber,
      bank: d.pick(BANKS),
      generation: v.issueDate >= '2021-01-01' ? '第三代' : '第二代',
    },
  })
}

function employment(c: Cohort, p: Person, d: Dice, store: SeedStore) {
  const age = ageOn(p.birthDate, c.ref)
  if (age < 18 || age >= retirementAge(p) || !d.chance(0.75)) return
  const adultMonth = addYears(p.birthDate, 18).slice(0, 7)
  const firstFrom = maxDate(`${monthBefore(c.ref, d.int(6, 120))}-01`, `${adultMonth}-01`).slice(0, 7)
  const region = regionOf(p)
  const row = (from: string, to: string | null) => ({
    personIndex: p.index,
    employer: employer(d, region),
    baseFen: contributionBaseFen(d),
    fromMonth: from,
    toMonth: to,
    arrears: 0,
  })
  const rows = [row(firstFrom, null)]
  if (d.chance(0.3)) {
    const end = maxDate(firstFrom, monthBefore(c.ref, d.int(2, 20)))
    rows[0]!.toMonth = end
    if (d.chance(0.85)) rows.push(row(addMonths(`${end}-01`, d.int(1, 4)).slice(0, 7), null))
  }
  const last = rows[rows.length - 1]!
  if (last.toMonth === null && last.fromMonth < monthBefore(c.ref, 1) && d.chance(0.05)) last.arrears = 1
  store.insert(
    employments,
    rows.filter((r) => r.toMonth === null || r.toMonth >= monthBefore(c.ref, 24)),
  )
}

function pension(c: Cohort, p: Person, d: Dice, store: SeedStore) {
  if (ageOn(p.birthDate, c.ref) < retirementAge(p) || !d.chance(0.92)) return
  const retiredOn = `${addMonths(addYears(p.birthDate, retirementAge(p)), 1).slice(0, 7)}-01`
  store.insert(retirees, [
    { personIndex: p.index, retiredOn, monthlyFen: d.int(2200, 7800) * 100 + d.int(0, 99), bank: d.pick(BANKS) },
  ])
}

export function seedRenshe(c: Cohort, store: SeedStore): void {
  for (const p of c.people) {
    const d = dice(c.seed, p.index, 'renshe')
    card(c, p, d, store)
    employment(c, p, d, store)
    pension(c, p, d, store)
  }
}

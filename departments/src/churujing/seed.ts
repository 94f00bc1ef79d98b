// 出入境 stand-in seeding: 普通护照 for about a quarter of the citizens, 往来港澳通行证 for about two in five, with
// up to two endorsements on a valid permit.
import type { Cohort, Dice, Person, SeedStore } from '../harness'
import { addDays, addMonths, addYears, ageOn, dice, validityByAge } from '../harness'

const AUTHORITY = '国家移民管理局'
/** Passports and permits: 5 years when issued under 16, else 10. */
const term = (age: number) => (age < 16 ? 5 : 10)

const KINDS = [
  ['个人旅游', '一次', 3],
  ['个人旅游', '二次', 3],
  ['个人旅游', '一次', 12],
  ['团队旅游', '一次', 3],
  ['商务', '多次', 12],
  ['探亲', '一次', 3],
] as const

function endorsements(c: Cohort, d: Dice) {
  return Array.from({ length: d.int(0, 2) }, () => {
    const [kind, entries, months] = d.pick(KINDS)
    const issueDate = addDays(c.ref, -d.int(0, 400))
    const validUntil = addMonths(issueDate, months)
    return {
      region: d.pick(['香港', '澳门'] as const),
      kind,
      entries,
      issueDate,
      validUntil,
      status: validUntil >= c.ref ? 'valid' : 'expired',
    }
  }).sort((a, b) => (a.issueDate < b.issueDate ? 1 : -1))
}

function travel(c: Cohort, p: Person, store: SeedStore) {
  const d = dice(c.seed, p.index, 'churujing')
  if (ageOn(p.birthDate, c.ref) < 3) return
  const notBefore = addYears(p.birthDate, 1)
  /** Issues one document; its own fields may depend on its status. */
  const issue = (type: string, certificateNumber: string, details: (status: string) => Record<string, unknown>) => {
    const { years: _y, ...v } = validityByAge(d, c.ref, p.birthDate, notBefore, term)
    store.certificate(p.index, {
      type,
      certificateNumber,
      ...v,
      issuingAuthority: AUTHORITY,
      details: details(v.status),
    })
  }
  const serial = (multiplier: number, offset: number) =>
    String((p.index * multiplier + offset) % 100_000_000).padStart(8, '0')
  if (d.chance(0.25))
    issue('passport', `E${serial(7919, 11)}`, () => ({ passportType: 'P', countryCode: 'CHN', placeOfIssue: '广东' }))
  if (d.chance(0.4))
    issue('hk_macau_permit', `C${serial(104_729, 7)}`, (status) => ({
      endorsements: status === 'valid' ? endorsements(c, d) : [],
    }))
}

export function seedChurujing(c: Cohort, store: SeedStore): void {
  for (const p of c.people) travel(c, p, store)
}

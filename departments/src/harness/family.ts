// Households and marriages. The population's birth dates make citizens i and i+5 about 109 days apart in age and
// i and i+1 about 16 years apart, so consecutive citizens are grouped into blocks of ten: i and i+5 may marry,
// and a minor (or now and then a young adult) lives with a citizen of the block a generation older.
// Every fact is computed from the whole block, so it reads the same from each member's side: household
// membership and spouses are symmetric.
import { addDays, addYears, ageOn, dayOf, maxDate } from './dates'
import { dice } from './dice'
import type { Person } from './population'

export const BLOCK = 10
const HALF = BLOCK / 2
export type Relation = '户主' | '配偶' | '子' | '女' | '父亲' | '母亲' | '兄' | '弟' | '姐' | '妹'

export interface Household {
  number: string
  head: Person
  members: { person: Person; relation: Relation }[]
  /** 立户日期 */
  established: string
}

export interface Kin {
  household: Household
  spouse: Person | null
  /** A minor's parent in the household and that parent's spouse (empty for everyone else) */
  guardians: Person[]
}

/** Legal marriage ages (婚姻法): 22 for men, 20 for women. */
const marriageable = (p: Person, on: string) => ageOn(p.birthDate, on) >= (p.gender === 'male' ? 22 : 20)
const older = (a: Person, b: Person) => a.birthDate < b.birthDate || (a.birthDate === b.birthDate && a.index < b.index)

function relationTo(head: Person, p: Person, spouse: Person | null): Relation {
  if (p === spouse) return '配偶'
  const gapYears = (dayOf(p.birthDate) - dayOf(head.birthDate)) / 365.25
  if (gapYears >= 15) return p.gender === 'male' ? '子' : '女'
  if (gapYears <= -15) return p.gender === 'male' ? '父亲' : '母亲'
  if (older(p, head)) return p.gender === 'male' ? '兄' : '姐'
  return p.gender === 'male' ? '弟' : '妹'
}

/** A household of `people`, founded by `founder` and, if married, their spouse. */
function household(seed: number, ref: string, people: Person[], founder: Person, spouse: Person | null): Household {
  const head = people.reduce((a, b) => (older(b, a) ? b : a))
  const headSpouse = spouse === null ? null : head === founder ? spouse : head === spouse ? founder : null
  const d = dice(seed, head.index, 'household')
  const earliest = maxDate(addYears(head.birthDate, 18), addDays(ref, -30 * 365))
  const span = dayOf(ref) - dayOf(earliest) - 30
  const established = span > 0 ? addDays(earliest, d.int(0, span)) : addDays(head.birthDate, 30)
  const members = [head, ...people.filter((p) => p !== head)].map((person) => ({
    person,
    relation: person === head ? ('户主' as const) : relationTo(head, person, headSpouse),
  }))
  return { number: `${1 + (d.next() % 9)}${String(head.index).padStart(8, '0')}`, head, members, established }
}

/** Kinship for whole blocks of people (people[0].index a multiple of BLOCK), keyed by person index. */
export function kinship(seed: number, ref: string, people: Person[]): Map<number, Kin> {
  const out = new Map<number, Kin>()
  for (let start = 0; start < people.length; start += BLOCK) {
    const block = people.slice(start, start + BLOCK)
    const partner = (pos: number) => block[pos < HALF ? pos + HALF : pos - HALF]
    const spouseAt = block.map((p, pos) => {
      const q = partner(pos)
      if (!q || q.gender === p.gender || !marriageable(p, ref) || !marriageable(q, ref)) return null
      return dice(seed, Math.min(p.index, q.index), 'marriage').chance(0.85) ? q : null
    })
    // A minor (or, now and then, an unmarried young adult) lives with the block's citizen 18–45 years older and
    // closest in age; everyone else founds a household, which a spouse joins. Parents are strictly older, so
    // following them ends.
    const ages = block.map((p) => ageOn(p.birthDate, ref))
    const parent = block.map((p, pos) => {
      const age = ages[pos]!
      if (spouseAt[pos] || !(age < 18 || (age < 26 && dice(seed, p.index, 'home').chance(0.6)))) return undefined
      const gaps = ages.map((a, u) => ({ u, gap: a - age })).filter(({ gap }) => gap >= 18 && gap <= 45)
      return gaps.sort((a, b) => a.gap - b.gap)[0]?.u
    })
    const root = (pos: number): number => {
      const up = parent[pos]
      if (up !== undefined) return root(up)
      const spouse = spouseAt[pos]
      return spouse && spouse.index < block[pos]!.index ? pos - HALF : pos
    }
    const founder = block.map((_, pos) => root(pos))
    for (const f of new Set(founder)) {
      const members = block.filter((_, pos) => founder[pos] === f)
      const h = household(seed, ref, members, block[f]!, spouseAt[f] ?? null)
      for (const person of members) {
        const pos = block.indexOf(person)
        const up = ages[pos]! < 18 ? parent[pos] : undefined
        const guardians = up === undefined ? [] : [block[up]!, ...(spouseAt[up] ? [spouseAt[up]] : [])]
        out.set(person.index, { household: h, spouse: spouseAt[pos] ?? null, guardians })
      }
    }
  }
  return out
}

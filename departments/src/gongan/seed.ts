// 公安 stand-in seeding: the identity register, households, and the 居民身份证, 户口簿 and 居住证 issued.
import type { Cohort, Person, SeedStore } from '../harness'
import { addYears, ageOn, ALL_REGIONS, dice, policeBureau, regionOf, street, validity, validityByAge } from '../harness'
import { citizens, guardians, householdMembers } from './schema'

/** 居民身份证 terms by age at issue: 5 years under 16, 10 to 25, 20 to 45, then long-term. */
const idCardYears = (age: number) => (age < 16 ? 5 : age < 26 ? 10 : age < 46 ? 20 : null)

function idCard(c: Cohort, p: Person, store: SeedStore) {
  const d = dice(c.seed, p.index, 'gongan.id-card')
  const age = ageOn(p.birthDate, c.ref)
  if (age < 16 && !d.chance(0.3)) return
  const { years, ...v } = validityByAge(d, c.ref, p.birthDate, addYears(p.birthDate, age < 16 ? 1 : 16), idCardYears)
  store.certificate(p.index, {
    type: 'id_card',
    certificateNumber: p.idNumber,
    ...v,
    issuingAuthority: policeBureau(regionOf(p)),
    details: { ethnicity: p.ethnicity, birthDate: p.birthDate, address: p.address, validityYears: years },
  })
}

function householdRegister(c: Cohort, p: Person, store: SeedStore) {
  const { household: h } = c.kin.get(p.index)!
  const d = dice(c.seed, h.head.index, 'gongan.household')
  const v = validity(d, c.ref, h.established, null)
  const relationToHead = h.members.find((m) => m.person === p)!.relation
  store.insert(householdMembers, [{ personIndex: p.index, householdNumber: h.number, relationToHead }])
  const guardianRows = c.kin.get(p.index)!.guardians.map((g) => ({
    personIndex: p.index,
    guardianIndex: g.index,
    relation: g.gender === 'male' ? ('父亲' as const) : ('母亲' as const),
  }))
  if (guardianRows.length > 0) store.insert(guardians, guardianRows)
  store.certificate(p.index, {
    type: 'household_register',
    certificateNumber: h.number,
    ...v,
    issuingAuthority: `${policeBureau(regionOf(h.head))}${street(d).replace(/街道$/, '')}派出所`,
    details: { householdNumber: h.number, householdType: '家庭户', address: h.head.address, relationToHead },
  })
}

function residencePermit(c: Cohort, p: Person, store: SeedStore) {
  const d = dice(c.seed, p.index, 'gongan.residence')
  if (ageOn(p.birthDate, c.ref) < 16 || !d.chance(0.12)) return
  const home = regionOf(p)
  const others = ALL_REGIONS.filter((r) => r.city !== home.city)
  const there = d.pick(others)
  const v = validity(d, c.ref, addYears(p.birthDate, 16), 1, 0.12)
  store.certificate(p.index, {
    type: 'residence_permit',
    certificateNumber: `${there.code}${String(p.index).padStart(10, '0')}`,
    ...v,
    issuingAuthority: policeBureau(there),
    details: {
      residenceAddress: `${there.place}${street(d)}${d.int(1, 200)}号${d.int(1, 30)}0${d.int(1, 8)}房`,
      registeredAddress: p.address,
    },
  })
}

export function seedGongan(c: Cohort, store: SeedStore): void {
  store.insert(
    citizens,
    c.people.map(({ index, ...p }) => ({ ...p, personIndex: index })),
  )
  for (const p of c.people) {
    idCard(c, p, store)
    householdRegister(c, p, store)
    residencePermit(c, p, store)
  }
}

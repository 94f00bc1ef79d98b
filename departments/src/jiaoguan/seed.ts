// 交管 stand-in seeding: 驾驶证 for about half the adults, 行驶证 for most of their cars, and traffic violations
// in the last two years whose points decide the licence's scoring (12 or more in a cycle suspends it).
import type { Cohort, Dice, Person, SeedStore } from '../harness'
import {
  addDays,
  addYears,
  ageOn,
  certificateStatus,
  dateTimeOf,
  dayOf,
  dice,
  maxDate,
  plateLetter,
  regionOf,
  roadPlace,
} from '../harness'
import { LICENCE_CLASSES, licenceTerm, OFFENCES, plateTail, pointsCycle, VEHICLES, vin } from './rules'
import { violations } from './schema'

const trafficPolice = (p: Person) => {
  const r = regionOf(p)
  return `${r.city}公安局交通警察支队${r.district ? `${r.district}大队` : ''}`
}

function vehicle(c: Cohort, p: Person, d: Dice, store: SeedStore, k: number, since: string): string {
  const r = regionOf(p)
  const [brand, energy, vehicleType, wmi] = d.pick(VEHICLES)
  const tail = plateTail(p.index * 2 + k)
  const plateNumber = `粤${plateLetter(r)}·${energy === '汽油' ? tail : `${energy === '纯电动' ? 'D' : 'F'}${tail}`}`
  const registerDate = addDays(c.ref, -d.int(30, Math.max(31, Math.min(12 * 365, dayOf(c.ref) - dayOf(since)))))
  let due = addYears(registerDate, 6)
  while (due < c.ref && d.chance(0.9)) due = addYears(due, due < addYears(registerDate, 10) ? 2 : 1)
  store.certificate(p.index, {
    type: 'vehicle_licence',
    certificateNumber: `${r.code.slice(0, 4)}${String(p.index * 2 + k).padStart(8, '0')}`,
    issueDate: registerDate,
    expiryDate: due,
    status: certificateStatus(d, c.ref, due),
    issuingAuthority: `${r.city}公安局交通警察支队车辆管理所`,
    details: {
      plateNumber,
      vehicleType,
      brand,
      energy,
      vin: vin(d, wmi),
      usage: '非营运',
      registerDate,
      inspectionValidUntil: due,
    },
  })
  return plateNumber
}

function driver(c: Cohort, p: Person, d: Dice, store: SeedStore) {
  const r = regionOf(p)
  const age = ageOn(p.birthDate, c.ref)
  if (age < 18 || !d.chance(age > 70 ? 0.15 : 0.55)) return
  const adult = addYears(p.birthDate, 18)
  const first = addDays(adult, d.int(0, Math.max(0, dayOf(c.ref) - dayOf(adult) - 30)))
  const plates = d.chance(0.6) ? [vehicle(c, p, d, store, 0, first)] : []
  if (plates.length > 0 && d.chance(0.1)) plates.push(vehicle(c, p, d, store, 1, first))
  const { cycleStart } = pointsCycle(first, c.ref)
  const count = d.pick([0, 0, 0, 1, 1, 2, 3])
  let deducted = 0
  for (let k = 0; k < count; k += 1) {
    const [behaviour, fine, points] = d.pick(OFFENCES)
    const day = addDays(c.ref, -d.int(1, 730))
    const occurredAt = dateTimeOf(maxDate(day, first), d.int(6 * 60, 23 * 60))
    if (occurredAt.slice(0, 10) >= cycleStart) deducted += points
    store.insert(violations, [
      {
        decisionNumber: `${r.code}${String(p.index).padStart(9, '0')}${k}`,
        personIndex: p.index,
        occurredAt,
        place: roadPlace(d, r),
        plateNumber: plates.length > 0 && d.chance(0.85) ? d.pick(plates) : null,
        behaviour,
        fineFen: fine * 100,
        points,
        paid: d.chance(dayOf(c.ref) - dayOf(day) > 30 ? 0.85 : 0.4) ? 1 : 0,
        authority: trafficPolice(p),
      },
    ])
  }
  const term =
    d.chance(0.03) && licenceTerm(first, addDays(c.ref, -400)).expiryDate !== null
      ? licenceTerm(first, addDays(c.ref, -400))
      : licenceTerm(first, c.ref)
  const standing = certificateStatus(d, c.ref, term.expiryDate)
  const status = standing !== 'expired' && deducted >= 12 ? 'suspended' : standing
  store.certificate(p.index, {
    type: 'driving_licence',
    certificateNumber: p.idNumber,
    ...term,
    status,
    issuingAuthority: `${r.city}公安局交通警察支队`,
    details: {
      licenceClass: d.pick(LICENCE_CLASSES),
      firstIssueDate: first,
      archiveNumber: `${r.code}${String(p.index).padStart(6, '0').slice(-6)}`,
    },
  })
}

export function seedJiaoguan(c: Cohort, store: SeedStore): void {
  for (const p of c.people) driver(c, p, dice(c.seed, p.index, 'jiaoguan'), store)
}

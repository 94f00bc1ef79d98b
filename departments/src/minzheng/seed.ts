// 民政 stand-in seeding: a 结婚证 for each spouse of a married couple. Everything on it is derived from the couple
// (keyed by the lower index), so both spouses' certificates carry the same number, date and status.
import type { Cohort, SeedStore } from '../harness'
import { addDays, addYears, certificateStatus, dayOf, dice, maxDate, regionOf } from '../harness'

export function seedMinzheng(c: Cohort, store: SeedStore): void {
  for (const p of c.people) {
    const spouse = c.kin.get(p.index)?.spouse
    if (!spouse) continue
    const [first, second] = p.index < spouse.index ? [p, spouse] : [spouse, p]
    const d = dice(c.seed, first.index, 'minzheng.marriage')
    const legal = maxDate(
      ...([first, second].map((x) => addYears(x.birthDate, x.gender === 'male' ? 22 : 20)) as [string, string]),
    )
    const span = Math.max(0, Math.min(15 * 365, dayOf(c.ref) - dayOf(legal) - 30))
    const registeredOn = addDays(legal, d.int(0, span))
    const r = regionOf(first)
    store.certificate(p.index, {
      type: 'marriage_certificate',
      certificateNumber: `J${r.code}-${registeredOn.slice(0, 4)}-${String(first.index).padStart(7, '0')}`,
      issueDate: registeredOn,
      expiryDate: null,
      status: certificateStatus(d, c.ref, null),
      issuingAuthority: `${r.city}${r.district}民政局婚姻登记处`,
      details: { spouse: { name: spouse.name, idNumber: spouse.idNumber, gender: spouse.gender }, registeredOn },
    })
  }
}

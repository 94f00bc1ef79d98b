// The 交管 stand-in over real HTTP: 驾驶证 with 12-point scoring that agrees with the violations, 行驶证, and
// violations with fines, points, places and payment.
import { jiaoguanContracts } from '@ysx/shared'
import { standIn as jiaoguanStandIn } from '../src/jiaoguan/app'
import { describeLookups, expectConsistentCertificate, startDepartment } from './helper'

const jiaoguan = startDepartment(jiaoguanStandIn)
const c = jiaoguanContracts

describeLookups(jiaoguan, [c.certificates.path, c.violations.path])

test('the licence’s points are 12 minus this cycle’s deductions, which are the cycle’s violations with points', async () => {
  const index = jiaoguan.pick('SELECT person_index FROM violations WHERE points > 0 ORDER BY occurred_at DESC LIMIT 1')
  const { asOf, certificates } = await jiaoguan.read(c.certificates.path, index, c.certificates.responses[200])
  const licence = certificates.find((x) => x.type === 'driving_licence')
  if (licence?.type !== 'driving_licence') throw new Error('no driving licence')
  expectConsistentCertificate(licence, index, asOf)
  const { points, deductions } = licence
  expect(points.cycleStart <= asOf && asOf <= points.cycleEnd).toBe(true)
  expect(points.deducted).toBe(deductions.reduce((s, d) => s + d.points, 0))
  expect(points.remaining).toBe(Math.max(0, 12 - points.deducted))
  const { violations } = await jiaoguan.read(c.violations.path, index, c.violations.responses[200])
  const inCycle = violations.filter((v) => v.points > 0 && v.occurredAt.slice(0, 10) >= points.cycleStart)
  expect(deductions.map((d) => d.decisionNumber).sort()).toEqual(inCycle.map((v) => v.decisionNumber).sort())
})

/** The citizen's 驾驶证 as 交管 serves it, with the cycle's points. */
const licenceOf = async (index: number) => {
  const { asOf, certificates } = await jiaoguan.read(c.certificates.path, index, c.certificates.responses[200])
  const licence = certificates.find((x) => x.type === 'driving_licence')
  if (licence?.type !== 'driving_licence') throw new Error(`citizen ${index} has no driving licence`)
  return { asOf, licence }
}

test('every unexpired licence with 12 or more points deducted this cycle is suspended (the population holds some)', async () => {
  // Candidates: unexpired licences whose holder lost 12 or more points in the last two years; the cycle decides.
  const candidates = (
    jiaoguan.dept.sqlite
      .prepare(
        `SELECT c.person_index AS i FROM certificates c JOIN violations v USING (person_index)
         WHERE c.type = 'driving_licence' AND c.status <> 'expired'
         GROUP BY c.person_index HAVING sum(v.points) >= 12 ORDER BY c.person_index`,
      )
      .all() as { i: number }[]
  ).map((r) => r.i)
  const heavy: { index: number; deducted: number; status: string }[] = []
  for (const index of candidates) {
    const { licence } = await licenceOf(index)
    if (licence.points.deducted >= 12) heavy.push({ index, deducted: licence.points.deducted, status: licence.status })
  }
  expect(heavy.length).toBeGreaterThanOrEqual(1)
  expect(heavy.filter((h) => h.status !== 'suspended')).toEqual([])
})

test('a valid licence with points deducted this cycle has fewer than 12 deducted, and the rest remaining', async () => {
  const candidates = (
    jiaoguan.dept.sqlite
      .prepare(
        `SELECT c.person_index AS i FROM certificates c JOIN violations v USING (person_index)
         WHERE c.type = 'driving_licence' AND c.status = 'valid' AND v.points > 0
         GROUP BY c.person_index ORDER BY sum(v.points) DESC, c.person_index`,
      )
      .all() as { i: number }[]
  ).map((r) => r.i)
  let found: { index: number; asOf: string; licence: Awaited<ReturnType<typeof licenceOf>>['licence'] } | undefined
  for (const index of candidates) {
    const { asOf, licence } = await licenceOf(index)
    if (licence.points.deducted > 0) {
      found = { index, asOf, licence }
      break
    }
  }
  if (!found) throw new Error('no valid licence with points deducted this cycle in the population')
  expectConsistentCertificate(found.licence, found.index, found.asOf)
  expect(found.licence.status).toBe('valid')
  expect(found.licence.points.deducted).toBeLessThan(12)
  expect(found.licence.points.remaining).toBe(12 - found.licence.points.deducted)
})

test('violations carry fines of 50–2,000 元, points, a place and a time, and the unpaid total adds up', async () => {
  const index = jiaoguan.pick('SELECT person_index FROM violations GROUP BY person_index HAVING count(*) >= 2 LIMIT 1')
  const reply = await jiaoguan.read(c.violations.path, index, c.violations.responses[200])
  expect(reply.violations.length).toBeGreaterThanOrEqual(2)
  for (const v of reply.violations) {
    expect(v.fine).toBeGreaterThanOrEqual(50)
    expect(v.fine).toBeLessThanOrEqual(2000)
    expect(v.place.length).toBeGreaterThan(4)
  }
  const unpaid = reply.violations.filter((v) => !v.paid)
  expect(reply.unpaidCount).toBe(unpaid.length)
  expect(reply.unpaidFines).toBeCloseTo(
    unpaid.reduce((s, v) => s + v.fine, 0),
    2,
  )
})

test('a 行驶证 is expired exactly when its inspection is overdue, and its plate is the owner’s', async () => {
  const index = jiaoguan.pick("SELECT person_index FROM certificates WHERE type = 'vehicle_licence' LIMIT 1")
  const { asOf, certificates } = await jiaoguan.read(c.certificates.path, index, c.certificates.responses[200])
  const car = certificates.find((x) => x.type === 'vehicle_licence')
  if (car?.type !== 'vehicle_licence') throw new Error('no vehicle licence')
  expect(car.expiryDate).toBe(car.inspectionValidUntil)
  expectConsistentCertificate(car, index, asOf)
  const plates = (
    jiaoguan.dept.sqlite
      .prepare('SELECT DISTINCT plate_number AS p FROM violations WHERE person_index = ? AND plate_number IS NOT NULL')
      .all(index) as { p: string }[]
  ).map((r) => r.p)
  const own = certificates.flatMap((x) => (x.type === 'vehicle_licence' ? [x.plateNumber] : []))
  expect(plates.every((p) => own.includes(p))).toBe(true)
})

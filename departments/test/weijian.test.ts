// The 卫健 stand-in over real HTTP: nucleic-acid tests in the last 30 days, vaccination doses, and risk areas.
import { ErrorEnvelopeSchema, weijianContracts } from '@ysx/shared'
import { addDays } from '../src/harness'
import { standIn as weijianStandIn } from '../src/weijian/app'
import { CALL_HEADERS, describeLookups, signedFetch, startDepartment } from './helper'

const weijian = startDepartment(weijianStandIn)
const c = weijianContracts

describeLookups(weijian, [c.nucleicAcidTests.path, c.vaccinations.path])

test('tests fall in the 30 days before the reference date, newest first, reported after sampling', async () => {
  const index = weijian.pick(
    'SELECT person_index FROM nucleic_acid_tests GROUP BY person_index HAVING count(*) >= 2 LIMIT 1',
  )
  const { tests } = await weijian.read(c.nucleicAcidTests.path, index, c.nucleicAcidTests.responses[200])
  const { asOf } = c.riskAreas.responses[200].parse(
    await (await signedFetch(`${weijian.base}${c.riskAreas.path}`, { headers: CALL_HEADERS })).json(),
  )
  expect(tests.length).toBeGreaterThanOrEqual(2)
  for (const t of tests) {
    expect(t.sampledAt.slice(0, 10) >= addDays(asOf, -30) && t.sampledAt.slice(0, 10) < asOf).toBe(true)
    expect(Date.parse(t.reportedAt)).toBeGreaterThan(Date.parse(t.sampledAt))
  }
  expect(tests.map((t) => t.sampledAt)).toEqual(
    tests
      .map((t) => t.sampledAt)
      .sort()
      .reverse(),
  )
})

test('vaccination doses are numbered from 1 in date order with one vaccine', async () => {
  const index = weijian.pick('SELECT person_index FROM vaccinations WHERE dose = 3 LIMIT 1')
  const { doses } = await weijian.read(c.vaccinations.path, index, c.vaccinations.responses[200])
  expect(doses.map((d) => d.dose)).toEqual(doses.map((_, i) => i + 1))
  expect(doses.map((d) => d.date)).toEqual([...doses.map((d) => d.date)].sort())
  expect(new Set(doses.map((d) => d.vaccine)).size).toBe(1)
})

test('risk areas are served to a caller that states its purpose, and logged without a citizen', async () => {
  const res = await signedFetch(`${weijian.base}${c.riskAreas.path}`, { headers: CALL_HEADERS })
  const { areas } = c.riskAreas.responses[200].parse(await res.json())
  const stored = weijian.dept.sqlite.prepare('SELECT area_code AS code FROM risk_areas ORDER BY id').all()
  expect(areas.map((a) => ({ code: a.areaCode }))).toEqual(stored)
  expect(stored.length).toBeGreaterThanOrEqual(1)
  const last = weijian.dept.sqlite.prepare('SELECT route, person_index FROM access_log ORDER BY id DESC LIMIT 1').get()
  expect(last).toEqual({ route: 'GET /v1/risk-areas', person_index: null })
  const { 'x-purpose': _p, ...noPurpose } = CALL_HEADERS
  const refused = await signedFetch(`${weijian.base}${c.riskAreas.path}`, { headers: noPurpose })
  expect(refused.status).toBe(400)
  expect(ErrorEnvelopeSchema.parse(await refused.json()).details?.map((d) => d.path)).toContain('headers.x-purpose')
})

// The 卫健 stand-in's health-code appeals and risk areas over real HTTP: the platform files an appeal and reads it
// back, a reviewer decides it once on the admin routes, and tests flag and lift risk areas.
import { chinaDateTime, ErrorEnvelopeSchema, weijianContracts } from '@ysx/shared'
import { person } from '../src/harness'
import { standIn as weijianStandIn } from '../src/weijian/app'
import {
  CALL_HEADERS,
  CALLER,
  describeLookups,
  OPERATOR,
  PURPOSE,
  SEED,
  signedFetch,
  SIZE,
  startDepartment,
} from './helper'

/** 卫健's clock: 10:00 on 21 November 2026 in Beijing at the start of each test, moved by the tests that need it. */
const START = Date.UTC(2026, 10, 21, 2)
let clock = START
beforeEach(() => {
  clock = START
})
const weijian = startDepartment(weijianStandIn, { clock: () => clock })
const c = weijianContracts
const AppealRecord = c.fileAppeal.responses[201]

const appeal = (index: number, extra: Record<string, unknown> = {}) => ({
  idNumber: person(SEED, index).idNumber,
  rule: 'check_in_risk_area',
  target: { kind: 'check_in', id: 'ci_01' },
  statement: '当天在外地出差，未到过该场所。',
  ...extra,
})
const file = (body: unknown, headers: Record<string, string> = CALL_HEADERS) =>
  signedFetch(`${weijian.base}${c.fileAppeal.path}`, { method: 'POST', headers, body: JSON.stringify(body) })
const fileOk = async (index: number, extra?: Record<string, unknown>) => {
  const res = await file(appeal(index, extra))
  expect(res.status).toBe(201)
  return AppealRecord.parse(await res.json())
}
const lookup = async (index: number) => (await weijian.read(c.appeals.path, index, c.appeals.responses[200])).appeals
const queue = async () =>
  c.pendingAppeals.responses[200].parse(
    await (await fetch(`${weijian.base}${c.pendingAppeals.path}`, { headers: OPERATOR })).json(),
  ).appeals
const decide = (appealId: string, body: unknown) =>
  fetch(`${weijian.base}/_admin/appeals/${appealId}/decision`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...OPERATOR },
    body: JSON.stringify(body),
  })
const flag = async (areaCode: string, level: string | null) => {
  const res = await fetch(`${weijian.base}${c.flagRiskArea.path}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...OPERATOR },
    body: JSON.stringify({ areaCode, level }),
  })
  expect(res.status).toBe(200)
  return c.flagRiskArea.responses[200].parse(await res.json())
}
const riskAreas = async () =>
  c.riskAreas.responses[200].parse(
    await (await signedFetch(`${weijian.base}${c.riskAreas.path}`, { headers: CALL_HEADERS })).json(),
  )
const countAppeals = () => (weijian.dept.sqlite.prepare('SELECT count(*) AS n FROM appeals').get() as { n: number }).n

describeLookups(weijian, [c.appeals.path])

test('a filed appeal answers 201 pending, and shows in the citizen’s appeals (newest first) and the queue (oldest first)', async () => {
  const first = await fileOk(11)
  const second = await fileOk(11, { target: { kind: 'declaration', id: null }, rule: 'trip_declared' })
  expect(first).toMatchObject({
    status: 'pending',
    decidedAt: null,
    note: null,
    target: { kind: 'check_in', id: 'ci_01' },
  })
  expect(second.appealId > first.appealId).toBe(true)
  expect([first.filedAt, second.filedAt]).toEqual(['2026-11-21T10:00:00+08:00', '2026-11-21T10:00:00+08:00'])
  expect(first.appealId).toMatch(/^WJ20261121\d{6}$/)
  expect((await lookup(11)).map((a) => a.appealId)).toEqual([second.appealId, first.appealId])
  const pending = (await queue()).map((a) => a.appealId)
  expect(pending.indexOf(first.appealId)).toBeLessThan(pending.indexOf(second.appealId))
  expect(await lookup(12)).toEqual([])
})

test('filing is written to the access log with the citizen, purpose and case, and the case is kept with the appeal', async () => {
  const { appealId } = await fileOk(13)
  const log = weijian.dept.sqlite
    .prepare('SELECT route, person_index, purpose, case_id, outcome FROM access_log ORDER BY id DESC LIMIT 1')
    .get()
  expect(log).toEqual({
    route: 'POST /v1/appeals',
    person_index: 13,
    purpose: PURPOSE,
    case_id: CALL_HEADERS['x-case-id'],
    outcome: 'served',
  })
  expect(weijian.dept.sqlite.prepare('SELECT case_id FROM appeals WHERE appeal_id = ?').get(appealId)).toEqual({
    case_id: CALL_HEADERS['x-case-id'],
  })
})

test('an appeal for an ID number outside the register gets 404 CITIZEN_NOT_FOUND and files nothing', async () => {
  const before = countAppeals()
  const res = await file(appeal(SIZE + 40))
  expect(res.status).toBe(404)
  expect(ErrorEnvelopeSchema.parse(await res.json()).code).toBe('CITIZEN_NOT_FOUND')
  expect(countAppeals()).toBe(before)
})

test('an appeal with a missing statement, an unknown target kind, an extra field or no purpose gets 400 and files nothing', async () => {
  const before = countAppeals()
  const { statement: _s, ...noStatement } = appeal(14)
  const { 'x-purpose': _p, ...noPurpose } = CALL_HEADERS
  const cases: [unknown, Record<string, string>, string][] = [
    [noStatement, CALL_HEADERS, 'body.statement'],
    [appeal(14, { target: { kind: 'venue', id: null } }), CALL_HEADERS, 'body.target.kind'],
    [appeal(14, { phone: '13800000000' }), CALL_HEADERS, 'body'],
    [appeal(14), noPurpose, 'headers.x-purpose'],
  ]
  for (const [body, headers, path] of cases) {
    const res = await file(body, headers)
    expect(res.status).toBe(400)
    const envelope = ErrorEnvelopeSchema.parse(await res.json())
    expect(envelope.code).toBe('VALIDATION_FAILED')
    expect(envelope.details?.map((d) => d.path)).toContain(path)
  }
  expect(countAppeals()).toBe(before)
})

test('appeal numbers count from 000001 within each filing day, the day taken in Beijing time', async () => {
  clock = Date.UTC(2026, 10, 25, 15, 59, 59) // 23:59:59 on the 25th in Beijing (15:59:59 UTC)
  const late = await fileOk(17)
  const lateAgain = await fileOk(18)
  clock += 1000 // midnight in Beijing: the 26th, though still the 25th in UTC
  const nextDay = await fileOk(17)
  expect([late.appealId, lateAgain.appealId, nextDay.appealId]).toEqual([
    'WJ20261125000001',
    'WJ20261125000002',
    'WJ20261126000001',
  ])
  expect(nextDay.filedAt).toBe('2026-11-26T00:00:00+08:00')
})

test('a reviewer’s decision sets the status, note and time once, and takes the appeal off the queue', async () => {
  const { appealId } = await fileOk(15)
  clock += 3_600_000
  const res = await decide(appealId, { decision: 'upheld', note: '核实当日不在该场所，予以纠正。' })
  expect(res.status).toBe(200)
  const decided = c.decideAppeal.responses[200].parse(await res.json())
  expect(decided).toMatchObject({ appealId, status: 'upheld', note: '核实当日不在该场所，予以纠正。' })
  expect(decided).toMatchObject({ filedAt: chinaDateTime(START), decidedAt: chinaDateTime(START + 3_600_000) })
  const { reviewer, ...record } = decided
  expect(reviewer).toBe(CALLER.operator.name)
  expect((await lookup(15))[0]).toEqual(record)
  expect((await queue()).map((a) => a.appealId)).not.toContain(appealId)

  const again = await decide(appealId, { decision: 'rejected', note: '维持' })
  expect(again.status).toBe(409)
  expect(ErrorEnvelopeSchema.parse(await again.json()).code).toBe('CONFLICT')
  expect((await lookup(15))[0]?.status).toBe('upheld')
})

test('deciding an unknown appeal gets 404 NOT_FOUND; a malformed number or decision gets 400', async () => {
  const unknown = await decide('WJ20000101999999', { decision: 'rejected', note: '无此申诉' })
  expect(unknown.status).toBe(404)
  expect(ErrorEnvelopeSchema.parse(await unknown.json()).code).toBe('NOT_FOUND')
  expect((await decide('WJ123', { decision: 'upheld', note: '好' })).status).toBe(400)
  const { appealId } = await fileOk(16)
  const bad = await decide(appealId, { decision: 'approved', note: '好' })
  expect(bad.status).toBe(400)
  expect(ErrorEnvelopeSchema.parse(await bad.json()).details?.map((d) => d.path)).toEqual(['body.decision'])
})

test('a flagged area is listed by its division code from the reference date, re-flagging changes its level in place, and null lifts it', async () => {
  const areaCode = '440117' // 从化区: not among the synthetic population's regions, so not seeded
  const areaName = '广州市从化区'
  const { asOf, areas: before } = await riskAreas()
  const flagged = await flag(areaCode, 'high')
  expect(flagged.areas).toEqual([...before, { areaCode, areaName, level: 'high', since: asOf }])
  expect((await riskAreas()).areas).toEqual(flagged.areas)
  expect((await flag(areaCode, 'low')).areas).toEqual([...before, { areaCode, areaName, level: 'low', since: asOf }])
  expect((await flag(areaCode, null)).areas).toEqual(before)
  expect((await riskAreas()).areas).toEqual(before)
})

test('flagging an area by free text, or by a code that is no division, is refused with 400 and flags nothing', async () => {
  const { areas: before } = await riskAreas()
  for (const body of [
    { areaCode: '440103', level: 'extreme' },
    { areaCode: '广州市荔湾区', level: 'high' },
    { areaCode: '荔湾', level: 'high' },
    { area: '广州市荔湾区沙面街道', level: 'high' },
    { areaCode: '440199', level: 'high' },
    { areaCode: '', level: 'high' },
    { areaCode: '440103' },
  ]) {
    const res = await fetch(`${weijian.base}${c.flagRiskArea.path}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...OPERATOR },
      body: JSON.stringify(body),
    })
    expect([body, res.status]).toEqual([body, 400])
  }
  expect((await riskAreas()).areas).toEqual(before)
})

// The 公安 stand-in: lookups by ID number over real HTTP, deterministic data, and its runtime fault knobs.
import { ErrorEnvelopeSchema, GonganCitizenSchema, isValidIdNumber, NO_FAULTS } from '@ysx/shared'
import { standIn as gonganStandIn } from '../src/gongan/app'
import { person, buildDepartment } from '../src/harness'
import type { DepartmentApp } from '../src/harness'
import { CALL_HEADERS, OPERATOR, signedFetch, TRUST } from './helper'

const SEED = 7
let dept: DepartmentApp
let base: string

beforeAll(async () => {
  dept = buildDepartment(gonganStandIn, { dbFile: ':memory:', seed: SEED, size: 200, logLevel: 'silent', ...TRUST })
  base = await dept.app.listen({ host: '127.0.0.1', port: 0 })
})
afterAll(async () => dept.app.close())
afterEach(() => dept.faults.set(NO_FAULTS))

const lookup = (idNumber: string, signal?: AbortSignal) =>
  signedFetch(`${base}/v1/citizens/lookup`, {
    method: 'POST',
    headers: CALL_HEADERS,
    body: JSON.stringify({ idNumber }),
    ...(signal ? { signal } : {}),
  })

describe('identity lookup', () => {
  test('a seeded citizen is found by ID number with the record the population defines', async () => {
    const expected = person(SEED, 123)
    const res = await lookup(expected.idNumber)
    expect(res.status).toBe(200)
    const citizen = GonganCitizenSchema.parse(await res.json())
    expect(citizen).toEqual({
      idNumber: expected.idNumber,
      name: expected.name,
      gender: expected.gender,
      birthDate: expected.birthDate,
      ethnicity: expected.ethnicity,
      address: expected.address,
      phone: expected.phone,
    })
  })

  test('a valid ID number outside the register gets 404 CITIZEN_NOT_FOUND', async () => {
    const stranger = person(SEED, 5000).idNumber
    const res = await lookup(stranger)
    expect(res.status).toBe(404)
    expect(ErrorEnvelopeSchema.parse(await res.json()).code).toBe('CITIZEN_NOT_FOUND')
  })

  test('an ID number with a wrong check digit gets 400 VALIDATION_FAILED at body.idNumber', async () => {
    const good = person(SEED, 1).idNumber
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0')
    const res = await lookup(bad)
    expect(res.status).toBe(400)
    const body = ErrorEnvelopeSchema.parse(await res.json())
    expect(body.details?.[0]?.path).toBe('body.idNumber')
  })

  test('the same seed gives the same people, with valid and unique ID numbers', () => {
    const a = Array.from({ length: 500 }, (_, i) => person(SEED, i))
    const b = Array.from({ length: 500 }, (_, i) => person(SEED, i))
    expect(a).toEqual(b)
    expect(new Set(a.map((p) => p.idNumber)).size).toBe(500)
    expect(a.every((p) => isValidIdNumber(p.idNumber))).toBe(true)
  })
})

describe('fault knobs', () => {
  const setFaults = (patch: object) =>
    fetch(`${base}/_admin/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...OPERATOR },
      body: JSON.stringify(patch),
    })

  test('latency delays business replies by at least the set amount', async () => {
    await setFaults({ latencyMs: 300 })
    const started = performance.now()
    await lookup(person(SEED, 2).idNumber)
    expect(performance.now() - started).toBeGreaterThanOrEqual(290)
  })

  test('an error rate of 1 answers every business call with 503', async () => {
    await setFaults({ errorRate: 1 })
    const res = await lookup(person(SEED, 3).idNumber)
    expect(res.status).toBe(503)
  })

  test('malformed mode sends a body that is not JSON', async () => {
    await setFaults({ malformed: true })
    const res = await lookup(person(SEED, 4).idNumber)
    await expect(res.json()).rejects.toThrow()
  })

  test('hang mode never answers, until the caller gives up', async () => {
    await setFaults({ hang: true })
    await expect(lookup(person(SEED, 5).idNumber, AbortSignal.timeout(300))).rejects.toThrow(/abort|timeout/i)
  })

  test('health and admin routes stay reachable while faults are on', async () => {
    await setFaults({ hang: true, malformed: true })
    const health = await fetch(`${base}/healthz`)
    expect(await health.json()).toMatchObject({ status: 'ok', department: 'gongan', citizens: 200 })
    const faults = await (await fetch(`${base}/_admin/faults`, { headers: OPERATOR })).json()
    expect(faults).toMatchObject({ hang: true, malformed: true })
  })

  test('an out-of-range knob is refused with 400 and leaves the knobs unchanged', async () => {
    const res = await setFaults({ errorRate: 2 })
    expect(res.status).toBe(400)
    expect(dept.faults.get().errorRate).toBe(0)
  })
})

test('reset mode drops the connection without an answer', async () => {
  dept.faults.set({ reset: true })
  try {
    await expect(
      signedFetch(`${base}/v1/citizens/lookup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
    ).rejects.toThrow()
  } finally {
    dept.faults.set(NO_FAULTS)
  }
})

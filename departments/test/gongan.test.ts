// The 公安 stand-in: lookups by ID number over real HTTP, deterministic data, and its runtime fault knobs.
import { ErrorEnvelopeSchema, GonganCitizenSchema, isValidIdNumber, NO_FAULTS } from '@ysx/shared'
import { standIn as gonganStandIn } from '../src/gongan/app'
import { person, buildDepartment } from '../src/harness'
import type { DepartmentApp } from '../src/harness'
import { CALL_HEADERS, OPERATOR, signedFetch, TRUST } from './helper'

const SEED = 7
let dept: DepartmentApp
let base: string

/** A wait the latency knob asked for, held until the test lets the reply go on. */
interface Held {
  ms: number
  release: () => void
}
/** Every wait asked for in the current test, in order. */
const asked: number[] = []
let onHeld: ((held: Held) => void) | undefined
/** The next wait the latency knob asks for. */
const nextHeld = () =>
  new Promise<Held>((resolve) => {
    onHeld = resolve
  })
/** The draws the error rate is compared with, in order (then 0.99). */
let draws: number[] = []

beforeAll(async () => {
  dept = buildDepartment(gonganStandIn, {
    dbFile: ':memory:',
    seed: SEED,
    size: 200,
    logLevel: 'silent',
    ...TRUST,
    faultHooks: {
      sleep: (ms) =>
        new Promise<void>((release) => {
          asked.push(ms)
          onHeld?.({ ms, release })
        }),
      random: () => draws.shift() ?? 0.99,
    },
  })
  base = await dept.app.listen({ host: '127.0.0.1', port: 0 })
})
afterAll(async () => dept.app.close())
afterEach(() => {
  dept.faults.set(NO_FAULTS)
  asked.length = 0
  onHeld = undefined
  draws = []
  jest.restoreAllMocks()
})

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

  test('latency holds a business reply on a wait of the set length, while other calls are served, until it ends', async () => {
    await setFaults({ latencyMs: 300 })
    const held = nextHeld()
    let settled = false
    const reply = lookup(person(SEED, 2).idNumber).finally(() => {
      settled = true
    })
    const wait = await held
    expect(wait.ms).toBe(300)
    await setFaults({ latencyMs: 0 })
    expect((await lookup(person(SEED, 3).idNumber)).status).toBe(200)
    expect(settled).toBe(false)
    wait.release()
    expect((await reply).status).toBe(200)
    expect(asked).toEqual([300])
  })

  test('an error rate of 1 answers every business call with 503 OVERLOADED', async () => {
    await setFaults({ errorRate: 1 })
    for (const index of [3, 4, 5]) {
      const res = await lookup(person(SEED, index).idNumber)
      expect([index, res.status]).toEqual([index, 503])
      expect(ErrorEnvelopeSchema.parse(await res.json()).code).toBe('OVERLOADED')
    }
  })

  test('an error rate of 0.5 answers 503 exactly the calls whose draw falls below 0.5', async () => {
    await setFaults({ errorRate: 0.5 })
    draws = [0.49, 0.5, 0.51, 0]
    const statuses = []
    for (const index of [6, 7, 8, 9]) statuses.push((await lookup(person(SEED, index).idNumber)).status)
    expect(statuses).toEqual([503, 200, 200, 503])
  })

  test('malformed mode sends a body that is not JSON', async () => {
    await setFaults({ malformed: true })
    const res = await lookup(person(SEED, 4).idNumber)
    await expect(res.json()).rejects.toThrow()
  })

  test('hang mode never answers a business call while the department answers others, until the caller gives up', async () => {
    await setFaults({ hang: true })
    const counted = new Promise<void>((resolve) => {
      const count = dept.faults.countRequest
      jest.spyOn(dept.faults, 'countRequest').mockImplementation(() => {
        count()
        resolve()
      })
    })
    const caller = new AbortController()
    let settled = false
    const call = lookup(person(SEED, 5).idNumber, caller.signal).finally(() => {
      settled = true
    })
    await counted
    for (let i = 0; i < 3; i += 1) expect((await fetch(`${base}/healthz`)).status).toBe(200)
    expect(settled).toBe(false)
    caller.abort()
    await expect(call).rejects.toThrow(/abort/i)
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

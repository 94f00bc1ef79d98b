// Fault matrix: for each department × {3 s latency, hang, connection reset, 50 % 5xx, malformed JSON} the dashboard
// never 500s, marks the failing section with the code for that fault (a slow or hung department is cut off by the
// timeout — UPSTREAM_TIMEOUT — instead of being waited for) and keeps the others intact. Then the breaker: it opens
// after its threshold, calls stop reaching the department, and a half-open probe recovers it. How close to the
// budget the answer comes is measured by scripts/bench/dashboard (p99 ÷ budget), not asserted here: tests hold no
// wall-clock thresholds.
import { testConfig } from '@ysx/bff/config'
import { type Dashboard, DashboardSchema, DEPARTMENTS } from '@ysx/shared'
import {
  ALL_DEPARTMENTS,
  bearer,
  OPERATOR,
  realNameUser,
  setFaults,
  type StandIn,
  startSystem,
  type TestSystem,
} from '../support/system'

// Generous against a loaded CI machine: a healthy stand-in must never look broken. The injected latency is well past both.
const TIMEOUT_MS = 800
const BUDGET_MS = 1200
// Long enough that the calls made while the breaker is open cannot outlast it, even on a loaded machine.
const HALF_OPEN_MS = 3000
const FAULTS = {
  'latency 3 s': { knobs: { latencyMs: 3000 }, code: 'UPSTREAM_TIMEOUT' },
  hang: { knobs: { hang: true }, code: 'UPSTREAM_TIMEOUT' },
  'connection reset': { knobs: { reset: true }, code: 'UPSTREAM_UNAVAILABLE' },
  '50 % 5xx': { knobs: { errorRate: 0.5 }, code: 'UPSTREAM_UNAVAILABLE' },
  'malformed JSON': { knobs: { malformed: true }, code: 'UPSTREAM_BAD_RESPONSE' },
} as const
const CLEAR = { latencyMs: 0, errorRate: 0, hang: false, malformed: false, reset: false }

/** The sections each department feeds; the others feed none (the cards section degrades to a partial list instead). */
const SECTIONS: Partial<Record<StandIn, (keyof Dashboard['sections'])[]>> = {
  renshe: ['socialSecurity'],
  yibao: ['medicalInsurance'],
  gongjijin: ['housingFund'],
  jiaoguan: ['violations'],
  weijian: ['healthCode'],
}
/** The departments that issue certificates (the cards section lists what they issue) */
const ISSUERS = ALL_DEPARTMENTS.filter((code) => DEPARTMENTS[code].certificates.length > 0)

let sys: TestSystem
let token: string

beforeAll(async () => {
  const base = testConfig()
  sys = await startSystem({
    departments: ALL_DEPARTMENTS,
    bff: {
      departments: {
        ...base.departments,
        timeoutMs: TIMEOUT_MS,
        dashboardBudgetMs: BUDGET_MS,
        cacheTtlMs: 0,
        breakerThreshold: 10_000,
      },
    },
  })
  token = await realNameUser(sys, 'fault-matrix', 60)
}, 60_000)
afterAll(async () => sys.close())

const cases = ALL_DEPARTMENTS.flatMap((dept) =>
  Object.entries(FAULTS).map(([fault, f]) => [dept, fault, f.knobs, f.code] as const),
)

test.each(cases)(
  '%s with %s: failing section marked with its code, others intact',
  async (dept, fault, knobs, code) => {
    await setFaults(sys.departments[dept]!.url, knobs)
    try {
      const res = await sys.call({ method: 'GET', url: '/v1/dashboard', headers: bearer(token) })
      expect(res.statusCode).toBe(200)
      const d = DashboardSchema.parse(res.json())
      const flaky = fault === '50 % 5xx' // a retried read may get through: either outcome is right, but never a wrong one
      for (const [name, section] of Object.entries(d.sections) as [
        keyof Dashboard['sections'],
        Dashboard['sections'][keyof Dashboard['sections']],
      ][]) {
        if ((SECTIONS[dept] ?? []).includes(name)) {
          if (!flaky) expect([name, section.status]).toEqual([name, 'unavailable'])
          if (section.status === 'unavailable') expect(section.code).toBe(code)
        } else {
          expect([name, section.status]).toEqual([name, 'ok'])
        }
      }
      if (ISSUERS.includes(dept) && !flaky && d.sections.cards.status === 'ok') {
        expect(d.sections.cards.data.unavailableFrom).toEqual([dept])
      }
    } finally {
      await setFaults(sys.departments[dept]!.url, CLEAR)
    }
  },
)

test('the breaker opens after its threshold, stops calling the department, and a half-open probe recovers it', async () => {
  const base = testConfig()
  const local = await startSystem({
    departments: ['yibao'],
    bff: {
      departments: {
        ...base.departments,
        timeoutMs: TIMEOUT_MS,
        cacheTtlMs: 0,
        breakerThreshold: 3,
        halfOpenAfterMs: HALF_OPEN_MS,
      },
    },
  })
  try {
    const t = await realNameUser(local, 'breaker', 61)
    const yibao = local.departments.yibao!.url
    const requests = async () =>
      ((await (await fetch(`${yibao}/_admin/stats`, { headers: OPERATOR })).json()) as { businessRequests: number })
        .businessRequests
    const view = () => local.call({ method: 'GET', url: '/v1/medical-insurance', headers: bearer(t) })
    await setFaults(yibao, { errorRate: 1 })
    for (let i = 0; i < 3; i += 1) expect((await view()).statusCode).toBe(503)
    const whenOpen = await requests()
    for (let i = 0; i < 5; i += 1) {
      const res = await view()
      expect(res.statusCode).toBe(503)
      expect(res.json().code).toBe('UPSTREAM_UNAVAILABLE')
    }
    expect(await requests()).toBe(whenOpen) // open: the department is not called at all
    await setFaults(yibao, CLEAR)
    await new Promise((resolve) => setTimeout(resolve, HALF_OPEN_MS + 100))
    expect((await view()).statusCode).toBe(200) // the half-open probe succeeds and closes the breaker
    expect(await requests()).toBeGreaterThan(whenOpen)
  } finally {
    await local.close()
  }
})

test('a write is never retried, a read at most once', async () => {
  const base = testConfig()
  const local = await startSystem({
    departments: ['jiaoguan'],
    bff: { departments: { ...base.departments, timeoutMs: TIMEOUT_MS, cacheTtlMs: 0 } },
  })
  try {
    const t = await realNameUser(local, 'retries', 62)
    const url = local.departments.jiaoguan!.url
    const requests = async () =>
      ((await (await fetch(`${url}/_admin/stats`, { headers: OPERATOR })).json()) as { businessRequests: number })
        .businessRequests
    await setFaults(url, { errorRate: 1 })
    const before = await requests()
    expect((await local.call({ method: 'GET', url: '/v1/traffic/violations', headers: bearer(t) })).statusCode).toBe(
      503,
    )
    expect((await requests()) - before).toBe(2) // the read and its one retry
  } finally {
    await local.close()
  }
})

// Fault matrix: for each department × {hang, connection reset, 5xx on every call, malformed JSON} the dashboard never
// 500s, marks the failing department's sections unavailable with the code for that fault, names the department in
// the cards section's unavailableFrom when it issues certificates, and keeps everything else ok. Every outcome is
// known in advance: a hung department never answers (so it always outlasts its timeout, however loaded the machine),
// and the healthy ones get a timeout and a budget no healthy stand-in comes near. Then the breaker on a clock the
// test moves, and the retry rules: a write is sent once, a read at most twice. How close to the budget the answer
// comes is measured by scripts/bench/dashboard (p99 ÷ budget), not asserted here: tests hold no wall-clock thresholds.
import { testConfig } from '@ysx/bff/config'
import { type Dashboard, DashboardSchema, DEPARTMENTS, type ErrorCode, errorMessage } from '@ysx/shared'
import {
  ALL_DEPARTMENTS,
  bearer,
  OPERATOR,
  realNameUser,
  setFaults,
  type StandIn,
  startSystem,
  type SystemOptions,
  type TestSystem,
} from '../support/system'
import { fakeDateOnly } from '../support/clock'

// What no healthy in-process stand-in comes near, on any machine: only a department that never answers reaches them.
const GENEROUS_MS = 60_000
// A hung department's own timeout: it never answers, so any value is outlasted; a small one keeps the test short.
const HUNG_TIMEOUT_MS = 100
const HALF_OPEN_MS = 10_000
const CLEAR = { latencyMs: 0, errorRate: 0, hang: false, malformed: false, reset: false }

const FAULTS = {
  'connection reset': { knobs: { reset: true }, code: 'UPSTREAM_UNAVAILABLE' },
  '5xx on every call': { knobs: { errorRate: 1 }, code: 'UPSTREAM_UNAVAILABLE' },
  'malformed JSON': { knobs: { malformed: true }, code: 'UPSTREAM_BAD_RESPONSE' },
} as const satisfies Record<string, { knobs: Record<string, unknown>; code: ErrorCode }>

/** The sections each department feeds; the others feed none (they appear in the cards section only, if at all). */
const SECTIONS: Partial<Record<StandIn, (keyof Dashboard['sections'])[]>> = {
  renshe: ['socialSecurity'],
  yibao: ['medicalInsurance'],
  gongjijin: ['housingFund'],
  jiaoguan: ['violations'],
  weijian: ['healthCode'],
}
/** Whether a department issues certificates (the cards section lists what they issue) */
const issues = (code: StandIn) => DEPARTMENTS[code].certificates.length > 0

/** A test system with every department, no cache, a breaker that never opens, and departments' own timeouts. */
function matrixSystem(timeouts: Partial<Record<StandIn, number>> = {}): Promise<TestSystem> {
  const base = testConfig()
  const options: SystemOptions = {
    departments: ALL_DEPARTMENTS,
    bff: {
      departments: {
        ...base.departments,
        timeoutMs: GENEROUS_MS,
        timeoutMsByDepartment: timeouts,
        dashboardBudgetMs: GENEROUS_MS,
        cacheTtlMs: 0,
        breakerThreshold: 10_000,
      },
    },
  }
  return startSystem(options)
}

/** Business requests a stand-in has received so far, faulted ones included (its own count, over HTTP). */
async function requestsSeenBy(sys: TestSystem, dept: StandIn): Promise<number> {
  const res = await fetch(`${sys.departments[dept]!.url}/_admin/stats`, { headers: OPERATOR })
  return ((await res.json()) as { businessRequests: number }).businessRequests
}

type Card = { type: string; department: string }

async function dashboard(sys: TestSystem, token: string) {
  const res = await sys.call({ method: 'GET', url: '/v1/dashboard', headers: bearer(token) })
  expect(res.statusCode).toBe(200)
  return DashboardSchema.parse(res.json()).sections
}

/** The citizen's cards with every department healthy (the dashboard's cards section) */
async function allCards(sys: TestSystem, token: string): Promise<Card[]> {
  const { cards } = await dashboard(sys, token)
  if (cards.status !== 'ok' || cards.data.unavailableFrom.length > 0) throw new Error('cards not all there')
  return cards.data.cards
}

/**
 * The dashboard with `dept` failing with `code`: exactly its sections unavailable with that code, every other one
 * ok; the cards section ok with every card but those `dept` issued, and `dept` named if it issues any.
 */
async function expectDashboardWithout(sys: TestSystem, token: string, dept: StandIn, code: ErrorCode, all: Card[]) {
  const sections = await dashboard(sys, token)
  const failing = SECTIONS[dept] ?? []
  const { cards, ...others } = sections
  for (const [name, section] of Object.entries(others)) {
    const expected = failing.includes(name as keyof Dashboard['sections'])
      ? { status: 'unavailable', code, message: errorMessage(code, 'zh-CN') }
      : { status: 'ok' }
    expect([name, section]).toEqual([name, expect.objectContaining(expected)])
  }
  expect(cards).toEqual({
    status: 'ok',
    data: { cards: all.filter((c) => c.department !== dept), unavailableFrom: issues(dept) ? [dept] : [] },
  })
}

describe('fault matrix', () => {
  let sys: TestSystem
  let token: string
  let all: Card[]
  beforeAll(async () => {
    sys = await matrixSystem()
    token = await realNameUser(sys, 'fault-matrix', 60)
    all = await allCards(sys, token)
  }, 60_000)
  afterAll(async () => sys.close())

  const cases = ALL_DEPARTMENTS.flatMap((dept) =>
    Object.entries(FAULTS).map(([fault, f]) => [dept, fault, f.code, f.knobs] as const),
  )

  test.each(cases)(
    '%s with %s: the dashboard is 200, its sections are unavailable with %s, the cards omit it, the rest is ok',
    async (dept, _fault, code, knobs) => {
      await setFaults(sys.departments[dept]!.url, knobs)
      try {
        await expectDashboardWithout(sys, token, dept, code, all)
      } finally {
        await setFaults(sys.departments[dept]!.url, CLEAR)
      }
    },
  )

  test('with every department healthy, every section is ok and no issuer is missing from the cards', async () => {
    const sections = await dashboard(sys, token)
    expect(Object.values(sections).map((s) => s.status)).toEqual(Object.values(sections).map(() => 'ok'))
    expect(sections.cards).toEqual({ status: 'ok', data: { cards: all, unavailableFrom: [] } })
    expect(new Set(all.map((c) => c.department)).size).toBeGreaterThan(1)
  })

  test('a read answered 503 once is retried and served: 200, and 交管 saw the call twice', async () => {
    const jiaoguan = sys.departments.jiaoguan!.dept.faults
    const before = await requestsSeenBy(sys, 'jiaoguan')
    // The stand-in fails the first business request after this point and answers every later one.
    const count = jiaoguan.countRequest
    jiaoguan.countRequest = () => {
      count()
      jiaoguan.set({ errorRate: jiaoguan.businessRequests() === before + 1 ? 1 : 0 })
    }
    try {
      const res = await sys.call({ method: 'GET', url: '/v1/traffic/violations', headers: bearer(token) })
      expect(res.statusCode).toBe(200)
      expect((await requestsSeenBy(sys, 'jiaoguan')) - before).toBe(2)
    } finally {
      jiaoguan.countRequest = count
      jiaoguan.set(CLEAR)
    }
  })

  test('a read of a department answering 503 to every call is tried exactly twice, then answers 503', async () => {
    const url = sys.departments.jiaoguan!.url
    await setFaults(url, { errorRate: 1 })
    try {
      const before = await requestsSeenBy(sys, 'jiaoguan')
      const res = await sys.call({ method: 'GET', url: '/v1/traffic/violations', headers: bearer(token) })
      expect([res.statusCode, res.json().code]).toEqual([503, 'UPSTREAM_UNAVAILABLE'])
      expect((await requestsSeenBy(sys, 'jiaoguan')) - before).toBe(2) // the read and its one retry
    } finally {
      await setFaults(url, CLEAR)
    }
  })

  test('an appeal filed while 卫健 answers 503 is sent to 卫健 exactly once (a write is never retried)', async () => {
    const url = sys.departments.weijian!.url
    await setFaults(url, { errorRate: 1 })
    try {
      const before = await requestsSeenBy(sys, 'weijian')
      const res = await sys.call({
        method: 'POST',
        url: '/v1/health-codes/self/appeals',
        headers: bearer(token),
        payload: { rule: 'red.positive_test', target: { kind: 'test_result' }, statement: '检测结果与本人无关' },
      })
      expect([res.statusCode, res.json().code]).toEqual([503, 'UPSTREAM_UNAVAILABLE'])
      expect((await requestsSeenBy(sys, 'weijian')) - before).toBe(1)
    } finally {
      await setFaults(url, CLEAR)
    }
  })
})

describe('a department that never answers', () => {
  // Each department's own timeout, read by the BFF at each call: the hung one's is cut short while it hangs.
  const timeouts: Partial<Record<StandIn, number>> = {}
  let sys: TestSystem
  let token: string
  let all: Card[]
  beforeAll(async () => {
    sys = await matrixSystem(timeouts)
    token = await realNameUser(sys, 'hung-departments', 60)
    all = await allCards(sys, token)
  }, 60_000)
  afterAll(async () => sys.close())

  test.each(ALL_DEPARTMENTS)(
    '%s hung: the dashboard is 200, its sections are unavailable with UPSTREAM_TIMEOUT, the cards omit it, the rest is ok',
    async (dept) => {
      const url = sys.departments[dept]!.url
      await setFaults(url, { hang: true })
      timeouts[dept] = HUNG_TIMEOUT_MS
      try {
        await expectDashboardWithout(sys, token, dept, 'UPSTREAM_TIMEOUT', all)
      } finally {
        delete timeouts[dept]
        await setFaults(url, CLEAR)
      }
    },
  )
})

describe('the breaker', () => {
  afterEach(() => {
    jest.useRealTimers()
  })

  test('opens after 3 failures, calls 交管 no more while open, and lets one probe through once halfOpenAfter has passed on the clock', async () => {
    // Only Date is faked (cockatiel reads Date.now for the open interval); timers and I/O stay real.
    fakeDateOnly()
    const base = testConfig()
    const local = await startSystem({
      departments: ['jiaoguan'],
      bff: {
        departments: {
          ...base.departments,
          timeoutMs: GENEROUS_MS,
          cacheTtlMs: 0,
          breakerThreshold: 3,
          halfOpenAfterMs: HALF_OPEN_MS,
        },
      },
    })
    try {
      const t = await realNameUser(local, 'breaker', 61)
      const jiaoguan = local.departments.jiaoguan!.url
      const view = () => local.call({ method: 'GET', url: '/v1/traffic/violations', headers: bearer(t) })
      await setFaults(jiaoguan, { errorRate: 1 })
      // Each view is a read and its retry: the third failure, in the second view, opens the breaker.
      for (let i = 0; i < 2; i += 1) expect((await view()).statusCode).toBe(503)
      expect(await requestsSeenBy(local, 'jiaoguan')).toBe(3)
      await setFaults(jiaoguan, CLEAR)
      for (let i = 0; i < 5; i += 1) {
        const res = await view()
        expect([res.statusCode, res.json().code]).toEqual([503, 'UPSTREAM_UNAVAILABLE'])
      }
      jest.setSystemTime(Date.now() + HALF_OPEN_MS - 1)
      expect((await view()).statusCode).toBe(503) // still open one millisecond before halfOpenAfter
      expect(await requestsSeenBy(local, 'jiaoguan')).toBe(3) // open: the department was not called at all
      jest.setSystemTime(Date.now() + 1)
      expect((await view()).statusCode).toBe(200) // the half-open probe succeeds and closes the breaker
      expect(await requestsSeenBy(local, 'jiaoguan')).toBe(4)
      expect((await view()).statusCode).toBe(200) // closed again: calls go through
      expect(await requestsSeenBy(local, 'jiaoguan')).toBe(5)
    } finally {
      await local.close()
    }
  })
})

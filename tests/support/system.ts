// Test system: the WeChat and 公安 stand-ins on real ports, and a BFF (in-process, inject) that reaches them over HTTP.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import { buildApp } from '@ysx/bff/app'
import { type Config, testConfig } from '@ysx/bff/config'
import { createTestCaller, type DepartmentApp, person, type Person } from '@ysx/departments/harness'
import { loadStandIn } from '@ysx/departments/stand-ins'
import { chinaDate, type PopulationDepartment, POPULATION_DEPARTMENT_CODES } from '@ysx/shared'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'

export const SEED = 424242
export const APP_ID = 'wx-test-ysx'
export const APP_SECRET = 'test-wechat-secret-0123456789abcdef'

/**
 * The platform's signing key and a stand-in operator: every test system's stand-ins trust this caller, its BFF signs
 * with this key, and a test calling a stand-in directly signs with it too (`CALLER.fetch`) or, on an /_admin/ route,
 * sends the operator's token (`OPERATOR`).
 */
export const CALLER = createTestCaller({ operatorName: '卫健审核员 测试' })
/** The test operator's Authorization header, for the stand-ins' /_admin/ routes */
export const OPERATOR = CALLER.operator.headers

/** The department stand-ins a test system can run besides WeChat: every population department in the registry. */
export type StandIn = PopulationDepartment
export const ALL_DEPARTMENTS: StandIn[] = [...POPULATION_DEPARTMENT_CODES]

export interface TestSystem {
  bff: FastifyInstance
  wechat: DepartmentApp
  gongan: DepartmentApp
  /** Every running stand-in by name, with its base URL */
  departments: Partial<Record<StandIn, { dept: DepartmentApp; url: string }>>
  wechatUrl: string
  dbFile: string
  /** Every BFF log line */
  logs: string[]
  /** Every BFF response body seen through `call` */
  bodies: string[]
  call(opts: InjectOptions): Promise<LightMyRequestResponse>
  /** A fresh one-time WeChat code for an account (what wx.login returns on a phone). */
  code(account: string): Promise<string>
  /** Logs an account in; returns tokens. */
  login(account: string): Promise<{ accessToken: string; refreshToken: string }>
  citizen(index: number): Person
  /** Moves the BFF's service clock forward (challenge expiry, step-up windows). */
  advance(ms: number): void
  /**
   * Builds one more BFF replica with this one's configuration (with `bff.databaseUrl` and `bff.redis`: the same
   * database and Redis), clock and log; closed with the system. `bff` is the first replica.
   */
  replica(): Promise<FastifyInstance>
  close(): Promise<void>
}

export interface SystemOptions {
  bff?: Partial<Config>
  sessionKey?: () => string
  /** Which stand-ins to run (公安 always runs: identity needs it) */
  departments?: StandIn[]
  size?: number
  /** Per-department population sizes: a smaller one leaves the later citizens unknown to that department */
  sizes?: Partial<Record<StandIn, number>>
  /** The population seed (default SEED): the same citizens on every run */
  seed?: number
  /**
   * The synthetic world's "today" (YYYY-MM-DD; by default the seed read as a date). `chinaToday()` lines the stand-ins'
   * dated records (test results and the like) up with the real clock the BFF runs on, keeping the same citizens.
   */
  referenceDate?: string
}

/** Today in China (YYYY-MM-DD): with `referenceDate`, the stand-ins' records are as old as they say. */
export const chinaToday = () => chinaDate(Date.now())

/** The WeChat stand-in of the test app (APP_ID, APP_SECRET, in memory, the test operator), not yet listening. */
export async function wechatStandIn(extra: { redirectUris?: string[]; sessionKey?: () => string } = {}) {
  return (await loadStandIn('wechat')).build({
    dbFile: ':memory:',
    appId: APP_ID,
    appSecret: APP_SECRET,
    logLevel: 'silent',
    operators: CALLER.trust.operators,
    ...extra,
  })
}

export async function startSystem(opts: SystemOptions = {}): Promise<TestSystem> {
  let offsetMs = 0
  // The H5 login page of the BFF, registered with the WeChat stand-in (matched exactly) once the BFF listens.
  const redirectUris: string[] = []
  const wechat = await wechatStandIn({ redirectUris, ...(opts.sessionKey ? { sessionKey: opts.sessionKey } : {}) })
  const wechatUrl = await wechat.app.listen({ host: '127.0.0.1', port: 0 })
  const departments: TestSystem['departments'] = {}
  for (const name of new Set<StandIn>(['gongan', ...(opts.departments ?? [])])) {
    const dept = (await loadStandIn(name)).build({
      dbFile: ':memory:',
      seed: opts.seed ?? SEED,
      ...(opts.referenceDate ? { referenceDate: opts.referenceDate } : {}),
      size: opts.sizes?.[name] ?? opts.size ?? 300,
      logLevel: 'silent',
      ...CALLER.trust,
    })
    departments[name] = { dept, url: await dept.app.listen({ host: '127.0.0.1', port: 0 }) }
  }
  const gongan = departments.gongan!.dept
  // Departments not started point at a closed port, never at a system that may be running on the defaults.
  const closed = Object.fromEntries(ALL_DEPARTMENTS.map((n) => [n, 'http://127.0.0.1:9']))
  const urls = { ...closed, ...Object.fromEntries(Object.entries(departments).map(([n, d]) => [n, d.url])) }
  const dbFile = path.join(mkdtempSync(path.join(tmpdir(), 'ysx-system-')), 'bff.sqlite')
  const logs: string[] = []
  const logStream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean))
      done()
    },
  })
  const base = testConfig({ logLevel: 'info', dbFile })
  const newBff = () =>
    buildApp(
      {
        ...base,
        wechat: { appId: APP_ID, secret: APP_SECRET, authorizeUrl: `${wechatUrl}/connect/oauth2/authorize` },
        // Stand-in mode: the tests' face samples are the labelled stand-in (no camera here)
        faceStandIn: true,
        // No load shedding on the event loop's delay (0: off): on a busy test machine that wall-clock threshold
        // answered 503 OVERLOADED at random (a sample interval with no tick at all reads as an infinite delay, whatever
        // the budget). A test of the shedding itself sets its own.
        maxEventLoopDelayMs: 0,
        ...opts.bff,
        // The running stand-ins' addresses win over any given; the other department settings may be overridden.
        departments: {
          ...base.departments,
          ...opts.bff?.departments,
          urls: { ...base.departments.urls, ...urls, wechat: wechatUrl },
          // The key the stand-ins registered as the BFF's.
          signingKey: CALLER.privateJwk,
        },
      },
      { logStream, now: () => new Date(Date.now() + offsetMs) },
    )
  const replicas: FastifyInstance[] = []
  const replica = async () => {
    const app = await newBff()
    replicas.push(app)
    app.addHook('onListen', async () => {
      for (const a of app.addresses())
        if (typeof a !== 'string') redirectUris.push(`http://${a.address}:${a.port}/#/pages/login/index`)
    })
    await app.ready()
    return app
  }
  const bff = await replica()
  const bodies: string[] = []

  const call = async (o: InjectOptions) => {
    const res = await bff.inject(o)
    bodies.push(res.body)
    return res
  }
  const code = async (account: string) => {
    const res = await wechat.app.inject({
      method: 'POST',
      url: '/sns/device-login',
      payload: { appid: APP_ID, account },
    })
    return res.json().code as string
  }
  return {
    bff,
    wechat,
    gongan,
    departments,
    wechatUrl,
    dbFile,
    logs,
    bodies,
    call,
    code,
    async login(account) {
      const res = await call({ method: 'POST', url: '/v1/auth/login', payload: { code: await code(account) } })
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`)
      return res.json()
    },
    citizen: (index) => person(opts.seed ?? SEED, index),
    advance: (ms) => {
      offsetMs += ms
    },
    replica,
    async close() {
      for (const app of replicas) await app.close()
      await wechat.app.close()
      await Promise.all(Object.values(departments).map((d) => d.dept.app.close()))
    },
  }
}

/** Citizens the 公安 stand-in's face check always rejects (departments/src/gongan/face.ts). */
export const faceCheckAlwaysFails = (index: number) => index % 97 === 13 || index % 89 === 7

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/** Logs an account in and binds it to citizen `index` through a face verification; returns its access token. */
export async function realNameUser(sys: TestSystem, account: string, index: number): Promise<string> {
  return (await realNameSession(sys, account, index)).accessToken
}

/** As realNameUser, with the whole session: its face check is this session's step-up (step-up is per session). */
export async function realNameSession(
  sys: TestSystem,
  account: string,
  index: number,
): Promise<{ accessToken: string; refreshToken: string }> {
  const t = await sys.login(account)
  const who = sys.citizen(index)
  const c = (await sys.call({ method: 'POST', url: '/v1/face/challenges', headers: bearer(t.accessToken) })).json()
  const res = await sys.call({
    method: 'POST',
    url: '/v1/face/verifications',
    headers: bearer(t.accessToken),
    payload: {
      verifyId: c.verifyId,
      name: who.name,
      idNumber: who.idNumber,
      sample: { kind: 'standin', image: '', spokenDigits: c.digits },
    },
  })
  if (res.statusCode !== 200) throw new Error(`binding failed: ${res.body}`)
  return t
}

/** Sets a stand-in's fault knobs over HTTP, as an operator would. */
export async function setFaults(url: string, faults: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${url}/_admin/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...OPERATOR },
    body: JSON.stringify(faults),
  })
  if (!res.ok) throw new Error(`faults refused: ${res.status}`)
}

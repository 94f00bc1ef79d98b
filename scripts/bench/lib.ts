// Benchmark helpers: percentiles, a bounded-concurrency load loop, starting the stand-in departments apart, and a BFF
// in front of them.
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { build } from 'esbuild'
import { buildApp } from '@ysx/bff/app'
import { type Config, testConfig } from '@ysx/bff/config'
import { createTestCaller, person } from '@ysx/departments/harness'
import {
  CitizenLookupSchema,
  DEPARTMENT_CODES,
  type DepartmentCode,
  departmentPortVar,
  DEPARTMENTS,
  type PopulationDepartment,
  type RouteContract,
} from '@ysx/shared'

export const ROOT = path.resolve(__dirname, '../..')

/**
 * The benchmark's BFF key and stand-in operator: the stand-ins it starts register the key's public half and the
 * operator, its BFF signs with the key, and a direct call to a stand-in signs with it (`CALLER.fetch`).
 */
export const CALLER = createTestCaller({ operatorName: 'bench' })

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/** Runs `n` calls of `once` with at most `concurrency` in flight; returns each call's duration in ms, sorted. */
export async function measure(n: number, concurrency: number, once: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        next += 1
        const started = performance.now()
        await once()
        times.push(performance.now() - started)
      }
    }),
  )
  return times.sort((a, b) => a - b)
}

/** A department's citizen lookup to time directly: its certificate lookup if it issues any, else its first one. */
export function probePath(code: PopulationDepartment): string {
  const lookups = Object.entries(DEPARTMENTS[code].contracts as Record<string, RouteContract>).filter(
    ([, c]) => c.method === 'POST' && c.body === CitizenLookupSchema,
  )
  const [, probe] = lookups.find(([name]) => name === 'certificates') ?? lookups[0]!
  return probe.path
}

/**
 * Starts every stand-in in its own process (so it does not share the benchmark's event loop) on base port + i, pinned
 * with `taskset -c <cores>` where cores are given.
 */
export async function startDepartments(
  basePort: number,
  size: number,
  cores?: string,
): Promise<{ urls: Record<DepartmentCode, string>; stop: () => void }> {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    DEPT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'ysx-bench-')),
    DEPT_SIZE: String(size),
    DEPT_LOG_LEVEL: 'error',
    DEPT_BFF_PUBLIC_JWK: JSON.stringify(CALLER.trust.callerKeys),
    DEPT_OPERATORS: CALLER.trust.operators.map((o) => `${o.name}=${o.token}`).join(','),
  }
  const urls = {} as Record<DepartmentCode, string>
  DEPARTMENT_CODES.forEach((d, i) => {
    env[departmentPortVar(d)] = String(basePort + i)
    urls[d] = `http://127.0.0.1:${basePort + i}`
  })
  const tsx = path.join(ROOT, 'departments/node_modules/.bin/tsx')
  const [cmd, ...args] = cores ? ['taskset', '-c', cores, tsx, 'src/main.ts'] : [tsx, 'src/main.ts']
  const child: ChildProcess = spawn(cmd!, args, {
    cwd: path.join(ROOT, 'departments'),
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  for (const d of DEPARTMENT_CODES) {
    for (let tries = 0; ; tries += 1) {
      try {
        if ((await fetch(`${urls[d]}/healthz`)).ok) break
      } catch {
        if (tries > 600) throw new Error(`department ${d} did not start`)
        await new Promise((r) => setTimeout(r, 200))
      }
    }
  }
  return { urls, stop: () => child.kill('SIGTERM') }
}

export async function setFaults(url: string, faults: Record<string, unknown>): Promise<void> {
  await fetch(`${url}/_admin/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...CALLER.operator.headers },
    body: JSON.stringify(faults),
  })
}

/** The stand-ins' WeChat app (the development defaults both the BFF and the departments use). */
export const WECHAT_APP = { appId: 'wx-ysx-open-dev', secret: 'dev-only-wechat-secret-change-me-0123456789abcdef' }

type BffOverrides = Partial<Omit<Config, 'departments'>> & { departments?: Partial<Config['departments']> }

/** Builds the BFF for the running stand-ins (their WeChat app, their addresses) and listens on a free port. */
export async function startBff(urls: Record<DepartmentCode, string>, overrides: BffOverrides = {}) {
  const base = testConfig({ logLevel: 'silent' })
  const app = await buildApp({
    ...base,
    wechat: { ...WECHAT_APP, authorizeUrl: `${urls.wechat}/connect/oauth2/authorize` },
    maxEventLoopDelayMs: 1000, // load shedding as shipped (testConfig turns it off for tests)
    faceStandIn: true, // realNameUser's labelled stand-in samples (the stand-ins have no camera)
    ...overrides,
    departments: { ...base.departments, ...overrides.departments, urls, signingKey: CALLER.privateJwk },
  })
  return { app, url: await app.listen({ host: '127.0.0.1', port: 0 }) }
}

async function postJson(url: string, body: unknown, token?: string): Promise<Record<string, string>> {
  const send = () =>
    fetch(url, {
      method: 'POST',
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  // Once more on a connection the server closed while it idled in fetch's pool (EPIPE on the write).
  const res = await send().catch(send)
  return (await res.json()) as Record<string, string>
}

/** Logs a WeChat account in and binds it to a citizen by a (stand-in) face verification; returns its access token. */
export async function realNameUser(
  bff: string,
  wechat: string,
  account: string,
  who: { name: string; idNumber: string },
): Promise<string> {
  const { code } = await postJson(`${wechat}/sns/device-login`, { appid: WECHAT_APP.appId, account })
  const { accessToken } = await postJson(`${bff}/v1/auth/login`, { code })
  const c = await postJson(`${bff}/v1/face/challenges`, undefined, accessToken)
  const sample = { kind: 'standin', image: '', spokenDigits: c.digits }
  await postJson(
    `${bff}/v1/face/verifications`,
    { verifyId: c.verifyId, name: who.name, idNumber: who.idNumber, sample },
    accessToken,
  )
  return accessToken!
}

/**
 * `count` citizens of the stand-ins' population (from person(seed, 0) on) with a valid driving licence at 交管, each
 * logged in and face-verified at the BFF (account `<account>-<n>`): their access token and their licence's card id.
 */
export async function drivers(
  urls: { bff: string; wechat: string; jiaoguan: string },
  seed: number,
  count: number,
  account = 'bench-driver',
): Promise<{ token: string; cardId: string }[]> {
  const found: { token: string; cardId: string }[] = []
  for (let i = 0; i < 1000 && found.length < count; i += 1) {
    const who = person(seed, i)
    const lookup = () =>
      CALLER.fetch(`${urls.jiaoguan}/v1/certificates/lookup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-client-id': 'GOV/bench', 'x-purpose': 'bench' },
        body: JSON.stringify({ idNumber: who.idNumber }),
      })
    // Once more on a connection the stand-in closed while it idled in fetch's pool (EPIPE).
    const res = await lookup().catch(lookup)
    const certs = res.ok
      ? ((await res.json()) as { certificates: { type: string; status: string }[] }).certificates
      : []
    if (!certs.some((c) => c.type === 'driving_licence' && c.status === 'valid')) continue
    const token = await realNameUser(urls.bff, urls.wechat, `${account}-${found.length}`, who)
    const wallet = (await (
      await fetch(`${urls.bff}/v1/wallet`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { cards?: { id: string; type: string }[] }
    // A citizen whose (stand-in) face check failed has no wallet: the next one.
    const card = wallet.cards?.find((x) => x.type === 'driving_licence')
    if (card) found.push({ token, cardId: card.id })
  }
  if (found.length < count) throw new Error(`only ${found.length} of ${count} citizens with a valid driving licence`)
  return found
}

const compiled = new Map<string, Promise<string>>()

/**
 * scripts/bench/<name>.ts compiled once per run to reports/bench/<name>.js (esbuild, its relative imports bundled,
 * packages left to node), so that each process started from it is plain node: no tsx starting and compiling on every
 * window, on a machine where every second of the load core counts.
 */
export function compiledScript(name: string): Promise<string> {
  if (!compiled.has(name)) {
    const outfile = path.join(ROOT, 'reports/bench', `${name}.js`)
    compiled.set(
      name,
      build({
        entryPoints: [path.join(ROOT, 'scripts/bench', `${name}.ts`)],
        outfile,
        bundle: true,
        packages: 'external',
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        logLevel: 'warning',
      }).then(() => outfile),
    )
  }
  return compiled.get(name)!
}

/** What scripts/bench/load.ts prints for one window. */
export interface Load {
  rps: number
  /** Replies received in the window */
  replies?: number
  p50: number
  p99: number
  non2xx: number
  errors: number
}

export interface LoadSpec {
  url: string
  method: 'GET' | 'POST'
  body?: string
  tokensFile?: string
  /**
   * One request body per line, each sent once, in order (one-use requests: 亮证 presentations). The file must hold
   * more lines than the window can send: once they run out, they are sent again and refused as replays.
   */
  bodiesFile?: string
  /** The status every reply must have (e.g. 304), instead of any 2xx */
  expect?: number
}

/**
 * Runs the load generator (scripts/bench/load.ts) in a process of its own — pinned with `taskset -c <cores>` where
 * cores are given, asynchronously, so servers under test may live in the caller's process — for a 2 s warm-up (JIT,
 * connections, caches), then the measured window; figures with any reply of another status are refused. `spec` may be
 * a function called before each of the two windows (for one-use bodies made afresh for each).
 */
export async function runLoad(
  spec: LoadSpec | ((window: 'warm-up' | 'measured') => LoadSpec),
  opts: { connections: number; seconds: number; cores?: string },
  measured: (work: () => Promise<Load>) => Promise<Load> = (work) => work(),
): Promise<Load> {
  const specFor = typeof spec === 'function' ? spec : () => spec
  const script = await compiledScript('load')
  let url = ''
  const run = async (seconds: number, window: 'warm-up' | 'measured') => {
    const s = specFor(window)
    url = s.url
    const command = [process.execPath, script, JSON.stringify({ ...s, connections: opts.connections, seconds })]
    const [cmd, ...args] = opts.cores ? ['taskset', '-c', opts.cores, ...command] : command
    const { stdout } = await promisify(execFile)(cmd!, args)
    return JSON.parse(stdout.trim().split('\n').pop()!) as Load
  }
  await run(2, 'warm-up')
  const result = await measured(() => run(opts.seconds, 'measured'))
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${result.non2xx} replies of another status and ${result.errors} errors under load at ${url}`)
  return result
}

/**
 * CPU time a process (all its threads) has used so far, in µs, from /proc/<pid>/stat (utime + stime, clock ticks of
 * 10 ms): read around a timed window, it gives the server's CPU per request, which other work on a shared machine does
 * not change the way it changes throughput (a server that waits for its share of the core, or for a load generator
 * that cannot keep up, uses no CPU meanwhile).
 */
export function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // After the command: state is field 3; utime and stime are fields 14 and 15 (1-based in proc(5)).
  return (Number(fields[11]) + Number(fields[12])) * 10_000
}

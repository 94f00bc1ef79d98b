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
import { createTestCaller } from '@ysx/departments/harness'
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

/** Starts every stand-in in its own process (so it does not share the benchmark's event loop) on base port + i. */
export async function startDepartments(
  basePort: number,
  size: number,
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
  const child: ChildProcess = spawn(path.join(ROOT, 'departments/node_modules/.bin/tsx'), ['src/main.ts'], {
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
    ...overrides,
    departments: { ...base.departments, ...overrides.departments, urls, signingKey: CALLER.privateJwk },
  })
  return { app, url: await app.listen({ host: '127.0.0.1', port: 0 }) }
}

async function postJson(url: string, body: unknown, token?: string): Promise<Record<string, string>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
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
  /** The status every reply must have (e.g. 304), instead of any 2xx */
  expect?: number
}

/**
 * Runs the load generator (scripts/bench/load.ts) in a process of its own — pinned with `taskset -c <cores>` where
 * cores are given, asynchronously, so servers under test may live in the caller's process — for a 2 s warm-up (JIT,
 * connections, caches), then the measured window; figures with any reply of another status are refused.
 */
export async function runLoad(
  spec: LoadSpec,
  opts: { connections: number; seconds: number; cores?: string },
  measured: (work: () => Promise<Load>) => Promise<Load> = (work) => work(),
): Promise<Load> {
  const script = await compiledScript('load')
  const run = async (seconds: number) => {
    const command = [process.execPath, script, JSON.stringify({ ...spec, connections: opts.connections, seconds })]
    const [cmd, ...args] = opts.cores ? ['taskset', '-c', opts.cores, ...command] : command
    const { stdout } = await promisify(execFile)(cmd!, args)
    return JSON.parse(stdout.trim().split('\n').pop()!) as Load
  }
  await run(2)
  const result = await measured(() => run(opts.seconds))
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${result.non2xx} replies of another status and ${result.errors} errors under load at ${spec.url}`)
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

// Benchmark: the authenticated 粤康码 display (POST /v1/health-codes/self/show: access-token verify, session check,
// the holder's status row, the reply with its stored credential), as throughput and p99, against a bare Fastify
// hello-world measured in the same run; then again with the BFF's database grown from 10,000 to 1,000,000 citizens.
// The server runs here; the load (autocannon) runs in its own process, with a token picked at random per request
// from citizens spread over the whole population. Targets: ≥ 0.40 × bare, p99 growth ≤ 1.2×, well above 2,315/s.
// Cores: this process (every server under test) on core 0 — the wrapper starts it under `taskset -c 0` and it pins
// itself again, all threads — and every load generator on core 1, so server and load never share a core and the
// figures are per server core. On a machine with more cores it stays 1:1 (one server core, one load core; the others
// idle), so figures stay comparable across machines. The tokens are signed and the request bodies built before any
// timed window. `--cpu-prof`: after the figures, one more window of the display at the larger population under V8's
// sampling profiler; the profile goes to reports/bench/ and its top 15 self-time frames are printed. `--costs`: instead,
// the cost table — the display with each part of the stack turned off in turn (see costs() below).
import { randomBytes } from 'node:crypto'
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { buildApp, STACK_PARTS, type StackPart } from '@ysx/bff/app'
import { testConfig } from '@ysx/bff/config'
import BetterSqlite3 from 'better-sqlite3'
import Fastify from 'fastify'
import { seedCitizens, statusFixture } from './citizens'
import { compiledScript, cpuMicros, type Load, type LoadSpec, ROOT, runLoad } from './lib'
import {
  busyOnly,
  formatFrames,
  profileWhile,
  samplesByPackage,
  saveProfile,
  sourceMapped,
  topSelfFrames,
} from './profile'
import type { ServeSpec } from './serve'
import type { Profiler } from 'node:inspector'

const SMALL = Number(process.env.BENCH_CITIZENS_SMALL ?? 10_000)
const LARGE = Number(process.env.BENCH_CITIZENS_LARGE ?? 1_000_000)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const CONNECTIONS = 32
const TOKENS = 2000
const GUANGDONG_AVERAGE_PER_SECOND = 2315 // 2 亿 displays a day at the peak ÷ 86,400 s
const SERVER_CORE = process.env.BENCH_SERVER_CORE ?? '0'
const LOAD_CORE = process.env.BENCH_LOAD_CORE ?? '1'
const CPU_PROF = process.argv.includes('--cpu-prof')

/** The load generator on its own core, for the servers in this process. */
const load = (spec: LoadSpec, measured?: (work: () => Promise<Load>) => Promise<Load>) =>
  runLoad(spec, { connections: CONNECTIONS, seconds: SECONDS, cores: LOAD_CORE }, measured)

async function main() {
  // cpus(), not availableParallelism(): the wrapper has already narrowed this process's affinity to one core.
  if (cpus().length < 2) throw new Error('the benchmark needs two cores: one for the servers, one for the load')
  // All of this process's threads (the event loop, libuv's pool, V8's helpers) on the server core.
  execFileSync('taskset', ['-a', '-c', '-p', SERVER_CORE, String(process.pid)], { stdio: 'ignore' })
  const bare = Fastify()
  bare.get('/', async () => ({ hello: 'world' }))
  const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 })

  const dir = mkdtempSync(path.join(tmpdir(), 'ysx-bench-hc-'))
  const dbFile = path.join(dir, 'bff.sqlite')
  const base = testConfig({ logLevel: 'silent', dbFile })
  const app = await buildApp({
    ...base,
    rateLimit: { max: 1_000_000_000, windowMs: 60_000 },
    maxEventLoopDelayMs: 60_000,
    auth: { ...base.auth, accessTtlSeconds: 3600 },
  })
  const url = await app.listen({ host: '127.0.0.1', port: 0 })

  // The device key every seeded status is bound to, and a real status credential's size and shape.
  const { device, thumbprint, credential, body } = statusFixture()

  const db = new BetterSqlite3(dbFile)
  db.pragma('journal_mode = WAL')
  const tokensFor = (population: number) => {
    const file = path.join(dir, `tokens-${population}.txt`)
    const picked = Array.from({ length: TOKENS }, () => {
      const i = Math.floor(Math.random() * population)
      return { i, token: app.signAccess({ sub: `u${i}`, sid: `s${i}`, jti: randomBytes(12).toString('base64url') }) }
    })
    writeFileSync(file, picked.map((p) => p.token).join('\n'))
    // The conditional display's loads: each token with the ETag its phone holds — its citizen's current credential id
    // (304), or one from before the status changed (200 with the status and credential).
    const etags = (name: string, etag: (i: number) => string) => {
      const etagFile = path.join(dir, `tokens-${population}-${name}.txt`)
      writeFileSync(etagFile, picked.map((p) => `${p.token}\t${etag(p.i)}`).join('\n'))
      return etagFile
    }
    return { file, unchanged: etags('unchanged', (i) => `"c${i}"`), changed: etags('changed', (i) => `"c${i}-before"`) }
  }
  const display = (tokensFile: string, measured?: (work: () => Promise<Load>) => Promise<Load>) =>
    load({ url: `${url}/v1/health-codes/self/show`, method: 'POST', body, tokensFile }, measured)
  /** The conditional display (GET …/code): 200 with a stale ETag, 304 with the current one. */
  const codeUrl = `${url}/v1/health-codes/self/code?x=${device.x}&y=${device.y}`
  const conditional = (tokens: ReturnType<typeof tokensFor>) => ({
    changed: () => load({ url: codeUrl, method: 'GET', tokensFile: tokens.changed, expect: 200 }),
    unchanged: () => load({ url: codeUrl, method: 'GET', tokensFile: tokens.unchanged, expect: 304 }),
  })

  try {
    // Interleaved rounds, medians: the machine's speed drifts between runs, so each ratio compares neighbours.
    const rounds = async <T>(n: number, once: () => Promise<T>) => {
      const out: T[] = []
      for (let i = 0; i < n; i += 1) out.push(await once())
      return out
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
    seedCitizens(db, 0, SMALL, credential, thumbprint)
    const smallTokens = tokensFor(SMALL)
    const first = await rounds(ROUNDS, async () => ({
      hello: await load({ url: bareUrl, method: 'GET' }),
      stack: await load({ url: `${url}/healthz`, method: 'GET' }),
      display: await display(smallTokens.file),
      changed: await conditional(smallTokens).changed(),
      unchanged: await conditional(smallTokens).unchanged(),
    }))
    seedCitizens(db, SMALL, LARGE, credential, thumbprint)
    const largeTokens = tokensFor(LARGE)
    const second = await rounds(ROUNDS, async () => ({
      hello: await load({ url: bareUrl, method: 'GET' }),
      stack: await load({ url: `${url}/healthz`, method: 'GET' }),
      display: await display(largeTokens.file),
      changed: await conditional(largeTokens).changed(),
      unchanged: await conditional(largeTokens).unchanged(),
    }))

    const summary = (rs: Load[]): Load => ({
      rps: median(rs.map((r) => r.rps)),
      p50: median(rs.map((r) => r.p50)),
      p99: median(rs.map((r) => r.p99)),
      non2xx: 0,
      errors: 0,
    })
    const hello = summary([...first, ...second].map((r) => r.hello))
    const stack = summary([...first, ...second].map((r) => r.stack))
    const small = summary(first.map((r) => r.display))
    const large = summary(second.map((r) => r.display))
    const ratioSmall = median(first.map((r) => r.display.rps / r.hello.rps))
    const ratioLarge = median(second.map((r) => r.display.rps / r.hello.rps))
    const ratioStack = median([...first, ...second].map((r) => r.stack.rps / r.hello.rps))

    const row = (label: string, r: Load, ratio?: number) =>
      `  ${label.padEnd(34)} ${Math.round(r.rps).toString().padStart(6)} req/s · p50 ${r.p50} ms · p99 ${r.p99} ms` +
      (ratio === undefined ? '' : ` · ${ratio.toFixed(2)} × bare`)
    console.log(
      `health-code benchmark (servers on core ${SERVER_CORE}, autocannon in its own process on core ${LOAD_CORE}: figures per server core; ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${SECONDS} s, medians; ${TOKENS} citizens' tokens at random)`,
    )
    console.log(row('bare Fastify hello-world', hello))
    console.log(row('BFF /healthz (plugins, no auth/DB)', stack, ratioStack))
    console.log(row(`display, ${SMALL.toLocaleString('en')} citizens`, small, ratioSmall))
    console.log(row(`display, ${LARGE.toLocaleString('en')} citizens`, large, ratioLarge))
    for (const [key, label] of [
      ['changed', 'display 200 (status changed)'],
      ['unchanged', 'display 304 (unchanged)'],
    ] as const)
      for (const [population, rs] of [
        [SMALL, first],
        [LARGE, second],
      ] as const)
        console.log(
          row(
            `${label}, ${population.toLocaleString('en')}`,
            summary(rs.map((r) => r[key])),
            median(rs.map((r) => r[key].rps / r.hello.rps)),
          ),
        )
    console.log(
      `  display ÷ bare, same round: ${ratioSmall.toFixed(2)} at ${SMALL.toLocaleString('en')}, ${ratioLarge.toFixed(2)} at ${LARGE.toLocaleString('en')} (target ≥ 0.40)`,
    )
    console.log(
      `  p99 growth ${SMALL.toLocaleString('en')} → ${LARGE.toLocaleString('en')}: ${(large.p99 / small.p99).toFixed(2)}× (target ≤ 1.2)`,
    )
    console.log(
      `  display throughput ${LARGE.toLocaleString('en')} ÷ ${SMALL.toLocaleString('en')}: ${(large.rps / small.rps).toFixed(2)}×`,
    )
    console.log(
      `  display throughput ÷ Guangdong's average ${GUANGDONG_AVERAGE_PER_SECOND}/s: ${(Math.min(small.rps, large.rps) / GUANGDONG_AVERAGE_PER_SECOND).toFixed(2)}×`,
    )

    if (CPU_PROF) {
      // The display at the larger population once more, its timed window (not the warm-up) under the profiler.
      let profiled: Awaited<ReturnType<typeof profileWhile<Load>>> | undefined
      const measured = await display(largeTokens.file, async (work) => {
        profiled = await profileWhile(work)
        return profiled.result
      })
      const file = saveProfile(profiled!.profile, path.join(ROOT, 'reports/bench'), 'health-code-display')
      console.log(
        `CPU profile of the display at ${LARGE.toLocaleString('en')} citizens (${SECONDS} s, ${Math.round(measured.rps)} req/s under the profiler): ${path.relative(ROOT, file)}`,
      )
      console.log('  top 15 frames by self time (% of samples, idle and GC included):')
      for (const line of formatFrames(topSelfFrames(profiled!.profile, 15, ROOT))) console.log(line)
    }
  } finally {
    db.close()
    await app.close()
    await bare.close()
  }
}

// ---- The cost table (`--costs`): what each part of the stack costs the display ----------------------------------
// Every server in a process of its own, started fresh for this run: bare Fastify, the compiled BFF (bff/dist, as
// deployed: `pnpm build` first) with every part on, and one compiled BFF per part with that part turned off
// (BuildOptions.without, bench only), each on its own copy of SMALL seeded citizens. All of them pinned to the server
// core (only the one under load runs), the load generator to the other; rounds interleaved (each round starts one
// build further on), medians of same-round figures. Each build is measured three ways: /healthz (the stack alone),
// the conditional display GET /v1/health-codes/self/code answering 304 (the phone's ETag current) and 200 (an ETag
// from before the status changed). The full stack logs at info level (as deployed) to /dev/null with a synchronous
// write per line, as pino writes to stdout. A part's cost is 1/rps(full) − 1/rps(without it), in µs of one server core
// per request. With `--cpu-prof`, afterwards one window of the full stack's 304 (then one of its 200) under V8's
// profiler in the server's process, source-mapped to the TypeScript, top self-time frames printed.

/** The parts the table turns off: all, or those BENCH_PARTS names (comma-separated; `none`: the full stack alone). */
const PARTS = STACK_PARTS.filter(
  (part) => process.env.BENCH_PARTS === undefined || process.env.BENCH_PARTS.split(',').includes(part),
)

/** A checkout of an earlier commit, built (its bff/dist), whose full stack the table measures beside this one's. */
const BASELINE = process.env.BENCH_BASELINE_ROOT

/** BENCH_INJECT=n: after the table, each build's 304 and 200 through app.inject, n requests a batch */
const INJECT = Number(process.env.BENCH_INJECT ?? 0)

/** How each part is turned off (the table prints it). */
const PART_OFF: Record<StackPart, string> = {
  securityHeaders: 'no security-header hook',
  cors: '@fastify/cors not registered',
  rateLimit: '@fastify/rate-limit not registered (its decorators no-ops)',
  underPressure: '@fastify/under-pressure not registered',
  requestId: "Fastify's counter ids, no x-request-id header",
  logging: 'log level silent (on: info, to /dev/null)',
  replySerialisation: 'reply JSON.stringify without the zod schema (the display GET has its own already)',
  validation: 'no contract check of params, query, headers, body (validator a pass-through)',
  jwt: 'token decoded, not verified (stub)',
  sessionRead: 'session check a no-op (the display GET reads its session in its status read)',
  statusRead: "the display's session+status read once per session and holder, then from memory (stub)",
  json: 'body parsed and reply stringified once, then reused (stub)',
}

/** A server under test: its own process, pinned to the server core, started by the compiled serve.ts. */
interface Server {
  url: string
  child: ChildProcess
  /** The next JSON line the process prints */
  next: () => Promise<Record<string, string>>
  stop: () => Promise<void>
}

async function startServer(serveJs: string, spec: ServeSpec, nodeArgs: string[] = []): Promise<Server> {
  const child = spawn(
    'taskset',
    ['-c', SERVER_CORE, process.execPath, '--conditions=ysx-compiled', ...nodeArgs, serveJs, JSON.stringify(spec)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  )
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]()
  const next = async () => {
    const { value, done } = await lines.next()
    if (done) throw new Error(`a server (${spec.without?.join(', ') || spec.kind}) ended before it answered`)
    return JSON.parse(value as string) as Record<string, string>
  }
  const { url } = await next()
  return {
    url: url!,
    child,
    next,
    stop: async () => {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await once(child, 'exit')
    },
  }
}

async function costs() {
  if (cpus().length < 2) throw new Error('the benchmark needs two cores: one for the servers, one for the load')
  // This process only starts servers and load generators: it keeps off the server core.
  execFileSync('taskset', ['-a', '-c', '-p', LOAD_CORE, String(process.pid)], { stdio: 'ignore' })
  const dir = mkdtempSync(path.join(tmpdir(), 'ysx-bench-costs-'))
  // serve.ts and what it imports of scripts/bench, compiled as the BFF is (packages stay outside: the compiled BFF by path).
  const serveJs = await compiledScript('serve')
  const { device, thumbprint, credential } = statusFixture()
  const tokenSecret = randomBytes(32).toString('base64url')
  const tokensFile = path.join(dir, 'tokens.txt')
  const servers: { part: StackPart | undefined; baseline?: boolean; server: Server }[] = []
  const bare = await startServer(serveJs, { root: ROOT, kind: 'bare' })
  try {
    for (const part of [undefined, ...PARTS]) {
      process.stderr.write(`\rstarting and seeding: ${part ?? 'full stack'}            `)
      const spec: ServeSpec = {
        root: ROOT,
        kind: 'bff',
        dbFile: path.join(dir, `bff-${part ?? 'full'}.sqlite`),
        tokenSecret,
        without: part ? [part] : [],
        logInfo: true,
        seed: { citizens: SMALL, credential, thumbprint },
        ...(part ? {} : { tokens: { file: tokensFile, count: TOKENS }, profileDir: path.join(ROOT, 'reports/bench') }),
      }
      servers.push({ part, server: await startServer(serveJs, spec) })
    }
    // An earlier build to compare with in the same rounds (its full stack): a checkout with its own bff/dist.
    if (BASELINE) {
      process.stderr.write(`\rstarting and seeding: the baseline            `)
      const spec: ServeSpec = {
        root: BASELINE,
        kind: 'bff',
        dbFile: path.join(dir, 'bff-baseline.sqlite'),
        tokenSecret,
        logInfo: true,
        seed: { citizens: SMALL, credential, thumbprint },
      }
      servers.push({ part: undefined, baseline: true, server: await startServer(serveJs, spec) })
    }
    // Each token with the ETag its phone holds: its citizen's current credential id (304) or an older one (200).
    const picked = readFileSync(tokensFile, 'utf8')
      .split('\n')
      .map((line) => line.split('\t') as [string, string])
    const etags = (name: string, etag: (i: string) => string) => {
      const file = path.join(dir, `tokens-${name}.txt`)
      writeFileSync(file, picked.map(([i, token]) => `${token}\t${etag(i)}`).join('\n'))
      return file
    }
    const unchanged = etags('unchanged', (i) => `"c${i}"`)
    const changed = etags('changed', (i) => `"c${i}-before"`)
    const codePath = `/v1/health-codes/self/code?x=${device.x}&y=${device.y}`
    const WAYS = ['healthz', 'notModified', 'changed'] as const
    type Way = (typeof WAYS)[number]
    /** One timed window of a way on a server: its throughput and the server process's CPU per reply (µs). */
    const measure = async (
      server: Server,
      way: Way | 'hello',
      measured: (work: () => Promise<Load>) => Promise<Load> = (work) => work(),
    ) => {
      const spec: LoadSpec =
        way === 'hello' || way === 'healthz'
          ? { url: `${server.url}${way === 'healthz' ? '/healthz' : '/'}`, method: 'GET' }
          : {
              url: `${server.url}${codePath}`,
              method: 'GET',
              tokensFile: way === 'changed' ? changed : unchanged,
              expect: way === 'changed' ? 200 : 304,
            }
      let cpu = 0
      const result = await load(spec, async (work) => {
        const before = cpuMicros(server.child.pid!)
        const r = await measured(work)
        cpu = cpuMicros(server.child.pid!) - before
        return r
      })
      return { rps: result.rps, us: cpu / Math.max(1, result.replies ?? 0) }
    }
    type Figure = Awaited<ReturnType<typeof measure>>

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
    const rounds: { hello: Figure; builds: Record<Way, Figure>[] }[] = []
    for (let r = 0; r < ROUNDS; r += 1) {
      const hello = await measure(bare, 'hello')
      const builds: Record<Way, Figure>[] = []
      for (let k = 0; k < servers.length; k += 1) {
        const i = (k + r) % servers.length
        process.stderr.write(`\rround ${r + 1}/${ROUNDS}: ${servers[i]!.part ?? 'full stack'}            `)
        const row = {} as Record<Way, Figure>
        for (const way of WAYS) row[way] = await measure(servers[i]!.server, way)
        builds[i] = row
      }
      rounds.push({ hello, builds })
    }
    process.stderr.write('\n')

    const n = (x: number) => Math.round(x).toString()
    const us = (i: number, way: Way) => median(rounds.map((r) => r.builds[i]![way].us))
    const rps = (i: number, way: Way) => median(rounds.map((r) => r.builds[i]![way].rps))
    const bareUs = median(rounds.map((r) => r.hello.us))
    /** The full stack's throughput ÷ build i's, each round's own, median */
    const toFull = (i: number, way: Way) =>
      median(rounds.map((r) => r.builds[0]![way].rps / r.builds[i]![way].rps)).toFixed(2)
    const saved = (i: number, way: Way) => median(rounds.map((r) => r.builds[0]![way].us - r.builds[i]![way].us))
    const lines = [
      `Cost of each part of the stack (compiled BFF, each build in its own fresh process; ${SMALL.toLocaleString('en')} citizens; servers on core ${SERVER_CORE}, autocannon on core ${LOAD_CORE}; ${CONNECTIONS} connections, ${ROUNDS} interleaved round(s) of ${SECONDS} s, medians). ` +
        "CPU is the server process's (all threads, /proc/<pid>/stat) over the timed window ÷ replies: on a shared machine the figure to compare; req/s is what autocannon got.",
      '',
      '| turned off | how | CPU µs/request: /healthz | 304 | 200 | saved by turning it off, µs: /healthz | 304 | 200 | req/s: 304 | 200 |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      `| (bare Fastify hello-world) | | ${n(bareUs)} | | | | | | ${n(median(rounds.map((r) => r.hello.rps)))} | |`,
      ...servers.map(({ part, baseline }, i) => {
        const figures = `${n(us(i, 'healthz'))} | ${n(us(i, 'notModified'))} | ${n(us(i, 'changed'))}`
        const throughput = `${n(rps(i, 'notModified'))} | ${n(rps(i, 'changed'))}`
        if (baseline)
          return `| (baseline: ${BASELINE}, full stack) | this build's req/s ÷ the baseline's, same round: /healthz ${toFull(i, 'healthz')}, 304 ${toFull(i, 'notModified')}, 200 ${toFull(i, 'changed')} | ${figures} | ${n(saved(i, 'healthz'))} | ${n(saved(i, 'notModified'))} | ${n(saved(i, 'changed'))} | ${throughput} |`
        if (!part) return `| nothing (full stack) | | ${figures} | | | | ${throughput} |`
        return `| ${part} | ${PART_OFF[part]} | ${figures} | ${n(saved(i, 'healthz'))} | ${n(saved(i, 'notModified'))} | ${n(saved(i, 'changed'))} | ${throughput} |`
      }),
      '',
      `Full stack, by CPU per request: /healthz ${n(us(0, 'healthz') - bareUs)} µs over bare; the 304 ${n(us(0, 'notModified') - us(0, 'healthz'))} µs over /healthz, ` +
        `the 200 ${n(us(0, 'changed') - us(0, 'healthz'))} µs; bare ÷ 304 ${(bareUs / us(0, 'notModified')).toFixed(2)} (target ≥ 0.40), bare ÷ 200 ${(bareUs / us(0, 'changed')).toFixed(2)} (target ≥ 0.25): ` +
        'what the throughput ratios become once the server, not the machine or the load generator, is the limit.',
    ]
    for (const line of lines) console.log(line)

    // The same builds through app.inject in their own processes, one batch each in turn (no socket, no load generator:
    // what other work on the machine changes least), CPU per request: the stack and the route without the network.
    if (INJECT > 0) {
      const batches: Record<'notModified' | 'changed', number>[][] = []
      for (let r = 0; r < ROUNDS; r += 1) {
        const row: Record<'notModified' | 'changed', number>[] = []
        for (const [i, { server }] of servers.entries()) {
          const figure = {} as Record<'notModified' | 'changed', number>
          for (const way of ['notModified', 'changed'] as const) {
            const file = way === 'changed' ? changed : unchanged
            server.child.stdin!.write(
              `${JSON.stringify({ inject: file, path: codePath, count: INJECT, expect: way === 'changed' ? 200 : 304 })}\n`,
            )
            figure[way] = Number((await server.next()).us)
          }
          row[i] = figure
        }
        batches.push(row)
      }
      const injected = (i: number, way: 'notModified' | 'changed') => median(batches.map((b) => b[i]![way]))
      console.log('')
      console.log(
        `Through app.inject (${INJECT} requests a batch, ${ROUNDS} interleaved rounds, medians), CPU µs per request:`,
      )
      for (const [i, { part, baseline }] of servers.entries()) {
        const label = baseline ? `baseline (${BASELINE})` : (part ?? 'full stack')
        const ratio =
          i === 0
            ? ''
            : ` · full stack ÷ this, same round: 304 ${median(batches.map((b) => b[0]!.notModified / b[i]!.notModified)).toFixed(2)}, 200 ${median(batches.map((b) => b[0]!.changed / b[i]!.changed)).toFixed(2)}`
        console.log(
          `  ${label.padEnd(34)} 304 ${injected(i, 'notModified').toFixed(1)} · 200 ${injected(i, 'changed').toFixed(1)}${ratio}`,
        )
      }
    }

    if (CPU_PROF) {
      const full = servers[0]!.server
      for (const [way, label] of [
        ['notModified', '304'],
        ['changed', '200'],
      ] as const) {
        let saved = ''
        // The timed window only (not the load's warm-up): the server's process starts its profiler on SIGUSR2 and
        // stops it, writing the profile, on the next.
        const measured = await measure(full, way, async (work) => {
          full.child.kill('SIGUSR2')
          await full.next()
          const result = await work()
          full.child.kill('SIGUSR2')
          saved = (await full.next()).profile!
          return result
        })
        const profile = busyOnly(sourceMapped(JSON.parse(readFileSync(saved, 'utf8')) as Profiler.Profile))
        console.log(
          `CPU profile of the full stack's display answering ${label} (${SECONDS} s, ${Math.round(measured.rps)} req/s under the profiler): ${path.relative(ROOT, saved)}`,
        )
        console.log(
          '  top 20 frames by self time (% of the busy samples, idle left out, GC included; compiled BFF, source-mapped):',
        )
        for (const line of formatFrames(topSelfFrames(profile, 20, ROOT))) console.log(line)
        console.log('  busy samples by package (the first package or repository file on the stack, from the top):')
        for (const { owner, percent } of samplesByPackage(profile, ROOT))
          console.log(`  ${percent.toFixed(1).padStart(5)} %  ${owner}`)
      }
    }
  } finally {
    for (const { server } of servers) await server.stop()
    await bare.stop()
  }
}

if (process.argv.includes('--costs')) void costs()
else void main()

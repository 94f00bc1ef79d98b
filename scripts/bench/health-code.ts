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
import { execFileSync } from 'node:child_process'
import { mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import path from 'node:path'
import { buildApp, STACK_PARTS, type StackPart } from '@ysx/bff/app'
import { testConfig } from '@ysx/bff/config'
import BetterSqlite3 from 'better-sqlite3'
import Fastify from 'fastify'
import { seedCitizens, statusFixture } from './citizens'
import { type Load, type LoadSpec, ROOT, runLoad } from './lib'
import { formatFrames, profileWhile, saveProfile, topSelfFrames } from './profile'

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
// One BFF per part, built with that part turned off (BuildOptions.without, bench only), beside one with every part on,
// all on the same database of SMALL citizens; each round measures bare Fastify, the full stack and every build in turn,
// on the same cores as above, after a warm-up pass over every build. The full stack logs at info level (as deployed) to /dev/null with a synchronous write per
// line, as pino writes to stdout; every other part is as deployed. A part's cost is 1/rps(full) − 1/rps(without it),
// in µs of one server core per display.

/** How each part is turned off (the table prints it). */
const PART_OFF: Record<StackPart, string> = {
  securityHeaders: 'no security-header hook',
  cors: '@fastify/cors not registered',
  rateLimit: '@fastify/rate-limit not registered (its decorators no-ops)',
  underPressure: '@fastify/under-pressure not registered',
  requestId: "Fastify's counter ids, no x-request-id header",
  logging: 'log level silent (on: info, to /dev/null)',
  replySerialisation: 'reply JSON.stringify without the zod schema',
  jwt: 'token decoded, not verified (stub)',
  sessionRead: 'session check a no-op',
  statusRead: 'status row read once per holder, then from memory (stub)',
  json: 'body parsed and reply stringified once, then reused (stub)',
}

async function costs() {
  if (cpus().length < 2) throw new Error('the benchmark needs two cores: one for the servers, one for the load')
  execFileSync('taskset', ['-a', '-c', '-p', SERVER_CORE, String(process.pid)], { stdio: 'ignore' })
  const bare = Fastify()
  bare.get('/', async () => ({ hello: 'world' }))
  const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 })

  const dir = mkdtempSync(path.join(tmpdir(), 'ysx-bench-costs-'))
  const dbFile = path.join(dir, 'bff.sqlite')
  const base = testConfig({ logLevel: 'info', dbFile })
  const config = {
    ...base,
    rateLimit: { max: 1_000_000_000, windowMs: 60_000 },
    maxEventLoopDelayMs: 60_000,
    auth: { ...base.auth, accessTtlSeconds: 3600 },
  }
  const devNull = openSync('/dev/null', 'w')
  const logStream = { write: (line: string) => void writeSync(devNull, line) }
  const builds: { part: StackPart | undefined; app: Awaited<ReturnType<typeof buildApp>>; url: string }[] = []
  for (const part of [undefined, ...STACK_PARTS]) {
    const app = await buildApp(config, { logStream, ...(part ? { without: new Set([part]) } : {}) })
    builds.push({ part, app, url: await app.listen({ host: '127.0.0.1', port: 0 }) })
  }
  const { thumbprint, credential, body } = statusFixture()
  const db = new BetterSqlite3(dbFile)
  db.pragma('journal_mode = WAL')
  try {
    seedCitizens(db, 0, SMALL, credential, thumbprint)
    const tokensFile = path.join(dir, 'tokens.txt')
    const full = builds[0]!.app
    const lines = Array.from({ length: TOKENS }, () => {
      const i = Math.floor(Math.random() * SMALL)
      return full.signAccess({ sub: `u${i}`, sid: `s${i}`, jti: randomBytes(12).toString('base64url') })
    })
    writeFileSync(tokensFile, lines.join('\n'))

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
    const display = (b: (typeof builds)[number]) =>
      load({ url: `${b.url}/v1/health-codes/self/show`, method: 'POST', body, tokensFile })
    // The builds share this process's code: one pass over all of them first, so that the first measured is not the
    // one that warmed V8 (and the database's pages) up for the rest. Each round then starts one build further on.
    for (const b of builds) {
      process.stderr.write(`\rwarming up: ${b.part ?? 'full stack'}            `)
      await display(b)
    }
    const rounds: { hello: number; rps: number[] }[] = []
    for (let r = 0; r < ROUNDS; r += 1) {
      const hello = (await load({ url: bareUrl, method: 'GET' })).rps
      const rps: number[] = []
      for (let k = 0; k < builds.length; k += 1) {
        const i = (k + r) % builds.length
        process.stderr.write(`\rround ${r + 1}/${ROUNDS}: ${builds[i]!.part ?? 'full stack'}            `)
        rps[i] = (await display(builds[i]!)).rps
      }
      rounds.push({ hello, rps })
    }
    process.stderr.write('\n')

    const fullRps = median(rounds.map((r) => r.rps[0]!))
    const cell = (n: number, digits = 2) => n.toFixed(digits)
    console.log(
      `Cost of each part of the stack to the display (POST /v1/health-codes/self/show, ${SMALL.toLocaleString('en')} citizens; server on core ${SERVER_CORE}, autocannon on core ${LOAD_CORE}; ${CONNECTIONS} connections, ${ROUNDS} interleaved round(s) of ${SECONDS} s, medians of same-round ratios)`,
    )
    console.log('')
    console.log('| turned off | how | req/s | × full stack | × bare Fastify | cost, µs per display |')
    console.log('| --- | --- | ---: | ---: | ---: | ---: |')
    console.log(`| (bare Fastify hello-world) | | ${Math.round(median(rounds.map((r) => r.hello)))} | | 1.00 | |`)
    console.log(
      `| nothing (full stack) | | ${Math.round(fullRps)} | 1.00 | ${cell(median(rounds.map((r) => r.rps[0]! / r.hello)))} | |`,
    )
    builds.forEach((b, i) => {
      if (!b.part) return
      const rps = median(rounds.map((r) => r.rps[i]!))
      const toFull = median(rounds.map((r) => r.rps[i]! / r.rps[0]!))
      const toBare = median(rounds.map((r) => r.rps[i]! / r.hello))
      const us = median(rounds.map((r) => 1e6 / r.rps[0]! - 1e6 / r.rps[i]!))
      console.log(
        `| ${b.part} | ${PART_OFF[b.part]} | ${Math.round(rps)} | ${cell(toFull)} | ${cell(toBare)} | ${cell(us, 0)} |`,
      )
    })
  } finally {
    db.close()
    for (const b of builds) await b.app.close()
    await bare.close()
  }
}

if (process.argv.includes('--costs')) void costs()
else void main()

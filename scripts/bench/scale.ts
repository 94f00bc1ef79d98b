// Scale benchmark (issue #14): the compiled BFF cluster (bff/dist/cluster.js, node:cluster) with 1 and then 2 replicas
// over one PostgreSQL database and Redis, then 1 replica over the SQLite file (with the same Redis), each database
// holding BENCH_CITIZENS (1,000,000) citizens seeded straight into it (citizens.ts: users, sessions, 粤康码 statuses
// with their credentials, one 亮证 credential each). For each, three loads, autocannon in a process of its own:
//   - 粤康码 display 304: GET /v1/health-codes/self/code with the ETag the phone holds (the status unchanged: the
//     refresh every 30 s of a code on screen), a token picked at random per request from BENCH_TOKENS citizens;
//   - 粤康码 display 200: the same GET with an ETag from before the status changed (status and credential sent);
//   - 亮证 online 核验: POST /v1/verify, each request a presentation of its own (one use each), made and signed by
//     the devices of BENCH_DRIVERS real-name citizens (logged in, face-verified and issued a credential through the
//     real flows at the stand-ins) before each window; each verification asks 交管's stand-in for the licence's
//     current status, as a verifier's scan does.
// Prints, as a block to paste into README / docs/capacity.md: per configuration and load, requests/s in total and per
// replica, p50/p99, the CPU each side used during the window (the BFF's processes, the PostgreSQL backends serving
// this database, the Redis server: /proc/<pid>/stat deltas) and requests/s per BFF core; the scaling ratio (2 ÷ 1
// replicas); PostgreSQL ÷ SQLite (1 replica each, same load).
// Cores: with at least replicas + 1 cores, replica k runs on core k-1 (the primary, which only hands out connections,
// beside replica 1), the load generator on core <replicas> and the department stand-ins on the next core if there is
// one, else beside the load. With fewer (this 2-core machine at 2 replicas), the whole cluster shares core 0 and the
// load core 1, and the block says so. PostgreSQL and Redis are the machine's services, not pinned.
// `--capacity` (./scripts/bench/capacity): instead, storage per citizen (capacity() below).
// Knobs: BENCH_SECONDS (10), BENCH_CONNECTIONS (32), BENCH_CITIZENS, BENCH_TOKENS (2000), BENCH_DRIVERS (4),
// BENCH_VERIFY_PER_SECOND (presentations made per second of window, 4000), BENCH_PORT (4300; stand-ins from +10).
import { execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { buildApp } from '@ysx/bff/app'
import { testConfig } from '@ysx/bff/config'
import { BFF_SIGNING_KEY_VAR, DEPARTMENT_CODES, departmentUrlVar } from '@ysx/shared'
import BetterSqlite3 from 'better-sqlite3'
import { createTestDatabase } from '../../bff/test/support/databases'
import { newDevice, present } from '../../tests/support/device'
import { psql, seedCitizens, seedCitizensPg, statusFixture } from './citizens'
import {
  CALLER,
  drivers,
  type Load,
  type LoadSpec,
  realNameUser,
  ROOT,
  runLoad,
  startDepartments,
  WECHAT_APP,
} from './lib'
import { person } from '@ysx/departments/harness'

const PORT = Number(process.env.BENCH_PORT ?? 4300)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32)
const CITIZENS = Number(process.env.BENCH_CITIZENS ?? 1_000_000)
const TOKENS = Number(process.env.BENCH_TOKENS ?? 2000)
const DRIVERS = Number(process.env.BENCH_DRIVERS ?? 4)
const VERIFY_PER_SECOND = Number(process.env.BENCH_VERIFY_PER_SECOND ?? 4000)
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const CORES = availableParallelism()
/** The stand-ins’ population seed (DEPT_SEED’s default) */
const SEED = 20_261_123
/** The access-token key the cluster is given, so that the benchmark can sign its citizens' tokens beforehand */
const TOKEN_SECRET = randomBytes(32).toString('base64url')

/** Where each process runs for `replicas` replicas on this machine's cores. */
function placement(replicas: number) {
  const own = CORES >= replicas + 1
  const load = own ? replicas : 1
  return {
    own,
    replica: (k: number) => (own ? k : 0),
    load: String(load),
    departments: String(own && CORES >= replicas + 2 ? replicas + 1 : load),
    describe: own
      ? `replica k on core k-1 (0..${replicas - 1}, the primary beside replica 1), load generator on core ${load}, stand-ins on core ${own && CORES >= replicas + 2 ? replicas + 1 : load}`
      : `only ${CORES} cores: the whole cluster (primary and ${replicas} replicas) shares core 0, the load generator and stand-ins core 1 — per-replica figures are shares of one core`,
  }
}

/** utime + stime of a process (all its threads), in clock ticks; 0 if it has gone. */
function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(fields[11]) + Number(fields[12])
  } catch {
    return 0
  }
}
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim())
const childrenOf = (pid: number) =>
  execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
    .split('\n')
    .map((s) => Number(s.trim()))
    .filter((n) => n > 0)

interface Cluster {
  pids: () => number[]
  stop: () => Promise<void>
}

async function startCluster(replicas: number, env: Record<string, string>): Promise<Cluster> {
  const where = placement(replicas)
  const child = spawn('taskset', ['-c', '0', process.execPath, '--conditions=ysx-compiled', 'dist/cluster.js'], {
    cwd: path.join(ROOT, 'bff'),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'development',
      BFF_REPLICAS: String(replicas),
      BFF_PORT: String(PORT),
      BFF_LOG_LEVEL: 'warn',
      REDIS_URL,
      BFF_REDIS_PREFIX: `ysx:bench-scale:${process.pid}:`,
      BFF_TOKEN_SECRET: TOKEN_SECRET,
      BFF_RETENTION_INTERVAL_MS: '0',
      BFF_RATE_LIMIT_MAX: '1000000000',
      BFF_RATE_LIMIT_USER_MAX: '1000000000',
      BFF_VERIFY_RATE_LIMIT_MAX: '1000000000',
      BFF_VERIFIER_RATE_LIMIT_MAX: '1000000000',
      BFF_LOGIN_RATE_LIMIT_MAX: '1000000000',
      BFF_MAX_EVENT_LOOP_DELAY_MS: '600000',
      BFF_UPSTREAM_TIMEOUT_MS: '30000',
      BFF_FACE_STANDIN: 'on',
      BFF_WECHAT_APPID: WECHAT_APP.appId,
      BFF_WECHAT_SECRET: WECHAT_APP.secret,
      [BFF_SIGNING_KEY_VAR]: JSON.stringify(CALLER.privateJwk),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const exited = once(child, 'exit')
  for (;;) {
    const ready = await fetch(`http://127.0.0.1:${PORT}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    )
    if (ready && childrenOf(child.pid!).length >= replicas) break
    if (child.exitCode !== null) throw new Error(`the cluster exited (${child.exitCode})`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  // taskset exec'd node: child.pid is the primary. Each replica (with all its threads) on its own core.
  const workers = childrenOf(child.pid!)
  workers.forEach((pid, k) =>
    execFileSync('taskset', ['-a', '-c', '-p', String(where.replica(k)), String(pid)], { stdio: 'ignore' }),
  )
  return {
    pids: () => [child.pid!, ...childrenOf(child.pid!)],
    async stop() {
      const pids = [child.pid!, ...childrenOf(child.pid!)]
      child.kill('SIGTERM')
      // Drained within 10 s, or killed (with its replicas) so that no run leaves a cluster on the port.
      const timer = setTimeout(() => pids.forEach((pid) => process.kill(pid, 'SIGKILL')), 10_000)
      await exited
      clearTimeout(timer)
    },
  }
}

interface Measured extends Load {
  /** CPU used during the window, in cores (CPU seconds ÷ window seconds) */
  bff: number
  pg: number
  redis: number
}

const redisPid = () =>
  Number(
    /process_id:(\d+)/.exec(execFileSync('redis-cli', ['-u', REDIS_URL, 'info', 'server'], { encoding: 'utf8' }))![1],
  )

/** Runs one load with the CPU of the BFF, PostgreSQL's backends for `database` and Redis sampled around the window. */
async function measure(
  cluster: Cluster,
  pgDatabase: { url: string; name: string } | undefined,
  spec: LoadSpec | ((window: 'warm-up' | 'measured') => LoadSpec),
  loadCore: string,
): Promise<Measured> {
  let cpu = { bff: 0, pg: 0, redis: 0 }
  const load = await runLoad(spec, { connections: CONNECTIONS, seconds: SECONDS, cores: loadCore }, async (work) => {
    // The database's backends before and after the window: a backend that left during it is not counted (its
    // ticks went with it), one that came during it counts in full.
    const backends = () =>
      pgDatabase
        ? psql(pgDatabase.url, `SELECT pid FROM pg_stat_activity WHERE datname = '${pgDatabase.name}'`)
            .split('\n')
            .map(Number)
            .filter((n) => n > 0)
        : []
    const ticks = (pids: number[]) => new Map(pids.map((p) => [p, cpuTicks(p)]))
    const delta = (before: Map<number, number>, after: Map<number, number>) =>
      [...after].reduce((a, [pid, t]) => (t > 0 && (before.get(pid) ?? 0) <= t ? a + t - (before.get(pid) ?? 0) : a), 0)
    const redis = redisPid()
    const bffPids = cluster.pids()
    const before = { bff: ticks(bffPids), pg: ticks(backends()), redis: cpuTicks(redis), at: process.hrtime.bigint() }
    const result = await work()
    const after = { bff: ticks(bffPids), pg: ticks(backends()), redis: cpuTicks(redis) }
    const seconds = Number(process.hrtime.bigint() - before.at) / 1e9
    const cores = (t: number) => t / TICKS_PER_SECOND / seconds
    cpu = {
      bff: cores(delta(before.bff, after.bff)),
      pg: cores(delta(before.pg, after.pg)),
      redis: cores(after.redis - before.redis),
    }
    return result
  })
  return { ...load, ...cpu }
}

type Endpoint =
  | '粤康码 display 304 (GET …/code, unchanged)'
  | '粤康码 display 200 (GET …/code, changed)'
  | '亮证 核验 (POST /v1/verify)'
const ENDPOINTS: Endpoint[] = [
  '粤康码 display 304 (GET …/code, unchanged)',
  '粤康码 display 200 (GET …/code, changed)',
  '亮证 核验 (POST /v1/verify)',
]

interface Row {
  database: 'PostgreSQL' | 'SQLite'
  replicas: number
  endpoint: Endpoint
  m: Measured
}

async function main() {
  const started = process.hrtime.bigint()
  const loadAtStart = loadavg()[0]!
  execFileSync('pnpm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' })
  const dir = mkdtempSync(path.join(tmpdir(), 'ysx-bench-scale-'))
  const base = testConfig({ logLevel: 'silent', dbFile: path.join(dir, 'signer.sqlite'), tokenSecret: TOKEN_SECRET })
  // Only to sign the seeded citizens' access tokens with the cluster's key (never served).
  const signer = await buildApp({ ...base, auth: { ...base.auth, accessTtlSeconds: 3600 } })
  const { device, thumbprint, credential } = statusFixture()
  const codeUrl = `http://127.0.0.1:${PORT}/v1/health-codes/self/code?x=${device.x}&y=${device.y}`
  const standIns = await startDepartments(PORT + 10, 1000, placement(2).departments)
  const deptEnv = Object.fromEntries(DEPARTMENT_CODES.map((d) => [departmentUrlVar(d), standIns.urls[d]]))
  const rows: Row[] = []
  const seedSeconds: Record<string, number> = {}

  /** BENCH_TOKENS citizens at random: their tokens with the ETag their phone holds, current (304) or stale (200). */
  const tokenFiles = () => {
    const picked = Array.from({ length: TOKENS }, () => {
      const i = Math.floor(Math.random() * CITIZENS)
      return { i, token: signer.signAccess({ sub: `u${i}`, sid: `s${i}`, jti: randomBytes(12).toString('base64url') }) }
    })
    const file = (name: string, etag: (i: number) => string) => {
      const f = path.join(dir, `tokens-${name}.txt`)
      writeFileSync(f, picked.map((p) => `${p.token}\t${etag(p.i)}`).join('\n'))
      return f
    }
    return { unchanged: file('unchanged', (i) => `"c${i}"`), changed: file('changed', (i) => `"c${i}-before"`) }
  }

  async function run(
    database: Row['database'],
    replicaCounts: number[],
    env: Record<string, string>,
    seed: () => void,
    pgDatabase?: { url: string; name: string },
  ) {
    let credentials: { credential: string; device: ReturnType<typeof newDevice> }[] = []
    for (const [n, replicas] of replicaCounts.entries()) {
      const where = placement(replicas)
      const cluster = await startCluster(replicas, { ...deptEnv, ...env })
      try {
        if (n === 0) {
          // The cluster has migrated the database: the verifying citizens through the real flows, then the population.
          const bff = `http://127.0.0.1:${PORT}`
          const found = await drivers(
            { bff, wechat: standIns.urls.wechat, jiaoguan: standIns.urls.jiaoguan },
            SEED,
            DRIVERS,
          )
          credentials = await Promise.all(
            found.map(async ({ token, cardId }) => {
              const phone = newDevice()
              const res = await fetch(`${bff}/v1/wallet/${cardId}/credentials`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
                body: JSON.stringify({ profile: 'traffic_police', deviceKey: phone.jwk }),
              })
              if (res.status !== 201) throw new Error(`credential issue: ${res.status} ${await res.text()}`)
              return { credential: ((await res.json()) as { credential: string }).credential, device: phone }
            }),
          )
          const t = process.hrtime.bigint()
          seed()
          seedSeconds[database] = Number(process.hrtime.bigint() - t) / 1e9
        }
        const tokens = tokenFiles()
        /** Presentations for one window, signed just before it (a presentation is fresh for 60 s). */
        const presentations = (window: string): LoadSpec => {
          const count = VERIFY_PER_SECOND * (window === 'measured' ? SECONDS : 2)
          const file = path.join(dir, `presentations-${window}.txt`)
          const lines = Array.from({ length: count }, (_, i) => {
            const c = credentials[i % credentials.length]!
            return JSON.stringify({ presentation: present(c.device, c.credential) })
          })
          writeFileSync(file, lines.join('\n'))
          return { url: `http://127.0.0.1:${PORT}/v1/verify`, method: 'POST', bodiesFile: file, expect: 200 }
        }
        const specs: Record<Endpoint, LoadSpec | ((window: 'warm-up' | 'measured') => LoadSpec)> = {
          '粤康码 display 304 (GET …/code, unchanged)': {
            url: codeUrl,
            method: 'GET',
            tokensFile: tokens.unchanged,
            expect: 304,
          },
          '粤康码 display 200 (GET …/code, changed)': {
            url: codeUrl,
            method: 'GET',
            tokensFile: tokens.changed,
            expect: 200,
          },
          '亮证 核验 (POST /v1/verify)': presentations,
        }
        for (const endpoint of ENDPOINTS) {
          process.stderr.write(`${database}, ${replicas} replica(s): ${endpoint}\n`)
          rows.push({
            database,
            replicas,
            endpoint,
            m: await measure(cluster, pgDatabase, specs[endpoint], where.load),
          })
        }
      } finally {
        await cluster.stop()
      }
    }
  }

  try {
    const pg = await createTestDatabase()
    try {
      await run(
        'PostgreSQL',
        [1, 2],
        { DATABASE_URL: pg.url },
        () => seedCitizensPg(pg.url, 0, CITIZENS, credential, thumbprint),
        pg,
      )
    } finally {
      await pg.drop()
    }
    const dbFile = path.join(dir, 'bff.sqlite')
    await run('SQLite', [1], { BFF_DB_FILE: dbFile }, () => {
      const db = new BetterSqlite3(dbFile)
      db.pragma('journal_mode = WAL')
      seedCitizens(db, 0, CITIZENS, credential, thumbprint)
      db.close()
    })
  } finally {
    standIns.stop()
    await signer.close()
  }

  const minutes = Number(process.hrtime.bigint() - started) / 60e9
  const n = (x: number) => Math.round(x).toLocaleString('en')
  const c = (x: number) => x.toFixed(2)
  console.log('')
  console.log(
    `Scale benchmark (\`./scripts/bench/scale\`): ${n(CITIZENS)} citizens; compiled BFF (node:cluster) over PostgreSQL + Redis, and 1 replica over SQLite (+ the same Redis); ${CONNECTIONS} connections, ${SECONDS} s windows after a 2 s warm-up; ${TOKENS} citizens' tokens at random (displays), ${DRIVERS} citizens' devices (核验, one presentation per request)`,
  )
  console.log(
    `Machine: ${CORES} cores, load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end; full run ${minutes.toFixed(1)} min (seeding: ${Object.entries(
      seedSeconds,
    )
      .map(([d, s]) => `${d} ${s.toFixed(0)} s`)
      .join(', ')})`,
  )
  for (const replicas of [1, 2]) console.log(`Cores at ${replicas} replica(s): ${placement(replicas).describe}`)
  console.log(
    "CPU columns: cores used during the window (/proc/<pid>/stat): the BFF's processes, the PostgreSQL backends of this database, the Redis server (shared with the machine)",
  )
  console.log('')
  console.log(
    '| database | replicas | load | req/s | per replica | p50 ms | p99 ms | BFF cores | PG cores | Redis cores | req/s per BFF core |',
  )
  console.log('| --- | --: | --- | --: | --: | --: | --: | --: | --: | --: | --: |')
  for (const r of rows)
    console.log(
      `| ${r.database} | ${r.replicas} | ${r.endpoint} | ${n(r.m.rps)} | ${n(r.m.rps / r.replicas)} | ${r.m.p50} | ${r.m.p99} | ${c(r.m.bff)} | ${r.database === 'PostgreSQL' ? c(r.m.pg) : '–'} | ${c(r.m.redis)} | ${n(r.m.rps / r.m.bff)} |`,
    )
  console.log('')
  const find = (database: Row['database'], replicas: number, endpoint: Endpoint) =>
    rows.find((r) => r.database === database && r.replicas === replicas && r.endpoint === endpoint)!.m
  for (const endpoint of ENDPOINTS) {
    const one = find('PostgreSQL', 1, endpoint)
    const two = find('PostgreSQL', 2, endpoint)
    const sqlite = find('SQLite', 1, endpoint)
    console.log(
      `${endpoint}: scaling 2 ÷ 1 replicas ${c(two.rps / one.rps)} (req/s per BFF core ${c(two.rps / two.bff / (one.rps / one.bff))}); PostgreSQL ÷ SQLite, 1 replica: ${c(one.rps / sqlite.rps)} (per BFF core ${c(one.rps / one.bff / (sqlite.rps / sqlite.bff))})`,
    )
  }
}

// ---- `--capacity`: storage per citizen --------------------------------------------------------------------------
// One compiled replica over a fresh PostgreSQL database and Redis; BENCH_CAPACITY_CITIZENS (1000) citizens of the
// stand-ins' population, BENCH_CAPACITY_CONCURRENCY (8) at a time, each through the real flows a citizen's first days
// make: WeChat login, real-name face verification (users, sessions, refresh tokens, face challenges, audit),
// 粤康码 shown on the phone (status and credential, 卫健 asked), a health declaration, the 首页 dashboard (every
// department asked: the data-use record), the 卡包 list, and for a licence holder a 亮证 credential verified twice
// online. Then, per table: rows, heap, indexes (pg_indexes_size) and in all (pg_total_relation_size, with TOAST, free
// space and visibility maps), per citizen, after VACUUM FULL (and the total as the flows left it); and the Redis keys under this run's prefix (MEMORY USAGE) by kind. Tables
// hold whole 8 KiB pages: at 1000 citizens a page is 8 bytes per citizen. 1.84 亿 citizens: linear extrapolation.
const CAPACITY_CITIZENS = Number(process.env.BENCH_CAPACITY_CITIZENS ?? 1000)
const CAPACITY_CONCURRENCY = Number(process.env.BENCH_CAPACITY_CONCURRENCY ?? 8)
const GUANGDONG = 184_000_000

async function capacity() {
  const started = process.hrtime.bigint()
  const loadAtStart = loadavg()[0]!
  execFileSync('pnpm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' })
  // The stand-ins from port +50 (+69 is epmd's 4369 when BENCH_PORT is 4300: ten departments stop before it).
  const standIns = await startDepartments(PORT + 50, CAPACITY_CITIZENS, placement(1).departments)
  const deptEnv = Object.fromEntries(DEPARTMENT_CODES.map((d) => [departmentUrlVar(d), standIns.urls[d]]))
  const pg = await createTestDatabase()
  const prefix = `ysx:bench-capacity:${process.pid}:`
  const cluster = await startCluster(1, { ...deptEnv, DATABASE_URL: pg.url, BFF_REDIS_PREFIX: prefix })
  const bff = `http://127.0.0.1:${PORT}`
  const call = async (method: string, url: string, token: string, body?: unknown) => {
    const res = await fetch(`${bff}${url}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await res.text()
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> }
  }
  let citizens = 0
  let licences = 0
  try {
    let next = 0
    await Promise.all(
      Array.from({ length: CAPACITY_CONCURRENCY }, async () => {
        while (next < CAPACITY_CITIZENS) {
          const i = (next += 1) - 1
          const who = person(SEED, i)
          const token = await realNameUser(bff, standIns.urls.wechat, `capacity-${i}`, who)
          // A citizen whose (stand-in) face check failed is not real-name: not counted.
          if ((await call('GET', '/v1/me', token)).body.level !== 'real_name') continue
          citizens += 1
          const phone = newDevice()
          // Declared first: a declaration re-evaluates the status, and a changed status is shown with a new credential.
          await call('POST', '/v1/health-codes/self/declarations', token, {
            kind: 'health',
            temperature: 36.5,
            symptoms: [],
            closeContact: false,
          })
          const shown = await call('POST', '/v1/health-codes/self/show', token, { deviceKey: phone.jwk })
          if (shown.status !== 200) throw new Error(`show: ${shown.status} ${JSON.stringify(shown.body)}`)
          await call('GET', `/v1/health-codes/self/code?x=${phone.jwk.x}&y=${phone.jwk.y}`, token)
          await call('GET', '/v1/dashboard', token)
          const wallet = (await call('GET', '/v1/wallet', token)).body as { cards?: { id: string; type: string }[] }
          const licence = wallet.cards?.find((c) => c.type === 'driving_licence')
          if (!licence) continue
          const issued = await call('POST', `/v1/wallet/${licence.id}/credentials`, token, {
            profile: 'traffic_police',
            deviceKey: phone.jwk,
          })
          if (issued.status !== 201) continue // a licence that is not valid
          licences += 1
          for (let k = 0; k < 2; k += 1)
            await fetch(`${bff}/v1/verify`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ presentation: present(phone, issued.body.credential as string) }),
            })
        }
      }),
    )
    process.stderr.write(`capacity: ${citizens} real-name citizens, ${licences} with a 亮证 credential\n`)
    const sizes = () =>
      psql(
        pg.url,
        `SELECT c.relname, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', c.relname), false, true, '')))[1]::text,
        pg_relation_size(c.oid), pg_indexes_size(c.oid), pg_total_relation_size(c.oid)
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY pg_total_relation_size(c.oid) DESC`,
      )
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [name, rows, heap, indexes, total] = line.split('|')
          return { name: name!, rows: Number(rows), heap: Number(heap), indexes: Number(indexes), total: Number(total) }
        })
        .filter((t) => t.rows > 0)
    // As written (dead row versions of updates, and the blocks PostgreSQL adds ahead when backends insert at once),
    // then compacted (VACUUM FULL: live rows only, as a large table settles to after autovacuum reuses its space).
    const written = new Map(sizes().map((t) => [t.name, t.total]))
    psql(pg.url, 'VACUUM FULL ANALYZE')
    const tables = sizes()
    // Redis: every key this run's replica wrote, by kind (the key with its address or citizen left out).
    const keys = execFileSync('redis-cli', ['-u', REDIS_URL, '--scan', '--pattern', `${prefix}*`], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
    const kinds = new Map<string, { keys: number; bytes: number }>()
    for (const key of keys) {
      const bytes = Number(
        execFileSync('redis-cli', ['-u', REDIS_URL, 'memory', 'usage', key, 'samples', '0'], { encoding: 'utf8' }),
      )
      const kind = key.slice(prefix.length).replace(/:[^:]*$/, ':<id>')
      if (!(bytes > 0)) continue // expired between the scan and the question
      const k = kinds.get(kind) ?? { keys: 0, bytes: 0 }
      kinds.set(kind, { keys: k.keys + 1, bytes: k.bytes + bytes })
    }

    const n = (x: number, digits = 0) =>
      x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    const gb = (bytesPerCitizen: number) => n((bytesPerCitizen * GUANGDONG) / 1e9, 0)
    const minutes = Number(process.hrtime.bigint() - started) / 60e9
    console.log('')
    console.log(
      `Storage per citizen (\`./scripts/bench/capacity\`): ${citizens} real-name citizens through the real flows (login, face verification, 粤康码 shown and declared, 首页, 卡包; ${licences} licence holders a 亮证 credential verified twice), one compiled replica over PostgreSQL ${psql(pg.url, 'SHOW server_version').trim()} and Redis; ${CORES} cores, load average ${loadAtStart.toFixed(1)}; run ${minutes.toFixed(1)} min. Per citizen = table ÷ ${citizens}; at 1.84 亿 citizens: × 184,000,000 (linear extrapolation)`,
    )
    console.log('')
    console.log(
      '| table | rows | rows per citizen | heap B/citizen | indexes B/citizen | total B/citizen | as written, B/citizen | total at 1.84 亿, GB |',
    )
    console.log('| --- | --: | --: | --: | --: | --: | --: | --: |')
    let sum = { heap: 0, indexes: 0, total: 0, written: 0 }
    for (const t of tables) {
      const w = written.get(t.name) ?? 0
      sum = {
        heap: sum.heap + t.heap,
        indexes: sum.indexes + t.indexes,
        total: sum.total + t.total,
        written: sum.written + w,
      }
      console.log(
        `| ${t.name} | ${n(t.rows)} | ${n(t.rows / citizens, 2)} | ${n(t.heap / citizens)} | ${n(t.indexes / citizens)} | ${n(t.total / citizens)} | ${n(w / citizens)} | ${gb(t.total / citizens)} |`,
      )
    }
    console.log(
      `| **all tables** | | | ${n(sum.heap / citizens)} | ${n(sum.indexes / citizens)} | ${n(sum.total / citizens)} | ${n(sum.written / citizens)} | ${gb(sum.total / citizens)} |`,
    )
    console.log('')
    console.log('| Redis key kind | keys | bytes per key (MEMORY USAGE) |')
    console.log('| --- | --: | --: |')
    for (const [kind, k] of kinds) console.log(`| ${kind} | ${n(k.keys)} | ${n(k.bytes / k.keys)} |`)
  } finally {
    await cluster.stop()
    standIns.stop()
    await pg.drop()
  }
}

;(process.argv.includes('--capacity') ? capacity() : main()).catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})

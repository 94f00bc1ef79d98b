// Scale benchmark, SKELETON (issue #14): the compiled BFF cluster (bff/dist/cluster.js) with 1 and then 2 replicas over
// one PostgreSQL database and Redis on loopback, the load generator (scripts/bench/load.ts) in a process of its own;
// prints requests/s in total and per replica, and the scaling ratio (2 replicas ÷ 1).
// Measured so far: one PostgreSQL read through the whole stack, GET /v1/feedback/:id (a 意见反馈 receipt).
// Not yet (the bench): health-code displays and wallet verifications for 1,000,000 citizens, and PostgreSQL ÷
// SQLite for the same endpoint.
// Cores: with at least replicas + 2 cores, the cluster runs on cores 0..replicas (replicas and the primary that hands
// them connections) and the load on the next; with fewer (this 2-core machine), unpinned, and the figures say so.
import { execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { createTestDatabase } from '../../bff/test/support/databases'
import { type Load, ROOT, runLoad } from './lib'

const PORT = Number(process.env.BENCH_PORT ?? 4250)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16)
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const CORES = availableParallelism()

/** `taskset -c <cores>` before a command where this machine has the cores to pin it, else nothing. */
const pinned = (cores: string | undefined, command: string[]) =>
  cores ? ['taskset', '-c', cores, ...command] : command

async function startCluster(replicas: number, databaseUrl: string, cores: string | undefined) {
  const [cmd, ...args] = pinned(cores, [
    process.execPath,
    '--conditions=ysx-compiled',
    path.join(ROOT, 'bff/dist/cluster.js'),
  ])
  const child = spawn(cmd!, args, {
    cwd: path.join(ROOT, 'bff'),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'development',
      BFF_REPLICAS: String(replicas),
      BFF_PORT: String(PORT),
      BFF_LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      BFF_REDIS_PREFIX: `ysx:bench-scale:${process.pid}:`,
      BFF_RETENTION_INTERVAL_MS: '0',
      BFF_RATE_LIMIT_MAX: '1000000000',
      BFF_MAX_EVENT_LOOP_DELAY_MS: '600000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = once(child, 'exit')
  // BFF_LOG_LEVEL=warn keeps request lines out; the replicas are ready when /readyz answers on the port.
  createInterface({ input: child.stdout }).on('line', () => undefined)
  for (;;) {
    const ready = await fetch(`http://127.0.0.1:${PORT}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    )
    if (ready) break
    if (child.exitCode !== null) throw new Error(`the cluster exited (${child.exitCode})`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return {
    async stop() {
      child.kill('SIGTERM')
      await exited
    },
  }
}

const load = (url: string, cores: string | undefined): Promise<Load> =>
  runLoad({ url, method: 'GET' }, { connections: CONNECTIONS, seconds: SECONDS, cores })

async function main() {
  execFileSync('pnpm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' })
  const database = await createTestDatabase()
  const figures: { replicas: number; rps: number; p99: number; pinned: boolean }[] = []
  try {
    for (const replicas of [1, 2]) {
      const canPin = CORES >= replicas + 2
      const serverCores = canPin ? `0-${replicas}` : undefined
      const loadCore = canPin ? String(replicas + 1) : undefined
      const cluster = await startCluster(replicas, database.url, serverCores)
      try {
        const filed = await fetch(`http://127.0.0.1:${PORT}/v1/feedback`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ category: 'suggestion', content: 'scale benchmark receipt' }),
        })
        const { id } = (await filed.json()) as { id: string }
        const result = await load(`http://127.0.0.1:${PORT}/v1/feedback/${id}`, loadCore)
        figures.push({ replicas, rps: result.rps, p99: result.p99, pinned: canPin })
      } finally {
        await cluster.stop()
      }
    }
  } finally {
    await database.drop()
  }
  console.log(
    `scale benchmark (skeleton): GET /v1/feedback/:id on PostgreSQL, ${CONNECTIONS} connections, ${SECONDS} s, ${CORES} cores`,
  )
  for (const f of figures)
    console.log(
      `  ${f.replicas} replica(s): ${f.rps.toFixed(0)} req/s in total, ${(f.rps / f.replicas).toFixed(0)} per replica, p99 ${f.p99} ms${f.pinned ? '' : ' (unpinned: too few cores to give each its own)'}`,
    )
  const [one, two] = figures
  if (one && two) console.log(`  scaling ratio (2 ÷ 1 replicas): ${(two.rps / one.rps).toFixed(2)}`)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})

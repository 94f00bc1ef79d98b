// A replica killed with SIGKILL under load: the compiled cluster (bff/dist/cluster.js, node:cluster) runs two BFF
// replicas on one port over a fresh PostgreSQL database and Redis (this file's own key prefix). Clients file feedback
// (意见反馈, a write answered 201 with its receipt) without pause; once some are acknowledged, one replica is killed
// with SIGKILL, no drain. Every request sent after the cluster has seen it die is served by the replicas left, and
// every acknowledged receipt is in the database afterwards: none lost. Then SIGTERM drains the cluster: exit 0.
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import { openPgDataStore } from '../../bff/src/store'
import { createTestDatabase, type TestDatabase } from '../../bff/test/support/databases'
import { COMPILED, type CompiledProcess, type LogLine, startCompiled } from './compiled'

const REDIS_URL = process.env.YSX_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
/** Clients filing feedback at once */
const CLIENTS = 4
/** Acknowledged writes before the kill, and after the cluster has seen the replica die */
const BEFORE = 24
const AFTER = 24

let database: TestDatabase
let cluster: CompiledProcess

beforeAll(async () => {
  database = await createTestDatabase()
}, 60_000)
afterAll(async () => {
  await cluster?.kill()
  await database?.drop()
})

/** Requests not yet answered, each with whether it was sent after the cluster had seen the replica die */
const open = new Map<http.ClientRequest, boolean>()

/** One POST on a connection of its own (as a balancer's new connection): its status and body; a network error rejects. */
function post(base: string, url: string, body: unknown, afterDeath: boolean) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const payload = JSON.stringify(body)
    const req = http.request(
      `${base}${url}`,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('error', reject)
        res.on('end', () =>
          res.complete
            ? resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') })
            : reject(new Error('half reply')),
        )
      },
    )
    open.set(req, afterDeath)
    req.on('close', () => open.delete(req))
    req.on('error', reject)
    req.end(payload)
  })
}

const said = (msg: string) => (line: LogLine) => line.name === 'bff-cluster' && line.msg === msg

test('a replica killed with SIGKILL under load: the other keeps serving and no acknowledged write is lost', async () => {
  cluster = startCompiled(COMPILED.cluster, {
    NODE_ENV: 'development',
    BFF_REPLICAS: '2',
    BFF_PORT: '0',
    DATABASE_URL: database.url,
    REDIS_URL,
    BFF_REDIS_PREFIX: `ysx:test:${randomBytes(6).toString('hex')}:`,
    // The cluster's own lines (replicas listening, dying) are info.
    BFF_LOG_LEVEL: 'info',
    BFF_RETENTION_INTERVAL_MS: '0',
    // The load is the test's, not an attack, and a busy test machine is not an overloaded one: no limit refuses it.
    BFF_RATE_LIMIT_MAX: '1000000',
    BFF_MAX_EVENT_LOOP_DELAY_MS: '600000',
  })
  const ready = await cluster.line(said('cluster listening'))
  const base = `http://127.0.0.1:${String(ready.port)}`
  const replicas = await Promise.all(
    [1, 2].map((id) => cluster.line((l) => said('replica listening')(l) && l.replica === id)),
  )
  const victim = replicas[0]!.workerPid as number

  /** Receipts acknowledged (201): id → the content filed */
  const acknowledged = new Map<string, string>()
  /** What became of each request sent after the cluster reported the victim dead */
  const afterDeath: string[] = []
  let phase: 'before' | 'killing' | 'after' | 'done' = 'before'
  let killed!: () => void
  const killTime = new Promise<void>((resolve) => (killed = resolve))
  let enough!: () => void
  const enoughAfter = new Promise<void>((resolve) => (enough = resolve))

  const client = async (c: number) => {
    for (let i = 0; phase !== 'done'; i += 1) {
      const sentAfterDeath = phase === 'after'
      const content = `压力测试 client ${c} request ${i} ${randomBytes(4).toString('hex')}`
      let result: string
      try {
        const reply = await post(base, '/v1/feedback', { category: 'suggestion', content }, sentAfterDeath)
        result = `status ${reply.status}`
        if (reply.status === 201) {
          acknowledged.set((JSON.parse(reply.body) as { id: string }).id, content)
          result = 'acknowledged'
        }
      } catch (err) {
        // Sent to the replica as it died: not acknowledged, so not counted (it may or may not have been written).
        result = (err as NodeJS.ErrnoException).code ?? (err as Error).message
      }
      if (sentAfterDeath) {
        afterDeath.push(result)
        if (afterDeath.filter((r) => r === 'acknowledged').length >= AFTER) enough()
      }
      if (phase === 'before' && acknowledged.size >= BEFORE) killed()
    }
  }
  const clients = Array.from({ length: CLIENTS }, (_, c) => client(c))

  await killTime
  phase = 'killing'
  const died = cluster.line(
    (l) => said('replica died: out of rotation; starting a replacement')(l) && l.workerPid === victim,
  )
  process.kill(victim, 'SIGKILL')
  expect(await died).toEqual(expect.objectContaining({ signal: 'SIGKILL' }))
  phase = 'after'
  await enoughAfter
  phase = 'done'
  // A connection the primary was handing to the replica as it died is never answered nor reset (node:cluster drops
  // the hand-off): its client would time out. Sent before the death was seen, it counts for nothing; abandon it. Those
  // sent after are awaited, answered.
  for (const [req, afterDeath] of open) if (!afterDeath) req.destroy(new Error('abandoned'))
  await Promise.all(clients)

  // The replica is gone; every request sent after the cluster saw it die was served.
  expect(() => process.kill(victim, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }))
  expect(afterDeath.length).toBeGreaterThanOrEqual(AFTER)
  expect(afterDeath.filter((r) => r !== 'acknowledged')).toEqual([])

  // Every acknowledged receipt is in the database, read back over a connection of the test's own.
  const store = await openPgDataStore(database.url)
  try {
    const missing: string[] = []
    for (const [id, content] of acknowledged) {
      const row = await store.repos.feedback.findById(id)
      if (row?.content !== content) missing.push(id)
    }
    expect(acknowledged.size).toBeGreaterThanOrEqual(BEFORE + AFTER)
    expect(missing).toEqual([])
  } finally {
    await store.close()
  }
  cluster.child.kill('SIGTERM')
  expect(await cluster.exited).toEqual([0, null])
}, 120_000)

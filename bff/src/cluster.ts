// BFF cluster entry: BFF_REPLICAS replicas of server.ts, each a process of its own (node:cluster workers), sharing
// BFF_PORT behind the primary, which hands each new connection to the next replica (round robin). The replicas keep
// nothing of their own: PostgreSQL (DATABASE_URL) holds the data and Redis (REDIS_URL) what they must agree on (rate
// limits, one-use ids), so more than one replica needs both. ./scripts/start --cluster N runs it on the compiled build.
//
// A replica that dies after it served (a crash, SIGKILL, the OOM killer) leaves the rotation at once and is replaced;
// one that dies before it ever listened (bad configuration, an unreachable database) is not, and when none is left
// the primary exits 1. SIGTERM to the primary drains the whole cluster: each replica gets SIGTERM (server.ts drains it)
// and the primary exits 0 once all have gone. SIGINT (Ctrl-C in a terminal) reaches every process of the group by
// itself; the primary only waits for them.
import cluster, { type Worker } from 'node:cluster'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { ConfigError, loadConfig } from './platform/config'

function main() {
  // The whole configuration is checked once here, before any replica starts (each replica reads it again).
  let config
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`bff cluster: ${err.message}\n`)
      process.exit(1)
    }
    throw err
  }
  const count = config.replicas ?? availableParallelism()
  if (count > 1 && (!config.databaseUrl || !config.redis)) {
    // On one SQLite file and in-process stores, each replica would count its own rate limits and one-use ids.
    process.stderr.write('bff cluster: more than one replica needs DATABASE_URL (PostgreSQL) and REDIS_URL (Redis)\n')
    process.exit(1)
  }
  const log = pino({ name: 'bff-cluster', level: config.logLevel })

  // Each replica runs this build's server (server.js compiled, server.ts under tsx) with this process's node flags.
  cluster.setupPrimary({ exec: path.join(__dirname, `server${path.extname(__filename)}`) })
  let stopping = false
  const served = new Set<number>()
  let announced = false

  /** Every replica forked and not yet exited (cluster.workers drops one at its disconnect, before its exit) */
  const alive = new Set<Worker>()
  // Every replica signs its department calls with one key: BFF_DEPT_SIGNING_KEY as given or, in development without
  // it, the one loadConfig generated here (else each replica would generate its own).
  const replicaEnv = { BFF_DEPT_SIGNING_KEY: JSON.stringify(config.departments.signingKey) }
  const fork = () => alive.add(cluster.fork(replicaEnv))
  const replicas = (): Worker[] => [...alive]

  cluster.on('listening', (worker, address) => {
    served.add(worker.id)
    log.info({ replica: worker.id, workerPid: worker.process.pid, port: address.port }, 'replica listening')
    if (!announced && served.size >= count) {
      announced = true
      log.info({ replicas: count, port: address.port }, 'cluster listening')
    }
  })
  cluster.on('exit', (worker, exitCode, signal) => {
    alive.delete(worker)
    const gone = { replica: worker.id, workerPid: worker.process.pid, exitCode, signal }
    if (stopping) {
      log.info(gone, 'replica exited')
      if (replicas().length === 0) {
        log.info('cluster stopped')
        process.exit(0)
      }
      return
    }
    if (served.has(worker.id)) {
      log.error(gone, 'replica died: out of rotation; starting a replacement')
      fork()
      return
    }
    log.error(gone, 'replica exited before it listened: not replaced')
    if (replicas().length === 0) {
      log.fatal('no replica left')
      process.exit(1)
    }
  })

  process.on('SIGTERM', () => {
    stopping = true
    log.info({ replicas: replicas().length }, 'draining every replica (SIGTERM)')
    for (const worker of replicas()) worker.process.kill('SIGTERM')
  })
  process.on('SIGINT', () => {
    stopping = true
    log.info('SIGINT: waiting for the replicas to drain')
  })

  log.info({ replicas: count }, 'starting replicas')
  for (let i = 0; i < count; i += 1) fork()
}

main()

// Opens the BFF's PostgreSQL database (node-postgres pool + drizzle) and applies its committed migrations
// (drizzle-pg/). A transaction opened by `atomically` is carried with AsyncLocalStorage: every repository call made
// inside it, on any await, runs on the transaction's connection (`conn()`), and a repository's own transaction
// there becomes a savepoint.
import { AsyncLocalStorage } from 'node:async_hooks'
import path from 'node:path'
import { drizzle, type NodePgDatabase, type NodePgQueryResultHKT } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import type { PgDatabase } from 'drizzle-orm/pg-core'
import pg from 'pg'

/** The pool's database or, inside `atomically`, its transaction: what every PostgreSQL repository queries. */
export type PgConn = PgDatabase<NodePgQueryResultHKT>
export type PgDb = NodePgDatabase

export interface PgDatabaseHandle {
  /** The connection to query now: the current transaction's inside `atomically`, else the pool's. */
  conn(): PgConn
  /** True when a trivial query succeeds within a second (readiness). */
  ping(): Promise<boolean>
  /** Runs `work` as one transaction: all its writes or none (repositories called inside join it). */
  atomically<T>(work: () => Promise<T>): Promise<T>
  close(): Promise<void>
}

const MIGRATIONS = path.resolve(__dirname, '../../drizzle-pg')
/** A readiness probe answers within this, database or not. */
const PING_TIMEOUT_MS = 1_000

/** The advisory lock key under which one process at a time migrates (any fixed 64-bit number). */
const MIGRATION_LOCK = 0x79_73_78_6d_69_67 // "ysxmig"

/** Applies the migrations with a session advisory lock held, so replicas starting together migrate one at a time. */
async function migrateOnce(pool: pg.Pool, db: PgDb): Promise<void> {
  const lock = await pool.connect()
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK])
    try {
      await migrate(db, { migrationsFolder: MIGRATIONS })
    } finally {
      await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK])
    }
  } finally {
    lock.release()
  }
}

export async function openPgDatabase(url: string, opts: { max?: number } = {}): Promise<PgDatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  })
  // An idle client's connection dropped by the server (restart, network) must not crash the process: the pool
  // discards it and the next query opens another.
  pool.on('error', () => undefined)
  const db = drizzle(pool)
  try {
    await migrateOnce(pool, db)
  } catch (err) {
    await pool.end()
    throw err
  }
  const current = new AsyncLocalStorage<PgConn>()
  let closed = false
  return {
    conn: () => current.getStore() ?? db,
    async ping() {
      if (closed) return false
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS)
      })
      const probe = pool.query('select 1 as ok').then(
        (r) => r.rows.length === 1,
        () => false,
      )
      try {
        return await Promise.race([probe, timeout])
      } finally {
        clearTimeout(timer)
      }
    },
    atomically(work) {
      const outer = current.getStore()
      // Nested: a savepoint inside the transaction already open.
      const owner = outer ?? db
      return owner.transaction((tx) => current.run(tx, work))
    },
    async close() {
      if (closed) return
      closed = true
      await pool.end()
    },
  }
}

/** The number of rows a write changed (node-postgres' rowCount). */
export const changed = (result: { rowCount: number | null }) => result.rowCount ?? 0

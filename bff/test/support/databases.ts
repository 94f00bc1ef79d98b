// Test databases. `openTestStore()` opens a fresh, empty data store: in-memory SQLite, or — with YSX_TEST_DB=postgres,
// or when asked for 'postgres' — a new PostgreSQL database ysx_<random> on the test server (YSX_TEST_DATABASE_URL,
// by default postgres://postgres@127.0.0.1:5432/test), dropped when the store closes, so parallel jest workers never
// share one. New databases are copied from a migrated template (ysx_tpl_<hash of drizzle-pg/>), made once per
// migration set by whichever worker comes first.
import { createHash, randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { type DataStore, openDataStore, openPgDataStore } from '../../src/store'

/** The server tests make their databases on: a database there that the tests connect to only to create others. */
export const ADMIN_URL = process.env.YSX_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

export type Dialect = 'sqlite' | 'postgres'
/** Both databases, for describe.each */
export const DIALECTS: Dialect[] = ['sqlite', 'postgres']
/** What the BFF tests run on: PostgreSQL with YSX_TEST_DB=postgres, else in-memory SQLite. */
export const TEST_DIALECT: Dialect = process.env.YSX_TEST_DB === 'postgres' ? 'postgres' : 'sqlite'

export interface TestDatabase {
  url: string
  name: string
  drop(): Promise<void>
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

const urlOf = (name: string) => {
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  return url.toString()
}

const MIGRATIONS = path.resolve(__dirname, '../../drizzle-pg')
/** The template's name: it changes with any migration, so a template never lags the schema. */
function templateName(): string {
  const hash = createHash('sha256')
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else hash.update(entry.name).update(readFileSync(file))
    }
  }
  walk(MIGRATIONS)
  return `ysx_tpl_${hash.digest('hex').slice(0, 16)}`
}

/** A fixed advisory lock key: one worker builds the template while the others wait for it. */
const TEMPLATE_LOCK = 0x79_73_78_74_70_6c // "ysxtpl"
let template: Promise<string> | undefined

function ensureTemplate(): Promise<string> {
  template ??= admin(async (c) => {
    const name = templateName()
    await c.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK])
    try {
      const found = await c.query('select 1 from pg_database where datname = $1', [name])
      if (found.rowCount === 0) {
        // Templates of earlier migration sets are no longer used.
        const old = await c.query("select datname from pg_database where datname like 'ysx\\_tpl\\_%'")
        for (const { datname } of old.rows as { datname: string }[])
          await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`)
        await c.query(`CREATE DATABASE ${name}`)
        const store = await openPgDataStore(urlOf(name))
        await store.close()
      }
      return name
    } finally {
      await c.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK])
    }
  })
  return template
}

/**
 * A new database on the test server with the BFF's tables (`empty`: without them, never migrated); `drop()` removes
 * it, closing what is still open to it.
 */
export async function createTestDatabase(opts: { empty?: boolean } = {}): Promise<TestDatabase> {
  const from = opts.empty ? 'template1' : await ensureTemplate()
  const name = `ysx_${randomBytes(8).toString('hex')}`
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${from}`))
  let dropped = false
  return {
    url: urlOf(name),
    name,
    async drop() {
      if (dropped) return
      dropped = true
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
    },
  }
}

/** A fresh, empty data store on `dialect` (TEST_DIALECT by default); closing it drops a PostgreSQL database. */
export async function openTestStore(dialect: Dialect = TEST_DIALECT): Promise<DataStore> {
  if (dialect === 'sqlite') return openDataStore(':memory:')
  const database = await createTestDatabase()
  const store = await openPgDataStore(database.url).catch(async (err: unknown) => {
    await database.drop()
    throw err
  })
  return {
    ...store,
    async close() {
      await store.close()
      await database.drop()
    },
  }
}

/**
 * What a database refusal says, whichever the driver: better-sqlite3's own message, or node-postgres' under drizzle's
 * "Failed query" wrapper (its `cause`). 'resolved' when `work` did not fail. Read by message, not by `instanceof`:
 * better-sqlite3's errors come from whichever test file loaded the addon first in the worker (another realm).
 */
export async function refusal(work: Promise<unknown>): Promise<string> {
  return work.then(
    () => 'resolved',
    (err: unknown) => {
      const { message, cause } = err as { message?: string; cause?: { message?: string } }
      return [message, cause?.message].filter(Boolean).join(' / ')
    },
  )
}

// Fresh PostgreSQL databases for tests: CREATE DATABASE ysx_<random> on the test server (YSX_TEST_DATABASE_URL, by
// default postgres://postgres@127.0.0.1:5432/test), dropped after, so parallel jest workers never share one.
import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** The server tests make their databases on: a database there that the tests may connect to (never written). */
export const ADMIN_URL = process.env.YSX_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

/** Whether the BFF tests run on PostgreSQL (YSX_TEST_DB=postgres) instead of in-memory SQLite. */
export const onPostgres = process.env.YSX_TEST_DB === 'postgres'

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

/** A new empty database on the test server; `drop()` removes it, closing any connection still open to it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `ysx_${randomBytes(8).toString('hex')}`
  await admin((c) => c.query(`CREATE DATABASE ${name}`))
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  let dropped = false
  return {
    url: url.toString(),
    name,
    async drop() {
      if (dropped) return
      dropped = true
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
    },
  }
}

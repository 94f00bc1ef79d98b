// Readiness on PostgreSQL, for real: a BFF started with DATABASE_URL (openStore's PostgreSQL path, migrations applied
// at start) is ready while its database answers; once the database is gone /readyz answers 503 within its probe
// timeout while /healthz, the liveness check, still answers 200.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { build } from '../helper'
import { createTestDatabase } from '../support/databases'

test('with DATABASE_URL the BFF is ready on PostgreSQL, and not ready once the database is unreachable', async () => {
  const database = await createTestDatabase()
  const t = await build({ databaseUrl: database.url, maxEventLoopDelayMs: 0 })
  try {
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' })
    expect(ready.statusCode).toBe(200)
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok' } })
    // Something the BFF wrote at start is in that database: the signing key it made.
    const jwks = await t.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })
    expect(jwks.json().keys).toHaveLength(1)

    // The database goes away under the running BFF (its connections are closed by the server).
    await database.drop()
    const gone = await t.app.inject({ method: 'GET', url: '/readyz' })
    expect(gone.statusCode).toBe(503)
    expect(gone.json()).toEqual({ status: 'not_ready', checks: { database: 'failing' } })
    const live = await t.app.inject({ method: 'GET', url: '/healthz' })
    expect(live.statusCode).toBe(200)
  } finally {
    await t.app.close()
    await database.drop()
  }
})

test('a BFF whose DATABASE_URL names no reachable server does not start', async () => {
  // Port 1 on loopback: nothing listens there, the connection is refused at once.
  await expect(build({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none' })).rejects.toThrow()
})

test('two BFFs starting together on a new PostgreSQL database migrate it once between them and both are ready', async () => {
  const database = await createTestDatabase({ empty: true })
  try {
    const [a, b] = await Promise.all([build({ databaseUrl: database.url }), build({ databaseUrl: database.url })])
    try {
      for (const t of [a, b]) expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200)
    } finally {
      await a.app.close()
      await b.app.close()
    }
    const client = new pg.Client({ connectionString: database.url })
    await client.connect()
    try {
      // One current signing key between them: their first rotations took turns (an advisory lock).
      const current = await client.query('select count(*)::int as n from signing_keys where retired_at is null')
      expect(current.rows[0].n).toBe(1)
      const applied = await client.query('select count(*)::int as n from drizzle.__drizzle_migrations')
      const journal = JSON.parse(readFileSync(path.join(__dirname, '../../drizzle-pg/meta/_journal.json'), 'utf8'))
      expect(applied.rows[0].n).toBe(journal.entries.length)
    } finally {
      await client.end()
    }
  } finally {
    await database.drop()
  }
})

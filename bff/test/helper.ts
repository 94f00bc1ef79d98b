// Test helper: builds the BFF on a fresh database — in-memory SQLite, or with YSX_TEST_DB=postgres a new PostgreSQL
// database dropped when the app closes (support/databases.ts) — with captured, parseable log lines.
import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { type BuildOptions, buildApp } from '../src/app'
import { type Config, testConfig } from '../src/platform/config'
import { openTestStore, TEST_DIALECT } from './support/databases'

export interface TestApp {
  app: FastifyInstance
  /** Every log line written so far, raw. */
  logs: string[]
}

export async function build(
  overrides: Partial<Config> = {},
  options: Omit<BuildOptions, 'logStream'> = {},
): Promise<TestApp> {
  const logs: string[] = []
  const logStream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean))
      done()
    },
  })
  // A test that names its database (a SQLite file, DATABASE_URL) or brings its own store keeps it; every other
  // build gets a fresh one.
  const named = overrides.dbFile !== undefined || overrides.databaseUrl !== undefined
  const fresh = !options.store && TEST_DIALECT === 'postgres' && !named ? await openTestStore() : undefined
  const app = await buildApp(testConfig({ logLevel: 'info', ...overrides }), {
    ...options,
    store: options.store ?? fresh,
    logStream,
  }).catch(async (err: unknown) => {
    await fresh?.close()
    throw err
  })
  await app.ready()
  return { app, logs }
}

/** A stack-trace fragment: what no response body may carry. */
export const STACK_TRACE = /\bat [\w.<>]+ \(|node_modules|\.ts:\d+/

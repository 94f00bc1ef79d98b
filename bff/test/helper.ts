// Test helper: builds the BFF on an in-memory database with captured, parseable log lines.
import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { type BuildOptions, buildApp } from '../src/app'
import { type Config, testConfig } from '../src/platform/config'

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
  const app = await buildApp(testConfig({ logLevel: 'info', ...overrides }), { ...options, logStream })
  await app.ready()
  return { app, logs }
}

/** A stack-trace fragment: what no response body may carry. */
export const STACK_TRACE = /\bat [\w.<>]+ \(|node_modules|\.ts:\d+/

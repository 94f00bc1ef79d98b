// The BFF process: any start that is not explicitly development refuses missing or development secrets and exits
// non-zero before listening; with DATABASE_URL it serves from PostgreSQL.
import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import path from 'node:path'
import { DEV_SECRETS } from '../src/platform/config'
import { createTestDatabase } from './support/databases'

const TSX = path.resolve(__dirname, '../node_modules/.bin/tsx')
const SERVER = path.resolve(__dirname, '../src/server.ts')

function boot(env: Record<string, string>) {
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' }
  return spawnSync(TSX, [SERVER], { env: { ...base, ...env }, encoding: 'utf8', timeout: 30_000 })
}

test('a boot with no mode and the development secrets refuses to start', () => {
  const run = boot({
    BFF_DB_FILE: ':memory:',
    BFF_PORT: '0',
    BFF_TOKEN_SECRET: DEV_SECRETS.tokenSecret,
    BFF_DATA_KEY: DEV_SECRETS.dataKey,
    BFF_SIGNING_SEAL_KEY: DEV_SECRETS.signingSealKey,
    BFF_AUDIT_KEY: DEV_SECRETS.auditKey,
    BFF_WECHAT_SECRET: DEV_SECRETS.wechatSecret,
  })
  expect(run.status).toBe(1)
  expect(run.stderr).toMatch(/BFF_TOKEN_SECRET is a development default/)
})

test('a boot with no mode and no secrets refuses to start, naming the missing secret', () => {
  const run = boot({ BFF_DB_FILE: ':memory:', BFF_PORT: '0' })
  expect(run.status).toBe(1)
  expect(run.stderr).toMatch(/BFF_TOKEN_SECRET is required unless NODE_ENV=development/)
})

test('production with a weak data key exits 1', () => {
  const run = boot({
    NODE_ENV: 'production',
    BFF_DB_FILE: ':memory:',
    BFF_PORT: '0',
    BFF_TOKEN_SECRET: 'k7Qp2vX9mZ4tR8wB1nC6yH3jL5sD0fGa',
    BFF_DATA_KEY: 'password',
  })
  expect(run.status).toBe(1)
  expect(run.stderr).toMatch(/BFF_DATA_KEY must be at least 32/)
})

test('a boot with DATABASE_URL migrates a new PostgreSQL database at start and serves ready from it', async () => {
  const database = await createTestDatabase({ empty: true })
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' }
  const child = spawn(TSX, [SERVER], {
    env: {
      ...base,
      NODE_ENV: 'development',
      DATABASE_URL: database.url,
      BFF_PORT: '0',
      BFF_RETENTION_INTERVAL_MS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  try {
    const address = await new Promise<string>((resolve, reject) => {
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8')
        const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
        if (listening) resolve(listening[1]!)
      })
      child.on('exit', (code) => reject(new Error(`the BFF exited (${code}) before listening: ${out}`)))
    })
    const ready = await fetch(`${address}/readyz`)
    expect(ready.status).toBe(200)
    await expect(ready.json()).resolves.toEqual({ status: 'ready', checks: { database: 'ok' } })
  } finally {
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    await exited
    await database.drop()
  }
})

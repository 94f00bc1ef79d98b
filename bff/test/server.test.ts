// The BFF process: production boot refuses bad secrets and exits non-zero before listening.
import { spawnSync } from 'node:child_process'
import path from 'node:path'

const TSX = path.resolve(__dirname, '../node_modules/.bin/tsx')
const SERVER = path.resolve(__dirname, '../src/server.ts')

function boot(env: Record<string, string>) {
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' }
  return spawnSync(TSX, [SERVER], { env: { ...base, ...env }, encoding: 'utf8', timeout: 30_000 })
}

test('production without secrets exits 1 naming the missing secret', () => {
  const run = boot({ NODE_ENV: 'production', BFF_DB_FILE: ':memory:', BFF_PORT: '0' })
  expect(run.status).toBe(1)
  expect(run.stderr).toMatch(/BFF_TOKEN_SECRET is required in production/)
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

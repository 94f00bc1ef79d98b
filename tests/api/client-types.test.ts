// The committed client types (tests/client/schema.d.ts) are what openapi-typescript generates from the document the
// BFF serves now: a contract changed without `pnpm --filter @ysx/tests run client:generate` fails here. (The
// generator runs in its own process: openapi-typescript loads ESM-only modules that jest's CommonJS cannot.)
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

const ROOT = path.resolve(__dirname, '../..')
const SCHEMA_FILE = path.join(ROOT, 'tests/client/schema.d.ts')

test('the committed client types equal a fresh generation from GET /openapi.json', async () => {
  const { stdout: fresh } = await promisify(execFile)(
    path.join(ROOT, 'node_modules/.bin/tsx'),
    [path.join(ROOT, 'tests/client/generate.ts'), '--print'],
    { cwd: path.join(ROOT, 'tests'), maxBuffer: 64 * 1024 * 1024 },
  )
  const committed = readFileSync(SCHEMA_FILE, 'utf8')
  // The generation is real: every operation of the document is typed, by its contract's name.
  expect(fresh).toMatch(/ walletList: \{/)
  expect(fresh).toMatch(/"\/v1\/health-codes\/verify": \{/)
  // The first line that differs, so a failure says what moved (regenerate: pnpm --filter @ysx/tests run client:generate).
  const a = committed.split('\n')
  const b = fresh.split('\n')
  const at = a.findIndex((line, i) => line !== b[i])
  expect(at === -1 ? null : { line: at + 1, committed: a[at], fresh: b[at] }).toBeNull()
  expect(committed).toBe(fresh)
})

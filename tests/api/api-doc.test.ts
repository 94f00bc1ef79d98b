// docs/api.md stays true: its error-code table is shared's catalogue, and its token walkthrough, run as written with
// curl and jq against a started system (the stand-ins of the default population and a listening BFF), signs a
// citizen in, makes them real-name, reads their wallet and refreshes the token.
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { loadDepartmentsConfig, person } from '@ysx/departments/harness'
import { ALL_DEPARTMENTS, APP_ID, startSystem, type TestSystem } from '../support/system'
import { API_DOC, documentedErrorTable, errorCodeTable, walkthroughBlocks } from './api-doc'

test('the error-code table in docs/api.md is shared’s catalogue: every code, its status and its message', () => {
  const table = documentedErrorTable()
  expect(table).toContain('| `STEP_UP_REQUIRED` | 403 | 为保护您的信息，请先完成刷脸验证 |')
  // Regenerate with: pnpm exec tsx tests/api/api-doc.ts --write
  expect(table).toBe(errorCodeTable())
})

describe('the token walkthrough, run as written', () => {
  /** The default population of ./scripts/start (DEPT_SEED unset): the walkthrough's citizen is one of it. */
  const seed = loadDepartmentsConfig({}).seed
  let sys: TestSystem
  let bff: string

  beforeAll(async () => {
    sys = await startSystem({ departments: ALL_DEPARTMENTS, seed })
    bff = await sys.bff.listen({ host: '127.0.0.1', port: 0 })
  }, 60_000)
  afterAll(async () => sys.close())

  test('the walkthrough names citizen 1 of the default population', () => {
    const doc = readFileSync(API_DOC, 'utf8')
    const citizen = person(seed, 1)
    expect(doc).toContain(`${citizen.name}, ${citizen.idNumber} is citizen 1 of the default population`)
    expect(walkthroughBlocks(doc).join('\n')).toContain(`name: "${citizen.name}", idNumber: "${citizen.idNumber}"`)
  })

  test('its commands sign in, make the citizen real-name, list the wallet and refresh, printing what it says', async () => {
    const blocks = walkthroughBlocks()
    expect(blocks.length).toBeGreaterThanOrEqual(6)
    const script = ['set -euo pipefail', ...blocks].join('\n')
    const { stdout } = await promisify(execFile)('bash', ['-c', script], {
      cwd: mkdtempSync(path.join(tmpdir(), 'ysx-walkthrough-')),
      env: { ...process.env, BFF: bff, WECHAT: sys.wechatUrl, APPID: APP_ID },
    })
    const citizen = person(seed, 1)
    const lines = stdout.trim().split('\n')
    // Step 2 (login: a new account), step 4 (real name), step 5 (the wallet, masked), step 6 (/v1/me after refresh)
    expect(lines[0]).toBe('basic')
    expect(lines[1]).toBe('real_name')
    expect(lines).toContain(`居民身份证 ${citizen.idNumber.slice(0, 3)}***********${citizen.idNumber.slice(-4)}`)
    expect(lines.at(-1)).toBe(`${'*'.repeat(citizen.name.length - 1)}${citizen.name.slice(-1)}`)
  })
})

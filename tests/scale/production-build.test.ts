// The production build runs with plain node: the compiled departments (departments/dist) and the compiled BFF
// (bff/dist) as separate processes, no tsx. The BFF answers /healthz and /readyz, serves its API docs, finds its
// migrations and rule files, and a citizen signs in through the compiled WeChat stand-in and reads their profile.
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { generateSigningKey } from '@ysx/departments/harness'
import {
  BFF_SIGNING_KEY_VAR,
  DEPARTMENT_CODES,
  departmentPortVar,
  departmentUrlVar,
  DEPT_CALLER_KEYS_VAR,
  DEPT_OPERATORS_VAR,
  ProfileSchema,
} from '@ysx/shared'
import { COMPILED, type CompiledProcess, listeningAt, startCompiled } from './compiled'

/** The stand-ins' and the BFF's shared WeChat app (their development defaults) */
const WECHAT_APPID = 'wx-ysx-open-dev'

let departments: CompiledProcess
let bff: CompiledProcess
let base: string
const urls: Record<string, string> = {}

beforeAll(async () => {
  const data = mkdtempSync(path.join(tmpdir(), 'ysx-compiled-'))
  const key = generateSigningKey()
  departments = startCompiled(COMPILED.departments, {
    NODE_ENV: 'development',
    DEPT_DATA_DIR: path.join(data, 'departments'),
    DEPT_SIZE: '60',
    DEPT_LOG_LEVEL: 'silent',
    [DEPT_CALLER_KEYS_VAR]: JSON.stringify(key.publicJwk),
    [DEPT_OPERATORS_VAR]: `operator=${randomBytes(24).toString('base64url')}`,
    ...Object.fromEntries(DEPARTMENT_CODES.map((code) => [departmentPortVar(code), '0'])),
  })
  // main.js says "department <code> listening on <url>" for each; all of them, in order.
  for (const code of DEPARTMENT_CODES) {
    const line = await departments.line((l) => (l.msg ?? '').startsWith(`department ${code} listening on `))
    urls[code] = /(http:\/\/\S+)$/.exec(line.msg ?? '')![1]!
  }
  bff = startCompiled(COMPILED.bff, {
    NODE_ENV: 'development',
    BFF_DB_FILE: path.join(data, 'bff.sqlite'),
    BFF_PORT: '0',
    BFF_RETENTION_INTERVAL_MS: '0',
    [BFF_SIGNING_KEY_VAR]: JSON.stringify(key.privateJwk),
    ...Object.fromEntries(DEPARTMENT_CODES.map((code) => [departmentUrlVar(code), urls[code]!])),
  })
  base = listeningAt(await bff.line((l) => listeningAt(l) !== undefined))!
}, 120_000)

afterAll(async () => {
  for (const proc of [bff, departments]) {
    if (!proc) continue
    proc.child.kill('SIGTERM')
    await proc.exited
  }
})

test('the compiled BFF, run with node, is alive and ready on its migrated database and serves its API docs', async () => {
  expect((await fetch(`${base}/healthz`)).status).toBe(200)
  const ready = await fetch(`${base}/readyz`)
  expect([ready.status, await ready.json()]).toEqual([200, expect.objectContaining({ status: 'ready' })])
  const docs = await fetch(`${base}/docs`)
  expect([docs.status, docs.headers.get('content-type')]).toEqual([200, expect.stringContaining('text/html')])
  const spec = (await (await fetch(`${base}/openapi.json`)).json()) as { paths: Record<string, unknown> }
  expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/v1/auth/login', '/v1/health-codes/verify']))
})

test('a citizen signs in on the compiled build through the compiled WeChat stand-in and reads their profile', async () => {
  const device = await fetch(`${urls.wechat}/sns/device-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ appid: WECHAT_APPID, account: 'compiled-build' }),
  })
  expect(device.status).toBe(200)
  const { code } = (await device.json()) as { code: string }
  const login = await fetch(`${base}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  })
  expect(login.status).toBe(200)
  const { accessToken } = (await login.json()) as { accessToken: string }
  const me = await fetch(`${base}/v1/me`, { headers: { authorization: `Bearer ${accessToken}` } })
  expect(me.status).toBe(200)
  expect(ProfileSchema.safeParse(await me.json()).success).toBe(true)
})

// The conditional 粤康码 display (GET /v1/health-codes/:holder/code) on the whole BFF with its clock moved by the test:
// 304 and no body while the credential the phone holds (If-None-Match) is current for its key, the full reply with a
// new ETag once the status, the device key or the credential's lifetime changed, another citizen's ETag answered with
// this citizen's own code, a bad device key refused, and an ended session refused on the very next display with the
// same error and audit record as every other route (the session is checked in the same read as the status).
// In-memory SQLite, or PostgreSQL with YSX_TEST_DB=postgres.
import { generateKeyPairSync, randomUUID } from 'node:crypto'
import { HealthCodeSchema } from '@ysx/shared'
import type { FastifyInstance } from 'fastify'
import type { DataStore, HealthStatusRow } from '../../src/store'
import { build } from '../helper'
import { openTestStore } from '../support/databases'

const HOUR = 3_600_000
/** A session's absolute lifetime here */
const SESSION_MS = 7 * 24 * HOUR
const START = Date.parse('2026-11-23T04:00:00.000Z')

let app: FastifyInstance
let store: DataStore
let nowMs = START

interface Citizen {
  user: string
  sid: string
  token: string
}

const newDeviceKey = () => {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const { x, y } = publicKey.export({ format: 'jwk' }) as { x: string; y: string }
  return { x, y }
}
const phone = newDeviceKey()

/** A citizen signed in (one live session) whose status is stored, current and green. */
async function citizen(maskedName = '*燕', over: Partial<HealthStatusRow> = {}): Promise<Citizen> {
  const user = randomUUID()
  const sid = randomUUID()
  const now = new Date(nowMs)
  await store.repos.users.create({ id: user, openid: `o-${user}`, sessionKeySealed: 'x', createdAt: now })
  await store.repos.sessions.create(
    { id: sid, userId: user, createdAt: now, absoluteExpiresAt: new Date(nowMs + SESSION_MS) },
    { tokenHash: `h-${sid}`, issuedAt: now, idleExpiresAt: new Date(nowMs + HOUR) },
  )
  await store.repos.healthCode.putStatus(status(user, { maskedName, ...over }))
  return { user, sid, token: app.signAccess({ sub: user, sid, jti: randomUUID() }) }
}

/** A stored status as the service writes it after an evaluation: no credential yet. */
const status = (user: string, over: Partial<HealthStatusRow> = {}): HealthStatusRow => ({
  holder: `u:${user}`,
  maskedName: '*燕',
  colour: 'green',
  reasons: '[]',
  negativeWithinHours: null,
  ruleVersion: '2026-11-v1',
  evaluatedAt: new Date(nowMs),
  validUntil: new Date(nowMs + 4 * HOUR),
  stale: false,
  credential: null,
  credentialId: null,
  deviceKeyThumbprint: null,
  credentialExpiresAt: null,
  ...over,
})

const display = (
  c: Pick<Citizen, 'token'>,
  opts: { etag?: string; key?: { x: string; y: string } | string; holder?: string } = {},
) => {
  const key = opts.key ?? phone
  const query = typeof key === 'string' ? key : `x=${key.x}&y=${key.y}`
  return app.inject({
    method: 'GET',
    url: `/v1/health-codes/${opts.holder ?? 'self'}/code?${query}`,
    headers: { authorization: `Bearer ${c.token}`, ...(opts.etag ? { 'if-none-match': opts.etag } : {}) },
  })
}
const credentialIdOf = (credential: string) =>
  (JSON.parse(Buffer.from(credential.split('.')[1]!, 'base64url').toString()) as { c: string }).c
/** The audit records a call adds, as (action, outcome, user, reason). */
async function audited<T>(call: () => Promise<T>) {
  const before = (await store.repos.audit.list()).length
  const result = await call()
  const added = (await store.repos.audit.list()).slice(before)
  return {
    result,
    added: added.map((r) => ({ action: r.action, outcome: r.outcome, user: r.userId, reason: r.reason })),
  }
}

beforeEach(async () => {
  nowMs = START
  store = await openTestStore()
  ;({ app } = await build({}, { store, now: () => new Date(nowMs) }))
})
afterEach(async () => app.close())

test('with no If-None-Match the display answers the status and a credential for this device, its id as a strong ETag', async () => {
  const a = await citizen()
  const res = await display(a)
  expect(res.statusCode).toBe(200)
  const code = HealthCodeSchema.parse(res.json())
  expect(code).toMatchObject({ holder: 'self', maskedName: '*燕', colour: 'green', reasons: [] })
  expect(res.headers.etag).toBe(`"${credentialIdOf(code.credential)}"`)
  expect(res.headers['cache-control']).toBe('private, no-store')
})

test('an unchanged status with the current ETag answers 304 with no body, the same ETag and no-store, and signs nothing', async () => {
  const a = await citizen()
  const first = await display(a)
  const { result: again, added } = await audited(() => display(a, { etag: first.headers.etag as string }))
  expect(again.statusCode).toBe(304)
  expect(again.body).toBe('')
  // Nothing announced either: a client reading Content-Length would wait for a body that never comes.
  expect(again.headers).not.toHaveProperty('content-length')
  expect(again.headers).not.toHaveProperty('content-type')
  expect(again.headers.etag).toBe(first.headers.etag)
  expect(again.headers['cache-control']).toBe('private, no-store')
  expect(added).toEqual([])
})

test('the 304 and the 200 carry the API security headers, the request id and the rate limit, as every reply does', async () => {
  const a = await citizen()
  const first = await display(a)
  const again = await display(a, { etag: first.headers.etag as string })
  expect(again.statusCode).toBe(304)
  for (const res of [first, again]) {
    expect(res.headers).toMatchObject({
      'strict-transport-security': expect.stringContaining('max-age='),
      'x-content-type-options': 'nosniff',
      'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
      'x-request-id': expect.any(String),
      'x-ratelimit-limit': expect.any(String),
    })
  }
})

test('a weak or listed form of the current ETag also answers 304 (If-None-Match compares weakly)', async () => {
  const a = await citizen()
  const etag = (await display(a)).headers.etag as string
  expect((await display(a, { etag: `W/${etag}` })).statusCode).toBe(304)
  expect((await display(a, { etag: `"someone-else", ${etag}` })).statusCode).toBe(304)
})

test('after the status changed, the ETag the phone holds gets 200 with the new status and a new ETag', async () => {
  const a = await citizen()
  const before = await display(a)
  // A re-evaluation (卫健's notice, a declaration) stored a new colour: the credential the phone holds says green.
  await store.repos.healthCode.putStatus(status(a.user, { colour: 'yellow', evaluatedAt: new Date(nowMs + 1000) }))
  const res = await display(a, { etag: before.headers.etag as string })
  expect(res.statusCode).toBe(200)
  const code = HealthCodeSchema.parse(res.json())
  expect(code.colour).toBe('yellow')
  expect(res.headers.etag).toBe(`"${credentialIdOf(code.credential)}"`)
  expect(res.headers.etag).not.toBe(before.headers.etag)
})

test('a status marked stale or past its validUntil is never answered 304', async () => {
  const a = await citizen()
  const etag = (await display(a)).headers.etag as string
  await store.repos.healthCode.markStale(`u:${a.user}`)
  // Evaluating again needs 卫健, which is not running here: whatever the answer, it is not "unchanged".
  expect((await display(a, { etag })).statusCode).not.toBe(304)
  const b = await citizen('*明')
  const etagB = (await display(b)).headers.etag as string
  nowMs += 4 * HOUR
  expect((await display(b, { etag: etagB })).statusCode).not.toBe(304)
})

test('a new device key, or a credential within its re-sign margin, gets 200 and a new credential despite the ETag', async () => {
  // A status good for two days: its credential lasts the rule set's day, not the status.
  const a = await citizen('*燕', { validUntil: new Date(nowMs + 48 * HOUR) })
  const etag = (await display(a)).headers.etag as string
  const other = await display(a, { etag, key: newDeviceKey() })
  expect(other.statusCode).toBe(200)
  expect(other.headers.etag).not.toBe(etag)
  // Back on the first phone, the credential held is no longer the stored one.
  const back = await display(a, { etag })
  expect(back.statusCode).toBe(200)
  const current = back.headers.etag as string
  expect((await display(a, { etag: current })).statusCode).toBe(304)
  // Two minutes before the credential expires it is signed again, so a code shown now lasts its minute.
  const { credentialExpiresAt } = HealthCodeSchema.parse(back.json())
  nowMs = Date.parse(credentialExpiresAt) - 119_000
  const renewed = await display(a, { etag: current })
  expect(renewed.statusCode).toBe(200)
  expect(renewed.headers.etag).not.toBe(current)
})

test("another citizen's ETag gets this citizen's full reply, and nothing of the other's", async () => {
  const a = await citizen('*燕')
  const b = await citizen('*明')
  const bShown = await display(b)
  const bCode = HealthCodeSchema.parse(bShown.json())
  const res = await display(a, { etag: bShown.headers.etag as string })
  expect(res.statusCode).toBe(200)
  const code = HealthCodeSchema.parse(res.json())
  expect(code.maskedName).toBe('*燕')
  expect(res.headers.etag).toBe(`"${credentialIdOf(code.credential)}"`)
  expect(res.headers.etag).not.toBe(bShown.headers.etag)
  expect(res.body).not.toContain('*明')
  expect(res.body).not.toContain(bCode.credential)
  expect(res.body).not.toContain(credentialIdOf(bCode.credential))
})

test('a session logged out is refused on the very next display, with the same 401 and audit record as other routes', async () => {
  const a = await citizen()
  const etag = (await display(a)).headers.etag as string
  const out = await app.inject({
    method: 'POST',
    url: '/v1/auth/logout',
    headers: { authorization: `Bearer ${a.token}` },
  })
  expect(out.statusCode).toBe(204)
  const viaDisplay = await audited(() => display(a, { etag }))
  const viaOtherRoute = await audited(() =>
    app.inject({
      method: 'GET',
      url: '/v1/health-codes/self/check-ins',
      headers: { authorization: `Bearer ${a.token}` },
    }),
  )
  expect([viaDisplay.result.statusCode, viaDisplay.result.json().code]).toEqual([401, 'AUTH_TOKEN_INVALID'])
  expect(viaDisplay.result.headers.etag).toBeUndefined()
  expect(viaDisplay.added).toEqual([
    { action: 'token.refused', outcome: 'failure', user: a.user, reason: 'AUTH_TOKEN_INVALID: session ended' },
  ])
  expect(viaOtherRoute.result.json().code).toBe(viaDisplay.result.json().code)
  expect(viaOtherRoute.added).toEqual(viaDisplay.added)
})

test("a session past its absolute lifetime, or a token naming another citizen's session, is refused on the display", async () => {
  const a = await citizen()
  const b = await citizen('*明')
  const crossed = { token: app.signAccess({ sub: a.user, sid: b.sid, jti: randomUUID() }) }
  expect((await display(crossed)).statusCode).toBe(401)
  expect((await display(a)).statusCode).toBe(200)
  nowMs += SESSION_MS
  const res = await display(a)
  expect([res.statusCode, res.json().code]).toEqual([401, 'AUTH_TOKEN_INVALID'])
})

test("a family member's display checks the session first: an unknown member is 404, an ended session 401", async () => {
  const a = await citizen()
  const member = 'm'.repeat(20)
  expect((await display(a, { holder: member })).statusCode).toBe(404)
  await store.repos.sessions.revoke(a.sid, 'logout', new Date(nowMs))
  const res = await display(a, { holder: member })
  expect([res.statusCode, res.json().code]).toEqual([401, 'AUTH_TOKEN_INVALID'])
})

test('a missing or garbled device key is 400 VALIDATION_FAILED, and nothing is signed', async () => {
  const a = await citizen()
  const { x, y } = newDeviceKey()
  const bad = [
    '',
    `x=${x}`,
    `x=${x}&y=${y.slice(1)}`,
    `x=${x}&y=${y.slice(1)}*`,
    `x=${x}&y=${y}&kty=RSA`,
    `x=${x}&y=${y}&y=${y}`,
  ]
  for (const key of bad) {
    const { result, added } = await audited(() => display(a, { key }))
    expect([key, result.statusCode, result.json().code]).toEqual([key, 400, 'VALIDATION_FAILED'])
    expect(added).toEqual([])
  }
  expect((await store.repos.healthCode.status(`u:${a.user}`))?.credential).toBeNull()
  // From an ended session the same bad input is refused as the session, as every route that checks it first does.
  await store.repos.sessions.revoke(a.sid, 'logout', new Date(nowMs))
  const ended = await display(a, { key: '' })
  expect([ended.statusCode, ended.json().code]).toEqual([401, 'AUTH_TOKEN_INVALID'])
})

// Access tokens: the access-token plugin on a bare Fastify (no other capability: fast enough for mutation testing),
// with the real sessions repository and audit trail (SQLite in memory) and the service clock: what a signed token
// carries, and each way one is refused — no header, a malformed header, a bad signature, an unknown kid, expiry, an
// ended session, a closed account — with its exact code and its one audit record (naming the account only while the
// account exists). tests/identity/forged-tokens.test.ts sends the forgeries to every protected route of the whole BFF.
import { createHmac, randomUUID } from 'node:crypto'
import Fastify, { type FastifyInstance } from 'fastify'
import { auditContext, createAuditService } from '../../src/audit'
import accessTokens, { keyId, TOKEN_AUDIENCE, TOKEN_ISSUER, TOKEN_TYPE } from '../../src/identity/access-tokens'
import { createAuthService } from '../../src/identity/auth-service'
import { AppError } from '../../src/platform/app-error'
import { testConfig } from '../../src/platform/config'
import type { WechatClient } from '../../src/platform/departments'
import { createFieldCipher } from '../../src/platform/field-cipher'
import type { DataStore } from '../../src/store'
import { openTestStore } from '../support/databases'

const USER = '33333333-3333-4333-8333-333333333333'
const SID = '44444444-4444-4444-8444-444444444444'
const HOUR = 3_600_000
const secret = testConfig().tokenSecret
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
const part = (token: string, i: number) => JSON.parse(Buffer.from(token.split('.')[i]!, 'base64url').toString())

let app: FastifyInstance
let store: DataStore
let now: Date

/** The plugin as app.ts registers it, over `store`; one guarded route answers the request's claims. */
async function tokenApp(over: DataStore) {
  const clock = () => now
  const audit = createAuditService(over.repos.audit, testConfig().audit, clock)
  const auth = createAuthService({
    users: over.repos.users,
    sessions: over.repos.sessions,
    wechat: {} as WechatClient,
    cipher: createFieldCipher(testConfig().dataKey),
    audit,
    signAccess: () => 'unused',
    settings: { accessTtlSeconds: 900, refreshIdleSeconds: 3600, sessionAbsoluteSeconds: 7200 },
    now: clock,
  })
  const a = Fastify()
  a.setErrorHandler(async (err, _req, reply) =>
    err instanceof AppError
      ? reply.code(err.statusCode).send({ code: err.code })
      : reply.code(500).send({ code: 'INTERNAL' }),
  )
  await a.register(accessTokens, {
    secret,
    accessTtlSeconds: 900,
    checkSession: auth.checkSession,
    audit,
    accountExists: async (userId) => (await over.repos.users.findById(userId)) !== undefined,
  })
  a.get('/v1/me', { onRequest: a.authenticate }, async (req) => ({ claims: req.auth, ctx: auditContext(req) }))
  await a.ready()
  return a
}

beforeEach(async () => {
  store = await openTestStore()
  now = new Date()
  app = await tokenApp(store)
  await store.repos.users.create({ id: USER, openid: 'o-tokens', sessionKeySealed: 'x', createdAt: now })
  await store.repos.sessions.create(
    { id: SID, userId: USER, createdAt: now, absoluteExpiresAt: new Date(now.getTime() + HOUR) },
    { tokenHash: 'h', issuedAt: now, idleExpiresAt: new Date(now.getTime() + HOUR) },
  )
})
afterEach(async () => {
  await app.close()
  await store.close()
})

const me = (headers: Record<string, string> = {}) => app.inject({ method: 'GET', url: '/v1/me', headers })
const sign = () => app.signAccess({ sub: USER, sid: SID, jti: randomUUID() })

/** Signs with the BFF's own secret whatever header and claims a forger chooses. */
function forge(header: object, claims: object) {
  const input = `${b64(header)}.${b64(claims)}`
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`
}

/** The status, code and audit records of one request to /v1/me. */
async function outcome(headers: Record<string, string>) {
  const before = (await store.repos.audit.list()).length
  const res = await me(headers)
  const added = (await store.repos.audit.list()).slice(before)
  return {
    status: res.statusCode,
    code: res.statusCode === 200 ? null : res.json().code,
    audit: added.map((r) => ({ action: r.action, outcome: r.outcome, user: r.userId, reason: r.reason })),
  }
}

const refusal = (code: string, reason: string, user: string | null = null) => ({
  status: 401,
  code,
  audit: [{ action: 'token.refused', outcome: 'failure', user, reason: `${code}: ${reason}` }],
})

test('a signed token carries HS256, at+jwt, the key id, issuer, audience, subject, session and a 15-minute expiry', async () => {
  const token = sign()
  expect(part(token, 0)).toEqual({ alg: 'HS256', typ: TOKEN_TYPE, kid: keyId(secret) })
  const claims = part(token, 1)
  expect(claims).toMatchObject({ iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, sub: USER, sid: SID })
  expect(claims.exp - claims.iat).toBe(900)
  expect(keyId(secret)).toMatch(/^hs-[0-9a-f]{12}$/)
  expect(keyId(`${secret}-rotated`)).not.toBe(keyId(secret))
})

test('a genuine token is accepted and the request carries exactly its subject and session', async () => {
  const res = await me({ authorization: `Bearer ${sign()}` })
  expect(res.statusCode).toBe(200)
  expect(res.json()).toEqual({ claims: { sub: USER, sid: SID }, ctx: expect.objectContaining({ sessionId: SID }) })
  expect(await store.repos.audit.list()).toEqual([])
})

test('no authorization header gets 401 AUTH_REQUIRED and writes no audit record', async () => {
  expect(await outcome({})).toEqual({ status: 401, code: 'AUTH_REQUIRED', audit: [] })
})

test.each([
  ['a lower-case scheme', (t: string) => `bearer ${t}`],
  ['another scheme', (t: string) => `Basic ${t}`],
  ['text before the scheme', (t: string) => `xBearer ${t}`],
  ['a space inside the token', (t: string) => `Bearer ${t.slice(0, 10)} ${t.slice(10)}`],
  ['text after the token', (t: string) => `Bearer ${t} extra`],
  ['a character outside base64url', (t: string) => `Bearer ${t}!`],
  ['an empty token', () => 'Bearer '],
])('a header with %s gets 401 AUTH_TOKEN_INVALID as malformed, with one audit record', async (_, header) => {
  expect(await outcome({ authorization: header(sign()) })).toEqual(
    refusal('AUTH_TOKEN_INVALID', 'malformed authorization header'),
  )
})

test('every character a token may hold passes the header check (and then the signature is what fails)', async () => {
  const token = `${sign()}~+/=-_`
  expect(await outcome({ authorization: `Bearer ${token}` })).toMatchObject({ status: 401, code: 'AUTH_TOKEN_INVALID' })
  const [record] = (await store.repos.audit.list()).slice(-1)
  expect(record!.reason).toMatch(/^AUTH_TOKEN_INVALID: jwt: /)
})

test('a token past its expiry gets 401 AUTH_TOKEN_EXPIRED (an hour-old token); a minute-old one is accepted', async () => {
  const at = Date.now()
  const signedAt = (ms: number) => {
    jest.useFakeTimers({
      now: ms,
      doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask'],
    })
    try {
      return sign()
    } finally {
      jest.useRealTimers()
    }
  }
  expect(await outcome({ authorization: `Bearer ${signedAt(at - HOUR)}` })).toEqual(
    refusal('AUTH_TOKEN_EXPIRED', 'jwt: FAST_JWT_EXPIRED'),
  )
  expect((await outcome({ authorization: `Bearer ${signedAt(at - 60_000)}` })).status).toBe(200)
})

test('a bad signature gets 401 AUTH_TOKEN_INVALID, not expired', async () => {
  const [h, p] = sign().split('.')
  expect(await outcome({ authorization: `Bearer ${h}.${p}.${'A'.repeat(43)}` })).toEqual(
    refusal('AUTH_TOKEN_INVALID', 'jwt: FAST_JWT_INVALID_SIGNATURE'),
  )
})

test('a token with the right signature but another key id gets 401 AUTH_TOKEN_INVALID (unknown kid)', async () => {
  const claims = part(sign(), 1)
  const token = forge({ alg: 'HS256', typ: TOKEN_TYPE, kid: 'hs-000000000000' }, claims)
  expect(await outcome({ authorization: `Bearer ${token}` })).toEqual(refusal('AUTH_TOKEN_INVALID', 'unknown kid'))
})

test('a token signed with the right secret but HS512 gets 401 AUTH_TOKEN_INVALID: HS256 is the one algorithm', async () => {
  const claims = part(sign(), 1)
  const header = { alg: 'HS512', typ: TOKEN_TYPE, kid: keyId(secret) }
  const input = `${b64(header)}.${b64(claims)}`
  const token = `${input}.${createHmac('sha512', secret).update(input).digest('base64url')}`
  expect(await outcome({ authorization: `Bearer ${token}` })).toEqual(
    refusal('AUTH_TOKEN_INVALID', 'jwt: FAST_JWT_INVALID_ALGORITHM'),
  )
})

test.each(['jti', 'iat', 'exp', 'iss', 'aud'])(
  'a correctly signed token without its %s claim gets 401 AUTH_TOKEN_INVALID',
  async (claim) => {
    const claims = { ...part(sign(), 1), [claim]: undefined }
    const token = forge({ alg: 'HS256', typ: TOKEN_TYPE, kid: keyId(secret) }, claims)
    expect(await outcome({ authorization: `Bearer ${token}` })).toMatchObject({
      status: 401,
      code: 'AUTH_TOKEN_INVALID',
    })
  },
)

test('a token of a logged-out session gets 401 AUTH_TOKEN_INVALID, recorded under the account', async () => {
  await store.repos.sessions.revoke(SID, 'logout', now)
  expect(await outcome({ authorization: `Bearer ${sign()}` })).toEqual(
    refusal('AUTH_TOKEN_INVALID', 'session ended', USER),
  )
})

test('a token of a session past its absolute lifetime gets 401 AUTH_TOKEN_INVALID on the service clock', async () => {
  const token = sign()
  now = new Date(now.getTime() + HOUR)
  expect(await outcome({ authorization: `Bearer ${token}` })).toEqual(
    refusal('AUTH_TOKEN_INVALID', 'session ended', USER),
  )
})

test('after the account is closed its old token gets 401 AUTH_TOKEN_INVALID and the record names nobody', async () => {
  const token = sign()
  expect(await store.repos.users.remove(USER)).toBe(true)
  expect(await outcome({ authorization: `Bearer ${token}` })).toEqual(refusal('AUTH_TOKEN_INVALID', 'session ended'))
})

test('a session store failure is a 500, not a refusal of the token: nothing is audited', async () => {
  const failing: DataStore = {
    ...store,
    repos: {
      ...store.repos,
      sessions: {
        ...store.repos.sessions,
        findActive: async () => {
          throw new Error('SQLITE_IOERR: disk I/O error')
        },
      },
    },
  }
  const local = await tokenApp(failing)
  try {
    const res = await local.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${sign()}` } })
    expect(res.statusCode).toBe(500)
    expect(await store.repos.audit.list()).toEqual([])
  } finally {
    await local.close()
  }
})

test('a token accepted before (the verifier keeps verified tokens) is refused on the next request once its session ends', async () => {
  const token = sign()
  expect((await me({ authorization: `Bearer ${token}` })).statusCode).toBe(200)
  expect((await me({ authorization: `Bearer ${token}` })).statusCode).toBe(200)
  await store.repos.sessions.revoke(SID, 'logout', now)
  expect(await outcome({ authorization: `Bearer ${token}` })).toEqual(
    refusal('AUTH_TOKEN_INVALID', 'session ended', USER),
  )
})

test('a token accepted before is refused AUTH_TOKEN_EXPIRED once its expiry passes, though the verifier kept it', async () => {
  const at = Date.now()
  const token = sign()
  expect((await me({ authorization: `Bearer ${token}` })).statusCode).toBe(200)
  jest.useFakeTimers({
    now: at + 901_000,
    doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask'],
  })
  try {
    expect(await outcome({ authorization: `Bearer ${token}` })).toEqual(
      refusal('AUTH_TOKEN_EXPIRED', 'jwt: FAST_JWT_EXPIRED'),
    )
  } finally {
    jest.useRealTimers()
  }
})

test('a forged token is refused even when a genuine token of the same claims was accepted before it', async () => {
  const token = sign()
  expect((await me({ authorization: `Bearer ${token}` })).statusCode).toBe(200)
  const [h, p] = token.split('.')
  expect(await outcome({ authorization: `Bearer ${h}.${p}.${'A'.repeat(43)}` })).toEqual(
    refusal('AUTH_TOKEN_INVALID', 'jwt: FAST_JWT_INVALID_SIGNATURE'),
  )
})

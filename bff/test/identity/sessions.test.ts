// Login, refresh rotation, reuse detection, logout and the session check, on the real sessions repository (SQLite in
// memory) with a controllable clock: every lifetime boundary to the millisecond, every refusal with its code and its
// one audit record. WeChat's code2session is a test double here (the BFF reaches it over HTTP in tests/identity).
import { randomUUID } from 'node:crypto'
import { createAuditService } from '../../src/audit'
import { type AccessClaims, createAuthService } from '../../src/identity/auth-service'
import { AppError } from '../../src/platform/app-error'
import { testConfig } from '../../src/platform/config'
import type { WechatClient } from '../../src/platform/departments'
import { createFieldCipher } from '../../src/platform/field-cipher'
import type { DataStore } from '../../src/store'
import { openTestStore } from '../support/databases'

const T0 = new Date('2026-11-23T02:00:00.000Z').getTime()
const SECOND = 1000
const SETTINGS = { accessTtlSeconds: 900, refreshIdleSeconds: 3600, sessionAbsoluteSeconds: 7200 }
const CTX = { requestId: 'req-1', ip: '203.0.113.7' }

let store: DataStore
let clock: number
const cipher = createFieldCipher(testConfig().dataKey)

/** WeChat's login server as the BFF sees it: each code once, for the account it was issued to. */
function fakeWechat() {
  const codes = new Map<string, { openid: string; sessionKey: string } | AppError>()
  const client: WechatClient = {
    async code2session(code) {
      const answer = codes.get(code)
      codes.delete(code)
      if (!answer) throw new AppError('AUTH_CODE_INVALID', 'wechat errcode 40029')
      if (answer instanceof AppError) throw answer
      return answer
    },
  }
  return {
    client,
    code(openid: string, sessionKey = `key-${randomUUID()}`) {
      const code = `code-${randomUUID()}`
      codes.set(code, { openid, sessionKey })
      return code
    },
    failing(err: AppError) {
      const code = `code-${randomUUID()}`
      codes.set(code, err)
      return code
    },
  }
}

let wechat: ReturnType<typeof fakeWechat>
let signed: (AccessClaims & { jti: string })[]

function service(settings = SETTINGS) {
  const audit = createAuditService(store.repos.audit, testConfig().audit, () => new Date(clock))
  return createAuthService({
    users: store.repos.users,
    sessions: store.repos.sessions,
    wechat: wechat.client,
    cipher,
    audit,
    signAccess: (claims) => {
      signed.push(claims)
      return `access-${signed.length}`
    },
    settings,
    now: () => new Date(clock),
  })
}

beforeEach(async () => {
  store = await openTestStore()
  clock = T0
  wechat = fakeWechat()
  signed = []
})
afterEach(async () => store.close())

const auditTrail = async () =>
  (await store.repos.audit.list()).map((r) => ({
    action: r.action,
    outcome: r.outcome,
    reason: r.reason,
    user: r.userId,
  }))

async function refused(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(AppError)
  return (err as AppError).code
}

describe('login', () => {
  test('a new WeChat account gets an account, a session and tokens; the session key is sealed to its openid', async () => {
    const auth = service()
    const { tokens, user } = await auth.login(wechat.code('openid-new', 'the-session-key'), CTX)
    expect(user).toMatchObject({ openid: 'openid-new', level: 'basic', createdAt: new Date(T0) })
    expect(
      cipher.decrypt(user.sessionKeySealed!, { table: 'users', column: 'session_key_sealed', row: 'openid-new' }),
    ).toBe('the-session-key')
    expect(tokens).toEqual({
      accessToken: 'access-1',
      accessExpiresIn: 900,
      refreshToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      refreshExpiresIn: 3600,
    })
    const [session] = await store.repos.sessions.listByUser(user.id)
    expect(session).toMatchObject({
      userId: user.id,
      createdAt: new Date(T0),
      absoluteExpiresAt: new Date(T0 + 7200 * SECOND),
      revokedAt: null,
      stepUpAt: null,
    })
    expect(signed).toEqual([{ sub: user.id, sid: session!.id, jti: expect.stringMatching(/^[0-9a-f-]{36}$/) }])
    expect(await auditTrail()).toEqual([{ action: 'login', outcome: 'success', reason: null, user: user.id }])
  })

  test('the same WeChat account logs in to the same account, with its new session key and a second session', async () => {
    const auth = service()
    const first = await auth.login(wechat.code('openid-same', 'key-one'), CTX)
    clock += 5 * SECOND
    const second = await auth.login(wechat.code('openid-same', 'key-two'), CTX)
    expect(second.user.id).toBe(first.user.id)
    const stored = await store.repos.users.findById(first.user.id)
    expect(
      cipher.decrypt(stored!.sessionKeySealed!, { table: 'users', column: 'session_key_sealed', row: 'openid-same' }),
    ).toBe('key-two')
    const sessions = await store.repos.sessions.listByUser(first.user.id)
    expect(sessions.map((s) => s.createdAt)).toEqual([new Date(T0), new Date(T0 + 5 * SECOND)])
    expect(signed[0]!.jti).not.toBe(signed[1]!.jti)
    expect(second.tokens.refreshToken).not.toBe(first.tokens.refreshToken)
  })

  test('an invalid or spent code gets AUTH_CODE_INVALID, creates nothing and writes one login failure record', async () => {
    const auth = service()
    expect(await refused(auth.login('never-issued', CTX))).toBe('AUTH_CODE_INVALID')
    expect(await store.repos.users.findByOpenid('never-issued')).toBeUndefined()
    expect(await auditTrail()).toEqual([{ action: 'login', outcome: 'failure', reason: 'code_invalid', user: null }])
  })

  test('WeChat unavailable during login: UPSTREAM_UNAVAILABLE, no account, no session, no audit record', async () => {
    const auth = service()
    const code = wechat.failing(new AppError('UPSTREAM_UNAVAILABLE', 'wechat: answered 503'))
    expect(await refused(auth.login(code, CTX))).toBe('UPSTREAM_UNAVAILABLE')
    expect(await auditTrail()).toEqual([])
    expect(signed).toEqual([])
  })
})

describe('refresh', () => {
  test('a refresh rotates: a new refresh token for the same session, the old one spent, nothing audited', async () => {
    const auth = service()
    const { tokens, user } = await auth.login(wechat.code('openid-rotate'), CTX)
    clock += 60 * SECOND
    const next = await auth.refresh(tokens.refreshToken, CTX)
    expect(next).toEqual({
      accessToken: 'access-2',
      accessExpiresIn: 900,
      refreshToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      refreshExpiresIn: 3600,
    })
    expect(next.refreshToken).not.toBe(tokens.refreshToken)
    expect(signed[1]).toEqual({ sub: user.id, sid: signed[0]!.sid, jti: expect.any(String) })
    expect(signed[1]!.jti).not.toBe(signed[0]!.jti)
    // The new token's idle lifetime starts at the refresh: it still works an hour after the login.
    clock = T0 + 60 * SECOND + 3600 * SECOND - 1
    await expect(auth.refresh(next.refreshToken, CTX)).resolves.toMatchObject({ accessExpiresIn: 900 })
    expect((await auditTrail()).map((r) => r.action)).toEqual(['login'])
  })

  test('a refresh token past its idle lifetime gets AUTH_REFRESH_INVALID (one millisecond before, it rotates)', async () => {
    const auth = service()
    const early = await auth.login(wechat.code('openid-idle-early'), CTX)
    const late = await auth.login(wechat.code('openid-idle-late'), CTX)
    clock = T0 + 3600 * SECOND - 1
    await expect(auth.refresh(early.tokens.refreshToken, CTX)).resolves.toHaveProperty('refreshToken')
    clock = T0 + 3600 * SECOND
    expect(await refused(auth.refresh(late.tokens.refreshToken, CTX))).toBe('AUTH_REFRESH_INVALID')
    expect((await auditTrail()).slice(2)).toEqual([
      { action: 'refresh', outcome: 'failure', reason: 'expired', user: late.user.id },
    ])
  })

  test('a session past its absolute lifetime refreshes no more, however recently its token was issued', async () => {
    const auth = service()
    const { tokens } = await auth.login(wechat.code('openid-absolute'), CTX)
    clock = T0 + 3000 * SECOND
    const second = await auth.refresh(tokens.refreshToken, CTX)
    clock = T0 + 6000 * SECOND
    const third = await auth.refresh(second.refreshToken, CTX)
    clock = T0 + 7200 * SECOND - 1
    const fourth = await auth.refresh(third.refreshToken, CTX)
    clock = T0 + 7200 * SECOND
    expect(await refused(auth.refresh(fourth.refreshToken, CTX))).toBe('AUTH_REFRESH_INVALID')
    expect((await auditTrail()).at(-1)).toMatchObject({ action: 'refresh', reason: 'expired' })
  })

  test('an unknown refresh token gets AUTH_REFRESH_INVALID and one record naming nobody', async () => {
    const auth = service()
    expect(await refused(auth.refresh('guessed-0123456789', CTX))).toBe('AUTH_REFRESH_INVALID')
    expect(await auditTrail()).toEqual([{ action: 'refresh', outcome: 'failure', reason: 'unknown', user: null }])
  })

  test('reusing a spent refresh token revokes the family: AUTH_REFRESH_REUSED, then the newest gets AUTH_REFRESH_INVALID', async () => {
    const auth = service()
    const { tokens, user } = await auth.login(wechat.code('openid-reuse'), CTX)
    const next = await auth.refresh(tokens.refreshToken, CTX)
    clock += SECOND
    expect(await refused(auth.refresh(tokens.refreshToken, CTX))).toBe('AUTH_REFRESH_REUSED')
    const [session] = await store.repos.sessions.listByUser(user.id)
    expect(session).toMatchObject({ revokedAt: new Date(T0 + SECOND), revokedReason: 'reuse' })
    await expect(auth.checkSession({ sub: user.id, sid: session!.id })).rejects.toMatchObject({
      code: 'AUTH_TOKEN_INVALID',
    })
    expect(await refused(auth.refresh(next.refreshToken, CTX))).toBe('AUTH_REFRESH_INVALID')
    // Reusing it again finds the family already revoked: no second revocation, the first time stays.
    expect(await refused(auth.refresh(tokens.refreshToken, CTX))).toBe('AUTH_REFRESH_INVALID')
    expect((await store.repos.sessions.listByUser(user.id))[0]!.revokedAt).toEqual(new Date(T0 + SECOND))
    expect((await auditTrail()).slice(1)).toEqual([
      { action: 'refresh.reuse', outcome: 'failure', reason: 'family_revoked', user: user.id },
      { action: 'refresh', outcome: 'failure', reason: 'revoked', user: user.id },
      { action: 'refresh', outcome: 'failure', reason: 'revoked', user: user.id },
    ])
  })

  test('a spent refresh token of an expired session still counts as reuse and revokes it', async () => {
    const auth = service()
    const { tokens, user } = await auth.login(wechat.code('openid-reuse-late'), CTX)
    await auth.refresh(tokens.refreshToken, CTX)
    clock = T0 + 7200 * SECOND
    expect(await refused(auth.refresh(tokens.refreshToken, CTX))).toBe('AUTH_REFRESH_REUSED')
    expect((await store.repos.sessions.listByUser(user.id))[0]!.revokedReason).toBe('reuse')
  })

  test('two refreshes racing with one token: one rotates, the other is reuse and revokes the family', async () => {
    const auth = service()
    const { tokens, user } = await auth.login(wechat.code('openid-race'), CTX)
    const outcomes = await Promise.allSettled([
      auth.refresh(tokens.refreshToken, CTX),
      auth.refresh(tokens.refreshToken, CTX),
    ])
    const won = outcomes.filter((o) => o.status === 'fulfilled') as PromiseFulfilledResult<{ refreshToken: string }>[]
    const lost = outcomes.filter((o) => o.status === 'rejected') as PromiseRejectedResult[]
    expect(won).toHaveLength(1)
    expect(lost.map((o) => (o.reason as AppError).code)).toEqual(['AUTH_REFRESH_REUSED'])
    expect((await store.repos.sessions.listByUser(user.id))[0]!.revokedReason).toBe('reuse')
    expect(await refused(auth.refresh(won[0]!.value.refreshToken, CTX))).toBe('AUTH_REFRESH_INVALID')
  })
})

describe('logout and the session check', () => {
  test('logout revokes the session: its access claims and refresh token are refused, and it is audited', async () => {
    const auth = service()
    const { tokens, user } = await auth.login(wechat.code('openid-logout'), CTX)
    const claims = { sub: user.id, sid: signed[0]!.sid }
    await expect(auth.checkSession(claims)).resolves.toBeUndefined()
    clock += 30 * SECOND
    await auth.logout(claims, CTX)
    expect((await store.repos.sessions.listByUser(user.id))[0]).toMatchObject({
      revokedAt: new Date(T0 + 30 * SECOND),
      revokedReason: 'logout',
    })
    await expect(auth.checkSession(claims)).rejects.toMatchObject({ code: 'AUTH_TOKEN_INVALID' })
    expect(await refused(auth.refresh(tokens.refreshToken, CTX))).toBe('AUTH_REFRESH_INVALID')
    expect((await auditTrail()).slice(1)).toEqual([
      { action: 'logout', outcome: 'success', reason: null, user: user.id },
      { action: 'refresh', outcome: 'failure', reason: 'revoked', user: user.id },
    ])
  })

  test("logging out one session leaves the account's other sessions live", async () => {
    const auth = service()
    const a = await auth.login(wechat.code('openid-two'), CTX)
    await auth.login(wechat.code('openid-two'), CTX)
    const [one, two] = signed.map((c) => ({ sub: c.sub, sid: c.sid }))
    await auth.logout(one!, CTX)
    await expect(auth.checkSession(two!)).resolves.toBeUndefined()
    expect(a.user.id).toBe(two!.sub)
  })

  test('the session check refuses an unknown session, another account, and a session at its absolute end', async () => {
    const auth = service()
    const { user } = await auth.login(wechat.code('openid-check'), CTX)
    const sid = signed[0]!.sid
    await expect(auth.checkSession({ sub: user.id, sid: randomUUID() })).rejects.toMatchObject({
      code: 'AUTH_TOKEN_INVALID',
    })
    await expect(auth.checkSession({ sub: randomUUID(), sid })).rejects.toMatchObject({ code: 'AUTH_TOKEN_INVALID' })
    clock = T0 + 7200 * SECOND - 1
    await expect(auth.checkSession({ sub: user.id, sid })).resolves.toBeUndefined()
    clock = T0 + 7200 * SECOND
    await expect(auth.checkSession({ sub: user.id, sid })).rejects.toMatchObject({ code: 'AUTH_TOKEN_INVALID' })
  })
})

describe('sessions repository', () => {
  const USER = '11111111-1111-4111-8111-111111111111'
  const OTHER = '22222222-2222-4222-8222-222222222222'
  const at = (ms: number) => new Date(T0 + ms)
  async function session(
    id: string,
    userId = USER,
    opts: { absoluteMs?: number; idleMs?: number; createdMs?: number } = {},
  ) {
    await store.repos.sessions.create(
      { id, userId, createdAt: at(opts.createdMs ?? 0), absoluteExpiresAt: at(opts.absoluteMs ?? 7200 * SECOND) },
      { tokenHash: `hash-${id}`, issuedAt: at(0), idleExpiresAt: at(opts.idleMs ?? 3600 * SECOND) },
    )
  }
  beforeEach(async () => {
    for (const [id, openid] of [
      [USER, 'o-1'],
      [OTHER, 'o-2'],
    ])
      await store.repos.users.create({ id: id!, openid: openid!, sessionKeySealed: 'x', createdAt: at(0) })
  })

  test('sessions are listed per account, oldest first', async () => {
    await session('s-late', USER, { createdMs: 2000 })
    await session('s-early', USER, { createdMs: 1000 })
    await session('s-other', OTHER)
    expect((await store.repos.sessions.listByUser(USER)).map((s) => s.id)).toEqual(['s-early', 's-late'])
  })

  test('a step-up is recorded on its own session only', async () => {
    await session('s-a')
    await session('s-b')
    await store.repos.sessions.setStepUp('s-a', at(5000))
    expect((await store.repos.sessions.findActive('s-a', at(6000)))?.stepUpAt).toEqual(at(5000))
    expect((await store.repos.sessions.findActive('s-b', at(6000)))?.stepUpAt).toBeNull()
  })

  test('revoking a session twice keeps the first time and reason', async () => {
    await session('s-r')
    await store.repos.sessions.revoke('s-r', 'logout', at(1000))
    await store.repos.sessions.revoke('s-r', 'reuse', at(2000))
    expect((await store.repos.sessions.listByUser(USER))[0]).toMatchObject({
      revokedAt: at(1000),
      revokedReason: 'logout',
    })
    expect(await store.repos.sessions.findActive('s-r', at(1500))).toBeUndefined()
  })

  test('the purge deletes revoked, absolutely expired and idle sessions with their tokens, and keeps live ones', async () => {
    await session('s-live', USER, { idleMs: 3600 * SECOND + 1, absoluteMs: 3600 * SECOND + 1 })
    await session('s-revoked')
    await store.repos.sessions.revoke('s-revoked', 'logout', at(0))
    await session('s-absolute', USER, { absoluteMs: 3600 * SECOND })
    await session('s-idle', USER, { idleMs: 3600 * SECOND })
    await session('s-spent')
    // The spent session's first token is used, and its successor is past its idle lifetime.
    const rotated = await store.repos.sessions.rotate('hash-s-spent', at(1), {
      tokenHash: 'hash-s-spent-2',
      issuedAt: at(1),
      idleExpiresAt: at(10),
    })
    expect(rotated.kind).toBe('rotated')
    expect(await store.repos.sessions.purgeEnded(at(3600 * SECOND))).toBe(4)
    expect((await store.repos.sessions.listByUser(USER)).map((s) => s.id)).toEqual(['s-live'])
    // Its tokens went with it: the spent session's token is unknown now, not reused.
    expect(
      await store.repos.sessions.rotate('hash-s-spent', at(2), {
        tokenHash: 'x',
        issuedAt: at(2),
        idleExpiresAt: at(3),
      }),
    ).toEqual({ kind: 'unknown' })
  })
})

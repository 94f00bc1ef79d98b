// WeChat's login server or 公安 down (the stand-ins' fault knobs: every business call answered 503, or the connection
// dropped): login and the face check fail at once with 503 UPSTREAM_UNAVAILABLE, leave no half-written account,
// session or binding, do not count against the citizen's daily face limit, and work again once the department is back.
// One department down does not stop what needs only the other.
import { NO_FAULTS } from '@ysx/shared'
import BetterSqlite3 from 'better-sqlite3'
import { bearer, setFaults, startSystem, type TestSystem } from '../support/system'

let sys: TestSystem
let gonganUrl: string
beforeAll(async () => {
  sys = await startSystem()
  gonganUrl = sys.departments.gongan!.url
})
afterAll(async () => sys.close())
afterEach(async () => {
  await setFaults(sys.wechatUrl, NO_FAULTS)
  await setFaults(gonganUrl, NO_FAULTS)
})

/** Each way a department is down, with a citizen of its own for the face check (a citizen binds one account). */
const DOWN = [
  ['answers 503', { errorRate: 1 }, 41],
  ['drops the connection', { reset: true }, 42],
] as const

const outcome = (res: { statusCode: number; json(): { code?: string } }) =>
  res.statusCode < 300 ? `${res.statusCode}` : `${res.statusCode} ${res.json().code}`

/** Rows the BFF holds: accounts, sessions, real-name bindings and audit records of an action. */
function counts(action: string) {
  const db = new BetterSqlite3(sys.dbFile, { readonly: true })
  try {
    const n = (sql: string, ...args: string[]) => (db.prepare(sql).get(...args) as { n: number }).n
    return {
      users: n('SELECT count(*) AS n FROM users'),
      sessions: n('SELECT count(*) AS n FROM sessions'),
      realName: n("SELECT count(*) AS n FROM users WHERE level = 'real_name'"),
      audited: n('SELECT count(*) AS n FROM audit_log WHERE action = ?', action),
    }
  } finally {
    db.close()
  }
}

const login = (code: string) => sys.call({ method: 'POST', url: '/v1/auth/login', payload: { code } })
const challenge = async (token: string) =>
  (await sys.call({ method: 'POST', url: '/v1/face/challenges', headers: bearer(token) })).json() as {
    verifyId: string
    digits: string
  }
function verify(token: string, c: { verifyId: string; digits: string }, index: number) {
  const who = sys.citizen(index)
  return sys.call({
    method: 'POST',
    url: '/v1/face/verifications',
    headers: bearer(token),
    payload: {
      verifyId: c.verifyId,
      name: who.name,
      idNumber: who.idNumber,
      sample: { kind: 'standin', image: '', spokenDigits: c.digits },
    },
  })
}

test.each(DOWN)(
  'WeChat down (%s) during login: 503 UPSTREAM_UNAVAILABLE, no account or session, and the same code works once it is back',
  async (_, faults) => {
    const code = await sys.code(`wechat-down-${JSON.stringify(faults)}`)
    const before = counts('login')
    await setFaults(sys.wechatUrl, faults)
    expect(outcome(await login(code))).toBe('503 UPSTREAM_UNAVAILABLE')
    expect(counts('login')).toEqual(before)
    await setFaults(sys.wechatUrl, NO_FAULTS)
    // WeChat never received the code as a business call, so it is still unspent.
    const back = await login(code)
    expect(outcome(back)).toBe('200')
    expect(counts('login')).toEqual({
      ...before,
      users: before.users + 1,
      sessions: before.sessions + 1,
      audited: before.audited + 1,
    })
  },
)

test.each(DOWN)(
  '公安 down (%s) during a face check: 503 UPSTREAM_UNAVAILABLE, nothing bound, no failure counted; a new challenge passes once it is back',
  async (_, faults, index) => {
    const { accessToken } = await sys.login(`gongan-down-${index}`)
    const c = await challenge(accessToken)
    const before = counts('face.verify')
    await setFaults(gonganUrl, faults)
    expect(outcome(await verify(accessToken, c, index))).toBe('503 UPSTREAM_UNAVAILABLE')
    expect(counts('face.verify')).toEqual(before)
    const me = (await sys.call({ method: 'GET', url: '/v1/me', headers: bearer(accessToken) })).json()
    expect(me).toMatchObject({ level: 'basic', idNumber: null, lastFaceVerifiedAt: null })
    await setFaults(gonganUrl, NO_FAULTS)
    // The digits were sent: that challenge is spent, and the citizen starts a new one.
    expect(outcome(await verify(accessToken, c, index))).toBe('409 FACE_CHALLENGE_USED')
    const again = await verify(accessToken, await challenge(accessToken), index)
    expect(outcome(again)).toBe('200')
    expect(again.json()).toMatchObject({ level: 'real_name' })
  },
)

test('公安 down fails the face check only: login, refresh and challenges still work', async () => {
  await setFaults(gonganUrl, { errorRate: 1 })
  const t = await sys.login('gongan-down-login')
  const refreshed = await sys.call({
    method: 'POST',
    url: '/v1/auth/refresh',
    payload: { refreshToken: t.refreshToken },
  })
  expect(outcome(refreshed)).toBe('200')
  const started = await sys.call({ method: 'POST', url: '/v1/face/challenges', headers: bearer(t.accessToken) })
  expect(outcome(started)).toBe('201')
})

test('WeChat down fails new logins only: a signed-in citizen refreshes and passes a face check', async () => {
  const t = await sys.login('wechat-down-session')
  await setFaults(sys.wechatUrl, { errorRate: 1 })
  const refreshed = await sys.call({
    method: 'POST',
    url: '/v1/auth/refresh',
    payload: { refreshToken: t.refreshToken },
  })
  expect(outcome(refreshed)).toBe('200')
  const token = refreshed.json().accessToken as string
  expect(outcome(await verify(token, await challenge(token), 43))).toBe('200')
})

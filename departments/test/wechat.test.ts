// The WeChat stand-in: one-time codes, code2session, WeChat's error codes, the minute quota and the authorize page.
import { Code2SessionReplySchema, WECHAT_ERRORS } from '@ysx/shared'
import { buildWechatApp } from '../src/wechat/app'
import type { DepartmentApp } from '../src/harness'

const APPID = 'wx-test-app'
const SECRET = 'test-secret'
const START = Date.UTC(2026, 10, 23)
let clock = START
let dept: DepartmentApp

beforeEach(async () => {
  clock = START
  dept = buildWechatApp({
    dbFile: ':memory:',
    appId: APPID,
    appSecret: SECRET,
    logLevel: 'silent',
    perUserPerMinute: 3,
    now: () => clock,
  })
  await dept.app.ready()
})
afterEach(async () => dept.app.close())

const deviceLogin = async (account = 'alice') =>
  (await dept.app.inject({ method: 'POST', url: '/sns/device-login', payload: { appid: APPID, account } })).json()
    .code as string
const exchange = async (code: string, secret = SECRET, appid = APPID) =>
  Code2SessionReplySchema.parse(
    (
      await dept.app.inject({
        method: 'GET',
        url: '/sns/jscode2session',
        query: { appid, secret, js_code: code, grant_type: 'authorization_code' },
      })
    ).json(),
  )

test('codes of one account exchange for the same openid and a fresh session_key each', async () => {
  const first = await exchange(await deviceLogin('alice'))
  const second = await exchange(await deviceLogin('alice'))
  expect('openid' in first && 'openid' in second && first.openid === second.openid).toBe(true)
  expect('session_key' in first && 'session_key' in second && first.session_key !== second.session_key).toBe(true)
})

test('the same code used twice is refused the second time with 40163', async () => {
  const code = await deviceLogin()
  await exchange(code)
  expect(await exchange(code)).toMatchObject({ errcode: WECHAT_ERRORS.CODE_USED })
})

test('a code older than 5 minutes is invalid (40029)', async () => {
  const code = await deviceLogin()
  clock += 5 * 60_000 + 1
  expect(await exchange(code)).toMatchObject({ errcode: WECHAT_ERRORS.INVALID_CODE })
})

test('a wrong app secret is refused (40125) and does not burn the code', async () => {
  const code = await deviceLogin()
  expect(await exchange(code, 'nope')).toMatchObject({ errcode: WECHAT_ERRORS.INVALID_SECRET })
  expect(await exchange(code)).toHaveProperty('openid')
})

test('another app’s appid is refused (40013) and does not burn the code', async () => {
  const code = await deviceLogin()
  expect(await exchange(code, SECRET, 'wx-another-app')).toMatchObject({ errcode: WECHAT_ERRORS.INVALID_APPID })
  expect(await exchange(code)).toHaveProperty('openid')
})

test('past the per-user minute quota code2session answers 45011', async () => {
  const replies = []
  for (let i = 0; i < 4; i += 1) replies.push(await exchange(await deviceLogin('bob')))
  expect(replies.slice(0, 3).every((r) => 'openid' in r)).toBe(true)
  expect(replies[3]).toMatchObject({ errcode: WECHAT_ERRORS.MINUTE_QUOTA })
  clock += 60_001
  expect(await exchange(await deviceLogin('bob'))).toHaveProperty('openid')
})

test('the authorize page is HTML that sends the user back only to a registered redirect URI', async () => {
  const ok = await dept.app.inject({
    method: 'GET',
    url: '/connect/oauth2/authorize',
    query: { appid: APPID, redirect_uri: 'http://localhost:3000/#/pages/login/index', state: 's1' },
  })
  expect(ok.statusCode).toBe(200)
  expect(ok.headers['content-type']).toMatch(/text\/html/)
  expect(ok.body).toMatch(/^<!doctype html>/)
  expect(ok.body).toContain('微信授权登录')
  const evil = await dept.app.inject({
    method: 'GET',
    url: '/connect/oauth2/authorize',
    query: { appid: APPID, redirect_uri: 'https://evil.example/steal', state: '' },
  })
  expect(evil.statusCode).toBe(400)
})

const REGISTERED = 'http://localhost:3000/#/pages/login/index'
const authorize = (redirectUri: string) =>
  dept.app.inject({
    method: 'GET',
    url: '/connect/oauth2/authorize',
    query: { appid: APPID, redirect_uri: redirectUri, state: 's1' },
  })

test('a redirect_uri that only shares the registered host cannot steal the login code: javascript:, other path, port, userinfo', async () => {
  const attacks = {
    'javascript: URL naming the host': 'javascript://localhost/%0Aalert(document.cookie)',
    'javascript: URL with the registered port': 'javascript://localhost:3000/%0Afetch(`//evil.example/${location}`)',
    'another path on the host': 'http://localhost:3000/evil.html#/pages/login/index',
    'a path prefix match': 'http://localhost:3000/#/pages/login/index/../../../evil',
    'an added query': 'http://localhost:3000/?next=//evil.example#/pages/login/index',
    'another port': 'http://localhost:4444/#/pages/login/index',
    'another scheme': 'https://localhost:3000/#/pages/login/index',
    'userinfo before the host': 'http://evil.example@localhost:3000/#/pages/login/index',
    'userinfo that is the host': 'http://localhost:3000@evil.example/#/pages/login/index',
    'upper-case host': 'http://LOCALHOST:3000/#/pages/login/index',
    'a data: URL': 'data:text/html,<script>alert(1)</script>',
  }
  const accepted = []
  for (const [attack, uri] of Object.entries(attacks)) {
    const res = await authorize(uri)
    if (res.statusCode !== 400) accepted.push(`${attack}: ${res.statusCode}`)
  }
  expect(accepted).toEqual([])
  expect((await authorize(REGISTERED)).statusCode).toBe(200)
})

test('a redirect URI registered for another deployment is the only one it accepts', async () => {
  const mine = 'https://ysx.example.cn/#/pages/login/index'
  const other = buildWechatApp({
    dbFile: ':memory:',
    appId: APPID,
    appSecret: SECRET,
    logLevel: 'silent',
    redirectUris: [mine],
  })
  try {
    const ask = (uri: string) =>
      other.app.inject({
        method: 'GET',
        url: '/connect/oauth2/authorize',
        query: { appid: APPID, redirect_uri: uri, state: '' },
      })
    expect((await ask(mine)).statusCode).toBe(200)
    expect((await ask(REGISTERED)).statusCode).toBe(400)
  } finally {
    await other.app.close()
  }
})

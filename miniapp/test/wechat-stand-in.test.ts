// The weapp build's login code, through src/platform as each weapp build bundles it, over real HTTP: a development
// build (TARO_APP_WECHAT_STAND_IN set) gets it from the WeChat stand-in's /sns/device-login for this device's account,
// and the code exchanges at the stand-in's code2session (as the BFF does) for one openid per device; a production weapp
// build calls wx.login and never the stand-in. Taro.request is a real fetch; storage is a Map per device.
import { createServer } from 'node:net'
import type { DepartmentApp } from '@ysx/departments/harness'
import { loadStandIn } from '@ysx/departments/stand-ins'
import type * as Platform from '../src/platform'
import { DEVICE_ACCOUNT_STORAGE, DEVICE_LOGIN_PATH } from '../src/platform/wechat-stand-in'

const APP_ID = 'wx-test-devtools'
const APP_SECRET = 'test-wechat-secret-0123456789abcdef'

/** One device's storage (a fresh Map: another phone, or devtools after its storage was cleared). */
let storage = new Map<string, unknown>()
const requested: string[] = []
const login = jest.fn(async () => ({ code: 'code-from-wx-login', errMsg: 'login:ok' }))

interface RequestOptions {
  url: string
  method: string
  header: Record<string, string>
  data: unknown
}

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    login: () => login(),
    request: async ({ url, method, header, data }: RequestOptions) => {
      requested.push(`${method} ${url}`)
      const reply = await fetch(url, { method, headers: header, body: JSON.stringify(data) })
      const text = await reply.text()
      return { statusCode: reply.status, data: text ? JSON.parse(text) : null, header: {} }
    },
    getStorageSync: (key: string): unknown => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  },
}))

/** src/platform as a weapp build bundles it, with the given stand-in values (Taro inlines them). */
function weappBuild(standIn: { url: string; appId: string } | null): typeof Platform {
  const env = process.env as Record<string, string | undefined>
  const before = { ...env }
  env.TARO_ENV = 'weapp'
  env.TARO_APP_WECHAT_STAND_IN = standIn?.url ?? ''
  env.TARO_APP_WECHAT_APP_ID = standIn?.appId ?? ''
  let loaded: typeof Platform | undefined
  jest.isolateModules(() => {
    loaded = jest.requireActual<typeof Platform>('../src/platform')
  })
  for (const key of ['TARO_ENV', 'TARO_APP_WECHAT_STAND_IN', 'TARO_APP_WECHAT_APP_ID']) {
    if (before[key] === undefined) delete env[key]
    else env[key] = before[key]
  }
  if (!loaded) throw new Error('platform did not load')
  return loaded
}

let wechat: DepartmentApp
let standInUrl: string

beforeAll(async () => {
  wechat = (await loadStandIn('wechat')).build({
    dbFile: ':memory:',
    appId: APP_ID,
    appSecret: APP_SECRET,
    logLevel: 'silent',
  })
  standInUrl = (await wechat.app.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1')
})
afterAll(async () => wechat.app.close())

beforeEach(() => {
  storage = new Map()
  requested.length = 0
  login.mockClear()
})

/** What the BFF does with a code: code2session at the stand-in, answering the openid (or WeChat's errcode). */
async function code2session(code: string): Promise<{ openid?: string; errcode?: number }> {
  const query = new URLSearchParams({
    appid: APP_ID,
    secret: APP_SECRET,
    js_code: code,
    grant_type: 'authorization_code',
  })
  return (await fetch(`${standInUrl}/sns/jscode2session?${query}`)).json() as Promise<{
    openid?: string
    errcode?: number
  }>
}

describe('a development weapp build (the WeChat stand-in)', () => {
  it('is a development build, and gets its code from the stand-in’s device login, not wx.login', async () => {
    const platform = weappBuild({ url: standInUrl, appId: APP_ID })
    expect([platform.isWeapp(), platform.isDevBuild()]).toEqual([true, true])
    const code = await platform.wechatLoginCode()
    expect(code).toMatch(/^[0-9a-f]{32}$/)
    expect(requested).toEqual([`POST ${standInUrl}${DEVICE_LOGIN_PATH}`])
    expect(login).not.toHaveBeenCalled()
    expect(await code2session(code)).toHaveProperty('openid')
  })

  it('the code is single-use at code2session, as wx.login’s is', async () => {
    const code = await weappBuild({ url: standInUrl, appId: APP_ID }).wechatLoginCode()
    expect(await code2session(code)).toHaveProperty('openid')
    expect(await code2session(code)).toMatchObject({ errcode: 40163 })
  })

  it('one device is one WeChat user: its account is made once and kept, so every code maps to the same openid', async () => {
    const platform = weappBuild({ url: standInUrl, appId: APP_ID })
    const first = await code2session(await platform.wechatLoginCode())
    const account = storage.get(DEVICE_ACCOUNT_STORAGE)
    expect(account).toMatch(/^device-[0-9a-f]{32}$/)
    const again = await code2session(await platform.wechatLoginCode())
    expect(again.openid).toBe(first.openid)
    expect(storage.get(DEVICE_ACCOUNT_STORAGE)).toBe(account)
  })

  it('another device (or cleared storage, or a malformed stored account) is another WeChat user', async () => {
    const platform = weappBuild({ url: standInUrl, appId: APP_ID })
    const mine = await code2session(await platform.wechatLoginCode())
    storage = new Map<string, unknown>([[DEVICE_ACCOUNT_STORAGE, 'alice']])
    const other = await code2session(await platform.wechatLoginCode())
    expect(other.openid).toEqual(expect.any(String))
    expect(other.openid).not.toBe(mine.openid)
    expect(storage.get(DEVICE_ACCOUNT_STORAGE)).toMatch(/^device-[0-9a-f]{32}$/)
  })

  it('rejects when the stand-in refuses the app id (a build for another stand-in)', async () => {
    const platform = weappBuild({ url: standInUrl, appId: 'wx-someone-else' })
    await expect(platform.wechatLoginCode()).rejects.toThrow('device-login:fail 400')
  })

  it('rejects when the stand-in cannot be reached', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`
    await expect(weappBuild({ url: closed, appId: APP_ID }).wechatLoginCode()).rejects.toThrow()
    expect(login).not.toHaveBeenCalled()
  })
})

describe('a production weapp build', () => {
  it('is no development build, and takes its code from wx.login without calling the stand-in', async () => {
    const platform = weappBuild(null)
    expect([platform.isWeapp(), platform.isDevBuild()]).toEqual([true, false])
    await expect(platform.wechatLoginCode()).resolves.toBe('code-from-wx-login')
    expect(login).toHaveBeenCalledTimes(1)
    expect(requested).toEqual([])
    expect(storage.has(DEVICE_ACCOUNT_STORAGE)).toBe(false)
  })
})

/** A port nothing listens on: one a server had and gave back. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

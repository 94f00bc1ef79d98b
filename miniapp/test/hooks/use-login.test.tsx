/** @jest-environment jsdom */
// useLogin in both builds: H5 goes through the WeChat authorize page and back (its state checked, single use); the
// weapp exchanges WeChat's one-time login code. Either way the BFF's refusal shows its message, and only a session
// that the BFF granted is stored.
import { act, renderHook, waitFor } from '@testing-library/react'
import { useLogin } from '../../src/hooks/use-login'
import { t } from '../../src/i18n'
import { PAGES } from '../../src/page-paths'
import { readTokens, STORAGE_KEYS } from '../../src/services/token-store'
import { answer, messageOf, ok, refusal, resetBff, routesSent, sentTo } from '../fake-bff'
import { inBuild, ORIGIN, platform, resetPlatform, wechat } from '../platform-double'
import { storage } from '../taro-mock'
import { page, resetPage } from '../taro-page'

jest.mock('@tarojs/taro', () => jest.requireActual<typeof import('../taro-page')>('../taro-page').taroModule)
jest.mock(
  '../../src/platform',
  () => jest.requireActual<typeof import('../platform-double')>('../platform-double').platform,
)

const PROFILE = {
  userId: '3f2b1c4e-8a9d-4e2f-9b1a-2c3d4e5f6a7b',
  level: 'basic',
  name: null,
  idNumber: null,
  phone: null,
  realNameAt: null,
  lastFaceVerifiedAt: null,
}
const SESSION = {
  accessToken: 'access-new',
  accessExpiresIn: 900,
  refreshToken: 'refresh-new',
  refreshExpiresIn: 3600,
  profile: PROFILE,
}
const CONFIG = { appId: 'wx-test', authorizeUrl: 'https://open.weixin.test/connect/oauth2/authorize' }
const LOGIN = 'POST /v1/auth/login'

beforeEach(() => {
  resetBff({ signedIn: false })
  resetPlatform()
  resetPage()
})

describe('H5: the WeChat authorize page', () => {
  inBuild('h5')

  it('微信登录 leaves for the authorize page with the app id, the login page as the way back and a stored state', async () => {
    answer('GET /v1/auth/config', ok(CONFIG))
    const { result } = renderHook(() => useLogin())
    act(() => result.current.loginWithWechat())
    expect(result.current.phase).toBe('redirecting')
    await waitFor(() => expect(platform.leaveFor).toHaveBeenCalledTimes(1))
    const url = new URL(platform.leaveFor.mock.calls[0]?.[0] ?? '')
    expect(`${url.origin}${url.pathname}`).toBe(CONFIG.authorizeUrl)
    expect(url.searchParams.get('appid')).toBe('wx-test')
    expect(url.searchParams.get('redirect_uri')).toBe(`${ORIGIN}/#${PAGES.login}`)
    expect(url.searchParams.get('state')).toBe(storage.get(STORAGE_KEYS.loginState))
    expect(url.searchParams.get('state')).toMatch(/^[0-9a-f]{32}$/)
    expect(platform.wechatLoginCode).not.toHaveBeenCalled()
  })

  it('when the login configuration cannot be reached, shows the network message and stays on the page', async () => {
    answer('GET /v1/auth/config', 'unreachable')
    const { result } = renderHook(() => useLogin())
    act(() => result.current.loginWithWechat())
    await waitFor(() => expect(result.current.failure).toBe(t('common.networkError')))
    expect(result.current.phase).toBe('idle')
    expect(platform.leaveFor).not.toHaveBeenCalled()
  })

  it('back with a code and the state it sent: exchanges the code, stores the session and opens 我的', async () => {
    storage.set(STORAGE_KEYS.loginState, 'a1'.repeat(16))
    page.setParams({ code: 'code-from-wechat', state: 'a1'.repeat(16) })
    answer(LOGIN, ok(SESSION))
    renderHook(() => useLogin())
    await waitFor(() => expect(page.urls('switchTab')).toEqual([PAGES.me]))
    expect(sentTo(LOGIN).map((r) => r.data)).toEqual([{ code: 'code-from-wechat' }])
    expect(readTokens()).toMatchObject({ accessToken: 'access-new', refreshToken: 'refresh-new' })
    expect(storage.has(STORAGE_KEYS.loginState)).toBe(false)
  })

  it('back with a state this browser did not send: refuses with the mismatch message and sends no code', async () => {
    storage.set(STORAGE_KEYS.loginState, 'a1'.repeat(16))
    page.setParams({ code: 'code-from-wechat', state: 'b2'.repeat(16) })
    const { result } = renderHook(() => useLogin())
    await waitFor(() => expect(result.current.failure).toBe(t('login.stateMismatch')))
    expect(routesSent()).toEqual([])
    expect(readTokens()).toBeNull()
  })

  it('back a second time with the same state (the kept state is single use): refuses it', async () => {
    storage.set(STORAGE_KEYS.loginState, 'a1'.repeat(16))
    page.setParams({ code: 'code-1', state: 'a1'.repeat(16) })
    answer(LOGIN, ok(SESSION))
    renderHook(() => useLogin())
    await waitFor(() => expect(sentTo(LOGIN)).toHaveLength(1))
    const again = renderHook(() => useLogin())
    await waitFor(() => expect(again.result.current.failure).toBe(t('login.stateMismatch')))
    expect(sentTo(LOGIN)).toHaveLength(1)
  })

  it('back with WeChat’s refusal (the citizen denied): shows the denied message and sends nothing', async () => {
    storage.set(STORAGE_KEYS.loginState, 'c3'.repeat(16))
    page.setParams({ error: 'access_denied', state: 'c3'.repeat(16) })
    const { result } = renderHook(() => useLogin())
    await waitFor(() => expect(result.current.failure).toBe(t('login.denied')))
    expect(routesSent()).toEqual([])
  })

  it('the BFF refuses the code (AUTH_CODE_INVALID): shows its message, stores no session, stays on the page', async () => {
    storage.set(STORAGE_KEYS.loginState, 'd4'.repeat(16))
    page.setParams({ code: 'used-code', state: 'd4'.repeat(16) })
    answer(LOGIN, refusal('AUTH_CODE_INVALID'))
    const { result } = renderHook(() => useLogin())
    await waitFor(() => expect(result.current.failure).toBe(messageOf('AUTH_CODE_INVALID')))
    expect(result.current.failure).not.toContain('AUTH_CODE_INVALID')
    expect(result.current.phase).toBe('idle')
    expect(readTokens()).toBeNull()
    expect(page.urls('switchTab')).toEqual([])
  })

  it('a page opened without a code or state does nothing until 微信登录', () => {
    const { result } = renderHook(() => useLogin())
    expect(result.current).toMatchObject({ phase: 'idle', failure: null })
    expect(routesSent()).toEqual([])
  })
})

describe('weapp: WeChat’s login code', () => {
  inBuild('weapp')

  it('微信登录 sends the one-time code WeChat gave, stores the session and opens 我的', async () => {
    answer(LOGIN, ok(SESSION))
    const { result } = renderHook(() => useLogin())
    act(() => result.current.loginWithWechat())
    await waitFor(() => expect(page.urls('switchTab')).toEqual([PAGES.me]))
    expect(wechat.issued).toHaveLength(1)
    expect(sentTo(LOGIN).map((r) => r.data)).toEqual([{ code: wechat.issued[0] }])
    expect(readTokens()).toMatchObject({ accessToken: 'access-new' })
    expect(platform.leaveFor).not.toHaveBeenCalled()
  })

  it('each attempt asks WeChat for a new code (a code is single use)', async () => {
    answer(LOGIN, refusal('AUTH_CODE_INVALID'), ok(SESSION))
    const { result } = renderHook(() => useLogin())
    act(() => result.current.loginWithWechat())
    await waitFor(() => expect(result.current.failure).toBe(messageOf('AUTH_CODE_INVALID')))
    act(() => result.current.loginWithWechat())
    await waitFor(() => expect(page.urls('switchTab')).toEqual([PAGES.me]))
    expect(sentTo(LOGIN).map((r) => r.data)).toEqual(wechat.issued.map((code) => ({ code })))
    expect(new Set(wechat.issued).size).toBe(2)
  })

  it('when WeChat gives no code, shows the WeChat failure message and sends nothing to the BFF', async () => {
    wechat.down = true
    const { result } = renderHook(() => useLogin())
    act(() => result.current.loginWithWechat())
    await waitFor(() => expect(result.current.failure).toBe(t('login.wechatFailed')))
    expect(routesSent()).toEqual([])
  })

  it('when WeChat’s login server is down behind the BFF (UPSTREAM_UNAVAILABLE), shows that message', async () => {
    answer(LOGIN, refusal('UPSTREAM_UNAVAILABLE'))
    const { result } = renderHook(() => useLogin())
    act(() => result.current.loginWithWechat())
    await waitFor(() => expect(result.current.failure).toBe(messageOf('UPSTREAM_UNAVAILABLE')))
    expect(result.current.phase).toBe('idle')
    expect(readTokens()).toBeNull()
  })

  it('ignores a code and state in the page’s query (only H5 comes back from the authorize page)', () => {
    storage.set(STORAGE_KEYS.loginState, 'e5'.repeat(16))
    page.setParams({ code: 'code-in-link', state: 'e5'.repeat(16) })
    const { result } = renderHook(() => useLogin())
    expect(result.current.failure).toBeNull()
    expect(routesSent()).toEqual([])
    expect(storage.get(STORAGE_KEYS.loginState)).toBe('e5'.repeat(16))
  })
})

// services/auth.ts: login stores the tokens, logout clears them whatever the BFF says, the H5 login state is single use.
import * as auth from '../src/services/auth'
import { readTokens, saveTokens, STORAGE_KEYS } from '../src/services/token-store'
import { failWith, replyWith, requestMock, sent, storage } from './taro-mock'

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: jest.requireActual<typeof import('./taro-mock')>('./taro-mock').taro,
}))

const profile = {
  userId: '3f2b1c4e-8a9d-4e2f-9b1a-2c3d4e5f6a7b',
  level: 'basic',
  name: null,
  idNumber: null,
  phone: null,
  realNameAt: null,
  lastFaceVerifiedAt: null,
}
const tokens = { accessToken: 'access-1', accessExpiresIn: 900, refreshToken: 'refresh-1', refreshExpiresIn: 3600 }

beforeEach(() => {
  requestMock.mockReset()
  storage.clear()
})

it('exchanges the code, stores the tokens and returns the profile', async () => {
  replyWith(200, { ...tokens, profile })
  await expect(auth.login('code-1')).resolves.toEqual(profile)
  expect(sent()).toMatchObject({ url: '/v1/auth/login', method: 'POST', data: { code: 'code-1' } })
  expect(readTokens()).toMatchObject({ accessToken: 'access-1', refreshToken: 'refresh-1' })
  expect(auth.hasSession()).toBe(true)
})

it('logs out at the BFF with the access token and clears the tokens even when the BFF cannot be reached', async () => {
  saveTokens(tokens)
  failWith(new Error('request:fail'))
  await expect(auth.logout()).rejects.toMatchObject({ code: 'NETWORK_ERROR' })
  expect(sent().header).toMatchObject({ Authorization: 'Bearer access-1' })
  expect(auth.hasSession()).toBe(false)
})

it('keeps the H5 login state once: the matching state passes the first time only, a foreign one never', () => {
  const state = auth.newLoginState()
  expect(state).toMatch(/^[0-9a-f]{32}$/)
  expect(storage.get(STORAGE_KEYS.loginState)).toBe(state)
  expect(auth.takeLoginState(state)).toBe(true)
  expect(auth.takeLoginState(state)).toBe(false)
  auth.newLoginState()
  expect(auth.takeLoginState('forged')).toBe(false)
})

it('builds the authorize address with the app id, the encoded return address and the state', () => {
  const url = auth.authorizeUrl(
    { appId: 'wx-1', authorizeUrl: 'http://localhost:4100/connect/oauth2/authorize' },
    'http://127.0.0.1:3000/#/pages/login/index',
    's1',
  )
  expect(url).toBe(
    `http://localhost:4100/connect/oauth2/authorize?appid=wx-1&redirect_uri=${encodeURIComponent('http://127.0.0.1:3000/#/pages/login/index')}&state=s1`,
  )
})

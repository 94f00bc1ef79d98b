// services/client.ts on Bearer routes: the token is sent, refreshed once for concurrent callers, a refused refresh ends it.
import { bffContracts } from '@ysx/shared'
import { ApiError, request } from '../src/services/client'
import { readTokens, saveTokens, STORAGE_KEYS } from '../src/services/token-store'
import { requestMock, type SentRequest, sent, storage } from './taro-mock'

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
const rotated = { accessToken: 'access-2', accessExpiresIn: 900, refreshToken: 'refresh-2', refreshExpiresIn: 3600 }
const envelope = (code: string, message = code) => ({ code, message, requestId: 'req-1' })

type Reply = { statusCode: number; data: unknown }
/** Answers by route and by the access token sent; a refresh reply may be held until the test lets it go. */
function serve(routes: {
  me?: (access: string) => Reply
  refresh?: () => Reply | Promise<Reply>
  logout?: () => Reply
}) {
  requestMock.mockImplementation(async (options: SentRequest) => {
    const access = String(options.header?.Authorization ?? '').replace(/^Bearer /, '')
    const route =
      options.url === '/v1/me'
        ? routes.me?.(access)
        : options.url === '/v1/auth/refresh'
          ? await routes.refresh?.()
          : options.url === '/v1/auth/logout'
            ? routes.logout?.()
            : undefined
    if (!route) throw new Error(`unexpected request to ${options.url}`)
    return { ...route, header: {} }
  })
}
const expiredUnless =
  (fresh: string) =>
  (access: string): Reply =>
    access === fresh ? { statusCode: 200, data: profile } : { statusCode: 401, data: envelope('AUTH_TOKEN_EXPIRED') }
const urls = () => requestMock.mock.calls.map(([options]) => options.url)
/** A reply the test sends when it chooses: the refresh in flight while other calls meet the expired token. */
function held(reply: Reply) {
  let release: () => void = () => undefined
  const answer = new Promise<Reply>((resolve) => {
    release = () => resolve(reply)
  })
  return { answer: () => answer, release }
}
/** Runs every reaction already queued (promise callbacks), so the calls in flight go as far as they can. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve))
const refreshCalls = () => urls().filter((url) => url === '/v1/auth/refresh').length

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (e: unknown) => e,
  )
  if (!(error instanceof ApiError)) throw error
  return error
}

beforeEach(() => {
  requestMock.mockReset()
  storage.clear()
  saveTokens({ accessToken: 'access-1', accessExpiresIn: 900, refreshToken: 'refresh-1', refreshExpiresIn: 3600 })
})

it('sends the stored access token as a Bearer header to routes whose contract declares headers, and only to those', async () => {
  serve({ me: expiredUnless('access-1') })
  await expect(request(bffContracts.auth.me)).resolves.toEqual(profile)
  expect(sent().header).toMatchObject({ Authorization: 'Bearer access-1' })

  requestMock.mockReset()
  requestMock.mockResolvedValueOnce({
    statusCode: 200,
    data: { appId: 'wx', authorizeUrl: 'http://localhost:4100/a' },
    header: {},
  })
  await request(bffContracts.auth.config)
  expect(sent().header).not.toHaveProperty('Authorization')
})

it('fails with AUTH_REQUIRED without sending anything when no tokens are stored', async () => {
  storage.clear()
  const error = await rejection(request(bffContracts.auth.me))
  expect(error).toMatchObject({ code: 'AUTH_REQUIRED', status: 401 })
  expect(requestMock).not.toHaveBeenCalled()
})

it('refreshes once for two concurrent calls that both meet an expired token, and retries each with the new one', async () => {
  const refresh = held({ statusCode: 200, data: rotated })
  serve({ me: expiredUnless('access-2'), refresh: refresh.answer })
  const both = Promise.all([request(bffContracts.auth.me), request(bffContracts.auth.me)])
  await settle()
  // Both calls met the expired token while the one refresh is in flight.
  expect(urls()).toEqual(['/v1/me', '/v1/me', '/v1/auth/refresh'])
  refresh.release()
  const [a, b] = await both
  expect(a).toEqual(profile)
  expect(b).toEqual(profile)
  expect(refreshCalls()).toBe(1)
  const [refreshCall] = requestMock.mock.calls.find(([options]) => options.url === '/v1/auth/refresh')!
  expect(refreshCall.data).toEqual({ refreshToken: 'refresh-1' })
  expect(refreshCall.header).not.toHaveProperty('Authorization')
  expect(urls().filter((url) => url === '/v1/me')).toHaveLength(4)
  expect(readTokens()).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2' })
})

it('does not refresh again for a call whose token expired while another caller had already refreshed', async () => {
  let release: () => void = () => undefined
  const gate = new Promise<void>((resolve) => {
    release = resolve
  })
  requestMock.mockImplementation(async (options: SentRequest) => {
    if (options.header?.Authorization === 'Bearer access-2') return { statusCode: 200, data: profile, header: {} }
    await gate
    return { statusCode: 401, data: envelope('AUTH_TOKEN_EXPIRED'), header: {} }
  })
  const late = request(bffContracts.auth.me)
  // Another caller's refresh lands while this call's reply (to the old token) is still on its way.
  saveTokens(rotated)
  release()
  await expect(late).resolves.toEqual(profile)
  expect(urls()).toEqual(['/v1/me', '/v1/me'])
})

it("ends the session when the refresh is refused: both callers get AUTH_REQUIRED with the BFF's reason, tokens cleared", async () => {
  const reason = '检测到异常登录，已为您退出所有相关会话，请重新登录'
  const refresh = held({ statusCode: 401, data: envelope('AUTH_REFRESH_REUSED', reason) })
  serve({ me: expiredUnless('never'), refresh: refresh.answer })
  const both = Promise.all([rejection(request(bffContracts.auth.me)), rejection(request(bffContracts.auth.me))])
  await settle()
  expect(urls()).toEqual(['/v1/me', '/v1/me', '/v1/auth/refresh'])
  refresh.release()
  const errors = await both
  for (const error of errors) expect(error).toMatchObject({ code: 'AUTH_REQUIRED', status: 401, message: reason })
  expect(refreshCalls()).toBe(1)
  expect(storage.has(STORAGE_KEYS.tokens)).toBe(false)
})

it('ends the session without refreshing on any other 401', async () => {
  serve({ me: () => ({ statusCode: 401, data: envelope('AUTH_TOKEN_INVALID') }) })
  const error = await rejection(request(bffContracts.auth.me))
  expect(error.code).toBe('AUTH_REQUIRED')
  expect(refreshCalls()).toBe(0)
  expect(readTokens()).toBeNull()
})

it('retries only once: a 401 after the refresh ends the session', async () => {
  serve({ me: expiredUnless('never'), refresh: () => ({ statusCode: 200, data: rotated }) })
  const error = await rejection(request(bffContracts.auth.me))
  expect(error.code).toBe('AUTH_REQUIRED')
  expect(urls()).toEqual(['/v1/me', '/v1/auth/refresh', '/v1/me'])
  expect(readTokens()).toBeNull()
})

it('keeps the tokens when the refresh never got an answer, and reports the network failure', async () => {
  serve({ me: expiredUnless('access-2'), refresh: () => Promise.reject(new Error('request:fail')) })
  const error = await rejection(request(bffContracts.auth.me))
  expect(error.code).toBe('NETWORK_ERROR')
  expect(readTokens()).toMatchObject({ accessToken: 'access-1', refreshToken: 'refresh-1' })
})

it('accepts the empty 204 reply of logout', async () => {
  serve({ logout: () => ({ statusCode: 204, data: '' }) })
  await expect(request(bffContracts.auth.logout)).resolves.toBeNull()
  expect(sent().method).toBe('POST')
  expect(sent().data).toBeUndefined()
})

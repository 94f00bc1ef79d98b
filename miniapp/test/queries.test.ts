// services/dashboard.ts and services/queries.ts: each calls its route with the Bearer token; a department outage is a coded ApiError.
import { dashboard } from '../src/services/dashboard'
import * as queries from '../src/services/queries'
import { saveTokens } from '../src/services/token-store'
import { replyWith, requestMock, sent, storage } from './taro-mock'

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: jest.requireActual<typeof import('./taro-mock')>('./taro-mock').taro,
}))

const tokens = { accessToken: 'access-1', accessExpiresIn: 900, refreshToken: 'refresh-1', refreshExpiresIn: 3600 }
const unavailable = { status: 'unavailable', code: 'UPSTREAM_TIMEOUT', message: '部门系统响应超时，请稍后重试' }
const violations = { violations: [], unpaidCount: 0, unpaidFines: 0 }

beforeEach(() => {
  requestMock.mockReset()
  storage.clear()
  saveTokens(tokens)
})

it('loads the dashboard with the access token and keeps an unavailable section as it came', async () => {
  replyWith(200, {
    generatedAt: '2026-11-23T08:00:00.000Z',
    sections: {
      cards: { status: 'ok', data: { cards: [], unavailableFrom: ['jiaoguan'] } },
      socialSecurity: { status: 'ok', data: null },
      medicalInsurance: unavailable,
      housingFund: { status: 'ok', data: { balance: 1234.5, status: '缴存' } },
      violations: { status: 'ok', data: { unpaidCount: 1, unpaidFines: 200 } },
      healthCode: { status: 'ok', data: { color: 'green', lastTestAt: null } },
    },
  })
  const result = await dashboard()
  expect(sent()).toMatchObject({ url: '/v1/dashboard', method: 'GET', header: { Authorization: 'Bearer access-1' } })
  expect(result.sections.medicalInsurance).toEqual(unavailable)
  expect(result.sections.housingFund).toEqual({ status: 'ok', data: { balance: 1234.5, status: '缴存' } })
})

it('signed out (a first visit), the dashboard is AUTH_REQUIRED at once, with no call', async () => {
  storage.clear()
  await expect(dashboard()).rejects.toMatchObject({ code: 'AUTH_REQUIRED', status: 401 })
  expect(requestMock).not.toHaveBeenCalled()
})

it.each([
  ['medicalInsurance', '/v1/medical-insurance', { account: null, spending: [] }],
  ['contributions', '/v1/social-security/contributions', null],
  ['pension', '/v1/social-security/pension', null],
  ['housingFund', '/v1/housing-fund', { account: null, statement: null }],
  ['violations', '/v1/traffic/violations', violations],
] as const)('%s calls GET %s', async (name, url, body) => {
  replyWith(200, body)
  await expect(queries[name]()).resolves.toEqual(body)
  expect(sent()).toMatchObject({ url, method: 'GET', header: { Authorization: 'Bearer access-1' } })
})

it('pages 我的数据使用记录 with limit and before', async () => {
  replyWith(200, { records: [], nextBefore: null })
  await queries.dataAccess({ limit: 20, before: '2026-11-23T08:00:00.000Z' })
  expect(sent().url).toBe(`/v1/me/data-access?limit=20&before=${encodeURIComponent('2026-11-23T08:00:00.000Z')}`)
})

it('turns a department outage (503 envelope) into an ApiError with its code and message', async () => {
  replyWith(503, { code: 'UPSTREAM_UNAVAILABLE', message: '部门系统暂时无法访问，请稍后重试', requestId: 'r-1' })
  await expect(queries.violations()).rejects.toMatchObject({
    code: 'UPSTREAM_UNAVAILABLE',
    status: 503,
    message: '部门系统暂时无法访问，请稍后重试',
  })
})

it('asks for a login without calling the BFF when there is no session', async () => {
  storage.clear()
  await expect(queries.housingFund()).rejects.toMatchObject({ code: 'AUTH_REQUIRED', status: 401 })
  expect(requestMock).not.toHaveBeenCalled()
})

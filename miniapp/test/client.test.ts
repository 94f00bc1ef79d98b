// services/client.ts: builds the request from the contract, parses replies by it, and fails with ApiError.
import { z } from '@ysx/shared/z'
import { bffContracts, defineContracts } from '@ysx/shared'
import { ApiError, request, serverNow } from '../src/services/client'
import { currentLocale, t } from '../src/i18n'
import { failWith, replyWith, requestMock, type SentRequest, sent } from './taro-mock'

// The UI locale as the i18n module reports it: the real one unless a test says otherwise.
jest.mock('../src/i18n', () => {
  const actual = jest.requireActual<typeof import('../src/i18n')>('../src/i18n')
  return { ...actual, currentLocale: jest.fn(actual.currentLocale) }
})

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    request: (options: SentRequest) =>
      jest.requireActual<typeof import('./taro-mock')>('./taro-mock').requestMock(options),
  },
}))

const RECEIPT_ID = '3f2b1c4e-8a9d-4e2f-9b1a-2c3d4e5f6a7b'
const receipt = {
  id: RECEIPT_ID,
  category: 'bug',
  status: 'received',
  contact: '138****5678',
  createdAt: '2025-01-01T00:00:00.000Z',
}

const listContracts = defineContracts({
  list: {
    method: 'GET',
    path: '/v1/things',
    summary: 'test route with a query',
    tag: 'test',
    query: z.object({ page: z.number().int(), tag: z.array(z.string()).optional(), q: z.string().optional() }),
    responses: { 200: z.object({ items: z.array(z.string()) }) },
  },
})

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

beforeEach(() => requestMock.mockReset())

describe('request', () => {
  it('fills the path parameters into the contract path and sends no body on GET', async () => {
    replyWith(200, receipt)
    await request(bffContracts.feedback.show, { params: { id: RECEIPT_ID } })
    expect(sent().url).toBe(`/v1/feedback/${RECEIPT_ID}`)
    expect(sent().method).toBe('GET')
    expect(sent().data).toBeUndefined()
  })

  it('serialises the query after validating it, repeating array keys and escaping values', async () => {
    replyWith(200, { items: [] })
    await request(listContracts.list, { query: { page: 2, tag: ['a', 'b c'], q: '社保' } })
    expect(sent().url).toBe(`/v1/things?page=2&tag=a&tag=b%20c&q=${encodeURIComponent('社保')}`)
  })

  it('sends the body as JSON, and the UI locale as Accept-Language: zh-CN by default', async () => {
    replyWith(201, receipt)
    await request(bffContracts.feedback.create, { body: { category: 'bug', content: '首页图标点了没反应' } })
    expect(sent().header).toMatchObject({ 'Accept-Language': 'zh-CN', 'Content-Type': 'application/json' })
    expect(sent().method).toBe('POST')
    expect(sent().data).toEqual({ category: 'bug', content: '首页图标点了没反应' })
  })

  it('sends whichever locale the i18n module reports as Accept-Language, on every request', async () => {
    // Only zh-CN ships today: another locale stands in for a second one, to show the header follows the UI's.
    jest.mocked(currentLocale).mockReturnValueOnce('zh-HK' as ReturnType<typeof currentLocale>)
    replyWith(200, receipt)
    replyWith(200, receipt)
    await request(bffContracts.feedback.show, { params: { id: RECEIPT_ID } })
    await request(bffContracts.feedback.show, { params: { id: RECEIPT_ID } })
    expect([sent(0).header?.['Accept-Language'], sent(1).header?.['Accept-Language']]).toEqual(['zh-HK', 'zh-CN'])
  })

  it('resolves with the body parsed by the contract schema for a 2xx status', async () => {
    replyWith(201, receipt)
    await expect(
      request(bffContracts.feedback.create, { body: { category: 'bug', content: '首页图标点了没反应' } }),
    ).resolves.toEqual(receipt)
  })

  it('throws ApiError carrying the envelope code, message, request id and details on a 4xx', async () => {
    const details = [{ path: 'body.content', message: 'too short' }]
    replyWith(400, { code: 'VALIDATION_FAILED', message: '提交的信息有误，请检查后重试', requestId: 'req-42', details })
    const error = await rejection(
      request(bffContracts.feedback.create, { body: { category: 'bug', content: '五个字以上' } }),
    )
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400, requestId: 'req-42', details })
    expect(error.message).toBe('提交的信息有误，请检查后重试')
  })

  it('throws a NETWORK_ERROR ApiError with the localised message when Taro.request rejects', async () => {
    failWith(new Error('request:fail timeout'))
    const error = await rejection(request(bffContracts.feedback.show, { params: { id: RECEIPT_ID } }))
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: 0, requestId: '' })
    expect(error.message).toBe(t('common.networkError'))
  })

  it('rejects a 2xx body that does not match the contract', async () => {
    replyWith(200, { ...receipt, id: 'not-a-uuid' })
    const error = await rejection(request(bffContracts.feedback.show, { params: { id: RECEIPT_ID } }))
    expect(error).toMatchObject({ code: 'BAD_RESPONSE', status: 200 })
    expect(error.message).toBe(t('common.badResponse'))
  })

  it('rejects a 2xx status the contract does not declare', async () => {
    replyWith(200, receipt)
    const error = await rejection(
      request(bffContracts.feedback.create, { body: { category: 'bug', content: '首页图标点了没反应' } }),
    )
    expect(error).toMatchObject({ code: 'BAD_RESPONSE', status: 200 })
  })

  it('rejects an error reply that is not the error envelope, keeping its status', async () => {
    replyWith(502, '<html>Bad Gateway</html>')
    const error = await rejection(request(bffContracts.feedback.show, { params: { id: RECEIPT_ID } }))
    expect(error).toMatchObject({ code: 'BAD_RESPONSE', status: 502 })
  })

  it('refuses a body the contract rejects without sending anything', async () => {
    const error = await rejection(request(bffContracts.feedback.create, { body: { category: 'bug', content: '短' } }))
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 0 })
    expect(error.details.map((d) => d.path)).toEqual(['body.content'])
    expect(requestMock).not.toHaveBeenCalled()
  })
})

describe("the BFF's clock (serverNow), from each reply's Date header", () => {
  // The phone's clock, standing still (jest's fake Date): on a whole second, as a Date header is.
  const NOW = Date.UTC(2026, 10, 23, 9)
  const replyDated = async (header: Record<string, string>) => {
    requestMock.mockResolvedValueOnce({ statusCode: 200, data: receipt, header })
    await request(bffContracts.feedback.show, { params: { id: RECEIPT_ID } })
  }
  const dated = (ms: number) => ({ date: new Date(ms).toUTCString() })

  beforeEach(() => jest.useFakeTimers({ now: NOW }))
  afterEach(() => jest.useRealTimers())

  it('runs ahead of the phone by the difference the header shows, and keeps that difference as time goes on', async () => {
    await replyDated(dated(NOW + 120_000))
    expect(serverNow()).toBe(NOW + 120_000)
    jest.setSystemTime(NOW + 5_000)
    expect(serverNow()).toBe(NOW + 125_000)
  })

  it('agrees with the phone when the header is 1 s off either way (within its one-second resolution)', async () => {
    await replyDated(dated(NOW + 120_000))
    await replyDated(dated(NOW + 1_000))
    expect(serverNow()).toBe(NOW)
    await replyDated(dated(NOW + 120_000))
    await replyDated(dated(NOW - 1_000))
    expect(serverNow()).toBe(NOW)
  })

  it('keeps a difference of 2 s or more, behind as well as ahead', async () => {
    await replyDated(dated(NOW - 2_000))
    expect(serverNow()).toBe(NOW - 2_000)
    await replyDated({ Date: new Date(NOW + 2_000).toUTCString() })
    expect(serverNow()).toBe(NOW + 2_000)
  })

  it('keeps the last difference when a reply has no Date header or one that is not a date', async () => {
    await replyDated(dated(NOW + 60_000))
    await replyDated({})
    expect(serverNow()).toBe(NOW + 60_000)
    await replyDated({ date: 'yesterday' })
    expect(serverNow()).toBe(NOW + 60_000)
  })
})

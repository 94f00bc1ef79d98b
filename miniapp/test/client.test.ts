// services/client.ts: builds the request from the contract, parses replies by it, and fails with ApiError.
import { bffContracts, defineContracts, z } from '@ysx/shared'
import { ApiError, request, serverNow } from '../src/services/client'
import { t } from '../src/i18n'
import { failWith, replyWith, requestMock, type SentRequest, sent } from './taro-mock'

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

  it('sends the UI locale as Accept-Language and the body as JSON', async () => {
    replyWith(201, receipt)
    await request(bffContracts.feedback.create, { body: { category: 'bug', content: '首页图标点了没反应' } })
    expect(sent().header).toMatchObject({ 'Accept-Language': 'zh-CN', 'Content-Type': 'application/json' })
    expect(sent().method).toBe('POST')
    expect(sent().data).toEqual({ category: 'bug', content: '首页图标点了没反应' })
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
    expect(error.code).toBe('BAD_RESPONSE')
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

  it("keeps the BFF's clock from the Date header, ignoring differences within its one-second resolution", async () => {
    const reply = (date: Date) =>
      requestMock.mockResolvedValueOnce({ statusCode: 200, data: receipt, header: { date: date.toUTCString() } })
    reply(new Date(Date.now() + 120_000))
    await request(bffContracts.feedback.show, { params: { id: RECEIPT_ID } })
    expect(Math.abs(serverNow() - (Date.now() + 120_000))).toBeLessThan(1500)
    reply(new Date(Date.now() - 500))
    await request(bffContracts.feedback.show, { params: { id: RECEIPT_ID } })
    expect(Math.abs(serverNow() - Date.now())).toBeLessThan(50)
  })
})

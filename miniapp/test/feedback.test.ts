// services/feedback.ts: submitFeedback posts to the feedback contract and returns the receipt.
import { submitFeedback } from '../src/services/feedback'
import { replyWith, requestMock, type SentRequest, sent } from './taro-mock'

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    request: (options: SentRequest) =>
      jest.requireActual<typeof import('./taro-mock')>('./taro-mock').requestMock(options),
  },
}))

beforeEach(() => requestMock.mockReset())

it('posts the feedback to /v1/feedback with a trimmed body and returns the receipt', async () => {
  const receipt = {
    id: '3f2b1c4e-8a9d-4e2f-9b1a-2c3d4e5f6a7b',
    category: 'suggestion',
    status: 'received',
    contact: '138****5678',
    createdAt: '2025-01-01T00:00:00.000Z',
  }
  replyWith(201, receipt)
  await expect(
    submitFeedback({ category: 'suggestion', content: '  希望增加长辈模式  ', contact: '13812345678' }),
  ).resolves.toEqual(receipt)
  expect(sent()).toMatchObject({
    url: '/v1/feedback',
    method: 'POST',
    data: { category: 'suggestion', content: '希望增加长辈模式', contact: '13812345678' },
  })
})

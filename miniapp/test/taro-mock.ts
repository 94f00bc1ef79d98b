// A stand-in for Taro.request: tests queue replies (or failures) and read back what was sent.
import type Taro from '@tarojs/taro'

export type SentRequest = Taro.request.Option<unknown>

export const requestMock = jest.fn<Promise<{ statusCode: number; data: unknown; header: Record<string, string> }>, [SentRequest]>()

export function replyWith(statusCode: number, data: unknown): void {
  requestMock.mockResolvedValueOnce({ statusCode, data, header: {} })
}

export function failWith(error: Error): void {
  requestMock.mockRejectedValueOnce(error)
}

/** The options of the n-th Taro.request call (0-based). */
export function sent(n = 0): SentRequest {
  const call = requestMock.mock.calls[n]
  if (!call) throw new Error(`Taro.request was called ${requestMock.mock.calls.length} times, not ${n + 1}`)
  return call[0]
}

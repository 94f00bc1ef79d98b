// A stand-in for Taro.request and Taro's sync storage: tests queue replies, read back what was sent and what was stored.
import type Taro from '@tarojs/taro'

export type SentRequest = Taro.request.Option<unknown>

export const requestMock = jest.fn<
  Promise<{ statusCode: number; data: unknown; header: Record<string, string> }>,
  [SentRequest]
>()

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

/** Taro's sync storage, as a Map the tests can inspect and reset. */
export const storage = new Map<string, unknown>()

/** A @tarojs/taro default export with request and storage, for jest.mock factories. */
export const taro = {
  request: (options: SentRequest) => requestMock(options),
  getStorageSync: (key: string): unknown => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown): void => {
    // Taro stores a copy (weapp serialises, H5 JSON-encodes): so does the stand-in.
    storage.set(key, JSON.parse(JSON.stringify(value)))
  },
  removeStorageSync: (key: string): void => {
    storage.delete(key)
  },
}

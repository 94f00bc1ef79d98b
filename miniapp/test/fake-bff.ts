// The BFF as hook tests see it through taro-mock's Taro.request: replies by route ("POST /v1/auth/login"), the error
// envelope the BFF sends (its message in the user's language, from the shared catalogue), an unreachable BFF, and
// what was sent. A route nobody set answers 404 ROUTE_NOT_FOUND, so a request a test did not expect shows up.
import { ERROR_STATUS, type ErrorCode } from '@ysx/shared'
import { t, type TranslationKey } from '../src/i18n'
import { saveTokens } from '../src/services/token-store'
import { requestMock, type SentRequest, storage } from './taro-mock'

export interface Reply {
  status: number
  body: unknown
}
type Answer = Reply | 'unreachable' | ((request: SentRequest) => Reply | 'unreachable')

const routes = new Map<string, Answer[]>()

const routeOf = (request: SentRequest) => `${request.method ?? 'GET'} ${request.url.split('?')[0]}`

/** The message the BFF sends with a code: the catalogue's errors.<CODE>, in the user's language. */
export const messageOf = (code: ErrorCode): string => t(`errors.${code}` as TranslationKey)

/** The BFF's refusal: the code's status and envelope. */
export function refusal(code: ErrorCode, details?: { path: string; message: string }[]): Reply {
  return {
    status: ERROR_STATUS[code],
    body: { code, message: messageOf(code), requestId: 'req-test', ...(details ? { details } : {}) },
  }
}

export const ok = (body: unknown, status = 200): Reply => ({ status, body })

/**
 * Sets how a route answers: each answer is used once in order, the last one for every call after it.
 * `route` is "METHOD /path" without the query.
 */
export function answer(route: string, ...answers: Answer[]): void {
  routes.set(route, answers)
}

/** The requests sent to a route ("METHOD /path"), oldest first. */
export function sentTo(route: string): SentRequest[] {
  return requestMock.mock.calls.map(([request]) => request).filter((request) => routeOf(request) === route)
}

/** Every route requested, in order ("METHOD /path"). */
export const routesSent = (): string[] => requestMock.mock.calls.map(([request]) => routeOf(request))

/** Before each test: no routes, nothing sent, empty storage, a signed-in citizen (tokens stored). */
export function resetBff({ signedIn = true } = {}): void {
  routes.clear()
  requestMock.mockReset()
  storage.clear()
  requestMock.mockImplementation(async (request) => {
    const queued = routes.get(routeOf(request))
    const next = queued && (queued.length > 1 ? queued.shift() : queued[0])
    const reply = typeof next === 'function' ? next(request) : (next ?? refusal('ROUTE_NOT_FOUND'))
    if (reply === 'unreachable') throw new Error('request:fail')
    return { statusCode: reply.status, data: reply.body, header: {} }
  })
  if (signedIn)
    saveTokens({ accessToken: 'access-1', accessExpiresIn: 900, refreshToken: 'refresh-1', refreshExpiresIn: 3600 })
}

// The only caller of Taro.request: contract-typed calls to the BFF, with the access token kept fresh out of pages' sight.
import Taro from '@tarojs/taro'
import type { z } from 'zod'
import { buildPath, type ErrorCode, type ErrorIssue, type RouteContract } from '@ysx/shared'
import { currentLocale, t } from '../i18n'
import { clearTokens, readTokens, saveTokens, type StoredTokens } from './token-store'

/** Failures that never reach the BFF's error envelope, so they have no shared code. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE'
export type ApiErrorCode = ErrorCode | ClientErrorCode

export class ApiError extends Error {
  readonly code: ApiErrorCode
  readonly requestId: string
  /** HTTP status; 0 when no reply was received or the request was never sent */
  readonly status: number
  readonly details: ErrorIssue[]

  constructor(init: {
    code: ApiErrorCode
    message: string
    status: number
    requestId?: string
    details?: ErrorIssue[]
  }) {
    super(init.message)
    this.name = 'ApiError'
    this.code = init.code
    this.status = init.status
    this.requestId = init.requestId ?? ''
    this.details = init.details ?? []
  }
}

/** The platform did not answer (no network, or it or what is behind it is down): the cue to fall back to what the
 * device holds (a cached credential, the cached keys). */
export const unreachable = (error: unknown): boolean =>
  error instanceof ApiError && (error.code === 'NETWORK_ERROR' || error.status >= 500)

type Part = 'params' | 'query' | 'body'
type Slot<C, K extends Part> = C extends { [P in K]: infer S extends z.ZodType }
  ? { [P in K]: z.input<S> }
  : { [P in K]?: never }

/** What a call must supply: exactly the parts the contract declares. */
export type RequestInput<C extends RouteContract> = Slot<C, 'params'> & Slot<C, 'query'> & Slot<C, 'body'>

// Contracts may spread a shared error map, whose keys arrive as strings ('502'): match on the key's text either way.
type SuccessStatus<C extends RouteContract> = {
  [K in keyof C['responses']]: `${K & (string | number)}` extends `2${string}` ? K : never
}[keyof C['responses']]

/** The parsed body of any 2xx reply the contract declares. */
export type ResponseOf<C extends RouteContract> = z.output<C['responses'][SuccessStatus<C>]>

/** What Taro hands back for dataType 'json': parsed JSON, or the raw text when it was not JSON. */
type JsonReply = string | Record<string, unknown>

const API_BASE = process.env.TARO_APP_API_BASE ?? ''
const TIMEOUT_MS = 15_000

function invalidInput(error: z.ZodError, part: Part): ApiError {
  return new ApiError({
    code: 'VALIDATION_FAILED',
    message: t('errors.VALIDATION_FAILED'),
    status: 0,
    details: error.issues.map((issue) => ({
      path: [part, ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  })
}

function parsePart(schema: z.ZodType | undefined, value: unknown, part: Part): unknown {
  if (!schema) return undefined
  const result = schema.safeParse(value)
  if (!result.success) throw invalidInput(result.error, part)
  return result.data
}

function queryString(query: unknown): string {
  if (typeof query !== 'object' || query === null) return ''
  const pairs = Object.entries(query)
    .flatMap(([key, value]) =>
      Array.isArray(value) ? value.map((v: unknown) => [key, v] as const) : [[key, value] as const],
    )
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  return pairs.length ? `?${pairs.join('&')}` : ''
}

/** The BFF's clock minus ours (ms), from the Date header of the latest reply; 0 while they agree within the header's
 * one-second resolution. Deadlines the BFF sets (a challenge's expiresAt) are counted on its clock, not the phone's. */
let clockOffsetMs = 0
const CLOCK_TOLERANCE_MS = 2000

export function serverNow(): number {
  return Date.now() + clockOffsetMs
}

function noteServerDate(header: Record<string, unknown> | undefined): void {
  const value = header?.date ?? header?.Date
  const at = typeof value === 'string' ? Date.parse(value) : Number.NaN
  if (!Number.isFinite(at)) return
  const offset = at - Date.now()
  clockOffsetMs = Math.abs(offset) < CLOCK_TOLERANCE_MS ? 0 : offset
}

function badResponse(status: number): ApiError {
  return new ApiError({ code: 'BAD_RESPONSE', message: t('common.badResponse'), status })
}

/** A request checked against its contract and ready to send (or send again after a refresh). */
interface Prepared<C extends RouteContract> {
  contract: C
  url: string
  body: unknown
  /** A conditional request's If-None-Match (the ETag of what the caller holds) */
  ifNoneMatch?: string
}

function prepare<C extends RouteContract>(
  contract: C,
  input: { params?: unknown; query?: unknown; body?: unknown },
): Prepared<C> {
  const params = parsePart(contract.params, input.params, 'params') as Record<string, string | number> | undefined
  const query = parsePart(contract.query, input.query, 'query')
  const body = parsePart(contract.body, input.body, 'body')
  return { contract, url: `${API_BASE}${buildPath(contract.path, params)}${queryString(query)}`, body }
}

async function send<C extends RouteContract>(
  { contract, url, body, ifNoneMatch }: Prepared<C>,
  accessToken?: string,
): Promise<ResponseOf<C>> {
  const header: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale() }
  if (body !== undefined) header['Content-Type'] = 'application/json'
  if (accessToken) header.Authorization = `Bearer ${accessToken}`
  if (ifNoneMatch) header['If-None-Match'] = ifNoneMatch

  let reply: Taro.request.SuccessCallbackResult<JsonReply>
  try {
    reply = await Taro.request<JsonReply>({
      url,
      method: contract.method,
      header,
      data: body,
      dataType: 'json',
      timeout: TIMEOUT_MS,
    })
  } catch {
    throw new ApiError({ code: 'NETWORK_ERROR', message: t('common.networkError'), status: 0 })
  }

  noteServerDate(reply.header)
  const status = reply.statusCode
  // Not modified (a conditional request whose contract declares 304): no body; the caller keeps what it holds.
  if (status === 304 && ifNoneMatch && contract.responses[304]) return null as ResponseOf<C>
  if (status >= 200 && status < 300) {
    const schema = contract.responses[status]
    // A 204 has no body: H5 hands back null, the weapp an empty string.
    const parsed = schema?.safeParse(status === 204 ? null : reply.data)
    if (!parsed?.success) throw badResponse(status)
    return parsed.data as ResponseOf<C>
  }

  const { ErrorEnvelopeSchema } = await import('./client-contracts')
  const envelope = ErrorEnvelopeSchema.safeParse(reply.data)
  if (!envelope.success) throw badResponse(status)
  const { code, message, requestId, details } = envelope.data
  throw new ApiError({ code, message, status, requestId, details })
}

/** The session is over: tokens go, and the caller is told to log in (with the BFF's reason when there is one). */
function signedOut(cause?: ApiError): ApiError {
  clearTokens()
  return new ApiError({
    code: 'AUTH_REQUIRED',
    message: cause?.message ?? t('errors.AUTH_REQUIRED'),
    status: 401,
    ...(cause ? { requestId: cause.requestId } : {}),
  })
}

/**
 * Throws AUTH_REQUIRED, as a Bearer route's call would, when no session is stored: a service whose call cannot be made
 * signed out need not load its contract (and zod) first. The home page of a first visit asks for nothing more.
 */
export function requireSession(): void {
  if (!readTokens()) throw signedOut()
}

const isUnauthorized = (error: unknown): error is ApiError => error instanceof ApiError && error.status === 401

/** The one refresh in flight: every caller whose access token expired meanwhile waits for this same promise. */
let refreshing: Promise<StoredTokens> | null = null

async function refresh(refreshToken: string): Promise<StoredTokens> {
  try {
    const { authContracts } = await import('./client-contracts')
    return saveTokens(await send(prepare(authContracts.refresh, { body: { refreshToken } })))
  } catch (error) {
    // Rejected (400/401: expired, revoked, reused, malformed) ends the session. A network failure, a 429 or a 5xx
    // does not: the refresh token may still be good, so it is kept and the error surfaces as is.
    const rejected =
      error instanceof ApiError && (error.status === 400 || error.status === 401 || error.code === 'VALIDATION_FAILED')
    if (rejected) throw signedOut(error)
    throw error
  }
}

/** Tokens newer than `staleAccess`: another caller's refresh if one ran or is running, else one refresh now. */
function freshTokens(staleAccess: string): Promise<StoredTokens> {
  if (refreshing) return refreshing
  const current = readTokens()
  if (!current) return Promise.reject(signedOut())
  if (current.accessToken !== staleAccess) return Promise.resolve(current)
  const pending = refresh(current.refreshToken).finally(() => {
    refreshing = null
  })
  refreshing = pending
  return pending
}

/** A call to a Bearer route: the stored access token; on AUTH_TOKEN_EXPIRED one refresh, then one retry. */
async function sendAuthorized<C extends RouteContract>(prepared: Prepared<C>): Promise<ResponseOf<C>> {
  const tokens = readTokens()
  if (!tokens) throw signedOut()
  try {
    return await send(prepared, tokens.accessToken)
  } catch (error) {
    if (!isUnauthorized(error)) throw error
    if (error.code !== 'AUTH_TOKEN_EXPIRED') throw signedOut(error)
  }
  const fresh = await freshTokens(tokens.accessToken)
  try {
    return await send(prepared, fresh.accessToken)
  } catch (error) {
    if (isUnauthorized(error)) throw signedOut(error)
    throw error
  }
}

/**
 * Calls the BFF route described by `contract`; resolves with the parsed 2xx body, rejects with ApiError.
 * Routes whose contract declares `headers` (Bearer) get the access token; refreshing it is this module's business.
 */
export async function request<C extends RouteContract>(
  contract: C,
  ...[input]: object extends RequestInput<C> ? [RequestInput<C>?] : [RequestInput<C>]
): Promise<ResponseOf<C>> {
  const prepared = prepare(contract, input ?? {})
  return contract.headers ? sendAuthorized(prepared) : send(prepared)
}

/**
 * Calls a route whose contract takes a token when there is one (`auth: 'optional'`): signed in, as the citizen (with
 * the refresh of `request`); signed out, anonymously.
 */
export async function requestAsWhoever<C extends RouteContract>(
  contract: C,
  ...[input]: object extends RequestInput<C> ? [RequestInput<C>?] : [RequestInput<C>]
): Promise<ResponseOf<C>> {
  const prepared = prepare(contract, input ?? {})
  return readTokens() ? sendAuthorized(prepared) : send(prepared)
}

/**
 * A conditional GET (RFC 9110 §13.1.2): sends If-None-Match with the ETag of what the caller holds; resolves with the
 * parsed 2xx body, or null when the BFF answers 304 (what the caller holds is current). Taro.request hands a 304
 * through on both builds (on H5 it is fetch, and a manual If-None-Match bypasses the browser's cache).
 */
export async function requestUnlessMatch<C extends RouteContract>(
  contract: C,
  input: RequestInput<C>,
  ifNoneMatch: string | undefined,
): Promise<ResponseOf<C> | null> {
  const prepared = { ...prepare(contract, input), ...(ifNoneMatch ? { ifNoneMatch } : {}) }
  return contract.headers ? sendAuthorized(prepared) : send(prepared)
}

// The only caller of Taro.request: sends a contract-typed request to the BFF and parses the reply by the contract.
import Taro from '@tarojs/taro'
import type { z } from 'zod'
import { buildPath, type ErrorCode, ErrorEnvelopeSchema, type ErrorIssue, type RouteContract } from '@ysx/shared'
import { currentLocale, t } from '../i18n'

/** Failures that never reach the BFF's error envelope, so they have no shared code. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE'
export type ApiErrorCode = ErrorCode | ClientErrorCode

export class ApiError extends Error {
  readonly code: ApiErrorCode
  readonly requestId: string
  /** HTTP status; 0 when no reply was received or the request was never sent */
  readonly status: number
  readonly details: ErrorIssue[]

  constructor(init: { code: ApiErrorCode; message: string; status: number; requestId?: string; details?: ErrorIssue[] }) {
    super(init.message)
    this.name = 'ApiError'
    this.code = init.code
    this.status = init.status
    this.requestId = init.requestId ?? ''
    this.details = init.details ?? []
  }
}

type Part = 'params' | 'query' | 'body'
type Slot<C, K extends Part> = C extends { [P in K]: infer S extends z.ZodType }
  ? { [P in K]: z.input<S> }
  : { [P in K]?: never }

/** What a call must supply: exactly the parts the contract declares. */
export type RequestInput<C extends RouteContract> = Slot<C, 'params'> & Slot<C, 'query'> & Slot<C, 'body'>

type SuccessStatus<C extends RouteContract> = {
  [K in keyof C['responses']]: `${K & number}` extends `2${string}` ? K : never
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
    details: error.issues.map((issue) => ({ path: [part, ...issue.path.map(String)].join('.'), message: issue.message })),
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
    .flatMap(([key, value]) => (Array.isArray(value) ? value.map((v: unknown) => [key, v] as const) : [[key, value] as const]))
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  return pairs.length ? `?${pairs.join('&')}` : ''
}

function badResponse(status: number): ApiError {
  return new ApiError({ code: 'BAD_RESPONSE', message: t('common.badResponse'), status })
}

/** Calls the BFF route described by `contract`; resolves with the parsed 2xx body, rejects with ApiError. */
export async function request<C extends RouteContract>(
  contract: C,
  ...[input]: object extends RequestInput<C> ? [RequestInput<C>?] : [RequestInput<C>]
): Promise<ResponseOf<C>> {
  const parts: { params?: unknown; query?: unknown; body?: unknown } = input ?? {}
  const params = parsePart(contract.params, parts.params, 'params') as Record<string, string | number> | undefined
  const query = parsePart(contract.query, parts.query, 'query')
  const body = parsePart(contract.body, parts.body, 'body')
  const url = `${API_BASE}${buildPath(contract.path, params)}${queryString(query)}`

  const header: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale() }
  if (body !== undefined) header['Content-Type'] = 'application/json'

  let reply: Taro.request.SuccessCallbackResult<JsonReply>
  try {
    reply = await Taro.request<JsonReply>({ url, method: contract.method, header, data: body, dataType: 'json', timeout: TIMEOUT_MS })
  } catch {
    throw new ApiError({ code: 'NETWORK_ERROR', message: t('common.networkError'), status: 0 })
  }

  const status = reply.statusCode
  if (status >= 200 && status < 300) {
    const schema = contract.responses[status]
    const parsed = schema?.safeParse(reply.data)
    if (!parsed?.success) throw badResponse(status)
    return parsed.data as ResponseOf<C>
  }

  const envelope = ErrorEnvelopeSchema.safeParse(reply.data)
  if (!envelope.success) throw badResponse(status)
  const { code, message, requestId, details } = envelope.data
  throw new ApiError({ code, message, status, requestId, details })
}

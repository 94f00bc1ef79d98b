// Route contracts: plain data (method, path, params/query/body schemas, responses by status), with what the API
// documents about each: who may call it, the error codes it can answer, examples.
import type { ZodType } from 'zod'
import { ERROR_STATUS, type ErrorCode } from './errors'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * Who may call a route: `bearer` a signed-in citizen (Authorization: Bearer <accessToken>); `optional` anyone, and a
 * token when sent is checked; `department` a department system signing the call (HTTP Message Signatures, RFC 9421);
 * `public` anyone.
 */
export type RouteAuth = 'public' | 'bearer' | 'optional' | 'department'

/** Examples for the API docs, in the shape the route takes and answers (each one validated by a test). */
export interface RouteExamples {
  params?: Record<string, string>
  query?: Record<string, string | number>
  body?: unknown
  /** One example reply per success status */
  responses?: Record<number, unknown>
}

export interface RouteContract {
  method: HttpMethod
  /** Fastify-style path, e.g. `/v1/feedback/:id` */
  path: string
  /** One line for the API docs */
  summary: string
  /** OpenAPI tag: the feature the route belongs to */
  tag: string
  params?: ZodType
  query?: ZodType
  body?: ZodType
  headers?: ZodType
  /** Largest accepted body in bytes, where a route needs more than the server default (e.g. a face sample) */
  bodyLimit?: number
  /** Reply schemas by HTTP status */
  responses: Record<number, ZodType>
  /** Who may call it; by default `bearer` when `headers` declare authorization, else `public` */
  auth?: RouteAuth
  /** The error codes the route's own logic answers, besides those of its shape (see `routeErrorCodes`) */
  errors?: readonly ErrorCode[]
  /** Examples for the API docs */
  examples?: RouteExamples
  /**
   * A conditional GET (RFC 9110 §13): what its ETag names. Its 200 carries the ETag, a request whose If-None-Match
   * names the current one is answered 304 with the ETag and no body (the document says both).
   */
  etag?: string
  /**
   * Set when the route is being retired (docs/api.md, versions): from `since` its replies say so (`Deprecation`,
   * RFC 9745) and name `sunset`, the day it stops answering (`Sunset`, RFC 8594); the document marks it deprecated.
   */
  deprecated?: { since: string; sunset: string }
}

/** Who may call a route (see RouteAuth). */
export function routeAuth(c: RouteContract): RouteAuth {
  if (c.auth) return c.auth
  const shape = (c.headers as { shape?: Record<string, unknown> } | undefined)?.shape
  return shape && 'authorization' in shape ? 'bearer' : 'public'
}

/**
 * Every error code a route can answer: those of its shape — validation of its params, query or body, a malformed, oversized or
 * non-JSON body, its authentication, the rate limit (probes are exempt), load shedding, an internal error — and its
 * own (`errors`).
 */
export function routeErrorCodes(c: RouteContract): ErrorCode[] {
  const auth = routeAuth(c)
  const probe = c.tag === 'system'
  const codes: ErrorCode[] = [
    ...(c.params || c.query || c.body ? (['VALIDATION_FAILED'] as const) : []),
    ...(c.body ? (['BAD_REQUEST', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'] as const) : []),
    ...(auth === 'bearer' || auth === 'optional'
      ? (['AUTH_REQUIRED', 'AUTH_TOKEN_INVALID', 'AUTH_TOKEN_EXPIRED'] as const).filter(
          (code) => auth === 'bearer' || code !== 'AUTH_REQUIRED',
        )
      : []),
    ...(probe ? [] : (['RATE_LIMITED', 'OVERLOADED'] as const)),
    'INTERNAL',
    ...(c.errors ?? []),
  ]
  return [...new Set(codes)].sort((a, b) => ERROR_STATUS[a] - ERROR_STATUS[b] || a.localeCompare(b))
}

/** What a route that reads a department can answer when the department is garbled, down or slow. */
export const UPSTREAM_ERRORS = ['UPSTREAM_BAD_RESPONSE', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_TIMEOUT'] as const

/** Checks a record of contracts against RouteContract while keeping each literal type. */
export function defineContracts<const T extends Record<string, RouteContract>>(contracts: T): T {
  return contracts
}

/** Fills `:name` segments of a contract path. */
export function buildPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`missing path parameter ${name}`)
    return encodeURIComponent(String(value))
  })
}

type Pick_<C, K extends string> = C extends Record<K, infer V> ? V : undefined

interface ContractSchema<C extends RouteContract> {
  summary: string
  tags: string[]
  params: Pick_<C, 'params'>
  querystring: Pick_<C, 'query'>
  body: Pick_<C, 'body'>
  headers: Pick_<C, 'headers'>
  response: C['responses']
}

/**
 * Route options for a contract in Fastify's shape (method, url, schema), typed by the contract's zod schemas so the
 * zod type provider infers request and reply types. Plain data: no server import here.
 */
export function fromContract<const C extends RouteContract>(c: C) {
  const parts = { params: c.params, querystring: c.query, body: c.body, headers: c.headers }
  // Absent parts are left out (not set to undefined), or Fastify warns that the schema is incomplete.
  const present = Object.fromEntries(Object.entries(parts).filter(([, v]) => v !== undefined))
  const schema = { summary: c.summary, tags: [c.tag], ...present, response: c.responses }
  return {
    method: c.method,
    url: c.path,
    schema: schema as ContractSchema<C>,
    ...(c.bodyLimit ? { bodyLimit: c.bodyLimit } : {}),
  }
}

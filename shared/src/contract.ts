// Route contracts: plain data (method, path, params/query/body schemas, responses by status).
import type { ZodType } from 'zod'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

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
}

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

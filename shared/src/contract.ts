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

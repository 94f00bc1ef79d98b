// Turns a shared route contract into the Fastify route schema that the zod type provider binds.
import type { RouteContract } from '@ysx/shared'

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

/** Fastify route options for a contract: method, url and a schema typed by the contract's zod schemas. */
export function fromContract<const C extends RouteContract>(c: C) {
  const parts = { params: c.params, querystring: c.query, body: c.body, headers: c.headers }
  // Absent parts are left out (not set to undefined), or Fastify warns that the schema is incomplete.
  const present = Object.fromEntries(Object.entries(parts).filter(([, v]) => v !== undefined))
  const schema = { summary: c.summary, tags: [c.tag], ...present, response: c.responses }
  return { method: c.method, url: c.path, schema: schema as ContractSchema<C> }
}

// Department lookups: one per department, created once, over HTTP only. A reply is cached for a short while
// (viewing again does not call the department again); the caller is told whether the department was asked, so
// that the data-use service can record every call made for a citizen. Nothing here writes a database.
import type { z } from '@ysx/shared/z'
import {
  type CitizenLookupSchema,
  type PopulationDepartment,
  POPULATION_DEPARTMENT_CODES,
  type RouteContract,
} from '@ysx/shared'
import { LRUCache } from 'lru-cache'
import { AppError } from '../app-error'
import { callHeaders, type CallPurpose, type Upstream } from './upstream'

/** A department route that reads one citizen's records: POST, ID number in the body, the record at 200. */
export type LookupContract = RouteContract & {
  method: 'POST'
  body: typeof CitizenLookupSchema
  responses: { 200: z.ZodType }
}
/** A department route that reads no citizen's data (e.g. 卫健's risk areas). */
export type OpenContract = RouteContract & { method: 'GET'; responses: { 200: z.ZodType } }
export type Ok<C extends { responses: { 200: z.ZodType } }> = z.output<C['responses'][200]>

export interface ReadOptions {
  /** Skip the cache (a verifier needs the status as of now) */
  fresh?: boolean
}

export interface DepartmentLookup {
  /**
   * The citizen's record (`undefined` when the department does not know them: 404), and whether the department was
   * asked (false: served from the cache). Throws UPSTREAM_* when the department fails.
   */
  lookup<C extends LookupContract>(
    contract: C,
    idNumber: string,
    why: CallPurpose,
    opts?: ReadOptions,
  ): Promise<{ value: Ok<C> | undefined; asked: boolean }>
  /** A reply that names no citizen (e.g. 卫健's risk areas), cached the same way. */
  readOpen<C extends OpenContract>(contract: C, why: CallPurpose, opts?: ReadOptions): Promise<Ok<C>>
}

export type DepartmentLookups = Record<PopulationDepartment, DepartmentLookup>

export function createDepartmentLookups(
  upstreams: Record<PopulationDepartment, Upstream>,
  cacheTtlMs: number,
): DepartmentLookups {
  // Replies are kept per replica for a short TTL only: nothing here is state two replicas must share.
  const cache = new LRUCache<string, { value: unknown }>({ max: 50_000, ttl: Math.max(1, cacheTtlMs) })
  const cached = (key: string, opts: ReadOptions) => (cacheTtlMs > 0 && !opts.fresh ? cache.get(key) : undefined)
  const keep = (key: string, value: unknown) => {
    if (cacheTtlMs > 0) cache.set(key, { value })
  }

  function lookupFor(name: PopulationDepartment): DepartmentLookup {
    const upstream = upstreams[name]
    return {
      async lookup(contract, idNumber, why, opts = {}) {
        const key = `${name} ${contract.path} ${idNumber}`
        const hit = cached(key, opts)
        if (hit) return { value: hit.value as Ok<typeof contract> | undefined, asked: false }
        const body = { idNumber }
        const reply = await upstream.call(contract, { body, headers: callHeaders(why) }, { idempotent: true })
        if (reply.status !== 200 && reply.status !== 404) {
          throw new AppError('UPSTREAM_BAD_RESPONSE', `${name}: refused the lookup with ${reply.status}`)
        }
        const value = reply.status === 200 ? (reply.body as Ok<typeof contract>) : undefined
        keep(key, value)
        return { value, asked: true }
      },
      async readOpen(contract, why, opts = {}) {
        const key = `${name} ${contract.path}`
        const hit = cached(key, opts)
        if (hit) return hit.value as Ok<typeof contract>
        const reply = await upstream.call(contract, { headers: callHeaders(why) })
        if (reply.status !== 200) throw new AppError('UPSTREAM_BAD_RESPONSE', `${name}: answered ${reply.status}`)
        keep(key, reply.body)
        return reply.body as Ok<typeof contract>
      },
    }
  }

  return Object.fromEntries(POPULATION_DEPARTMENT_CODES.map((code) => [code, lookupFor(code)])) as DepartmentLookups
}

// Department readers: one per department, created once. A read is cached for a short while (viewing again does not
// call the department again), and every call made for a citizen is recorded for 我的数据使用记录.
import { randomUUID } from 'node:crypto'
import {
  type CitizenLookupSchema,
  type PopulationDepartment,
  POPULATION_DEPARTMENT_CODES,
  type RouteContract,
  type z,
} from '@ysx/shared'
import { LRUCache } from 'lru-cache'
import type { DepartmentName } from '../config'
import type { DataAccessRepository } from '../../store'
import { AppError } from '../app-error'
import { callHeaders, type CallPurpose, createUpstream, type Upstream } from './upstream'

/** A department route that reads one citizen's records: POST, ID number in the body, the record at 200. */
export type LookupContract = RouteContract & {
  method: 'POST'
  body: typeof CitizenLookupSchema
  responses: { 200: z.ZodType }
}
/** A department route that reads no citizen's data (e.g. 卫健's risk areas). */
export type OpenContract = RouteContract & { method: 'GET'; responses: { 200: z.ZodType } }
type Ok<C extends { responses: { 200: z.ZodType } }> = z.output<C['responses'][200]>

export interface Subject {
  userId: string
  idNumber: string
}

export interface DepartmentReader {
  /** The citizen's record, or `undefined` when the department does not know them (404). Throws UPSTREAM_*. */
  /** `fresh`: skip the cache (a verifier needs the status as of now). */
  read<C extends LookupContract>(
    contract: C,
    subject: Subject,
    why: CallPurpose,
    opts?: { fresh?: boolean },
  ): Promise<Ok<C> | undefined>
  readOpen<C extends OpenContract>(contract: C, why: CallPurpose, opts?: { fresh?: boolean }): Promise<Ok<C>>
}

export type DepartmentReaders = Record<PopulationDepartment, DepartmentReader>

export interface ReadersOptions {
  urls: Record<DepartmentName, string>
  timeoutMs: number
  cacheTtlMs: number
  breakerThreshold: number
  halfOpenAfterMs: number
  dataAccess: DataAccessRepository
  now: () => Date
}

export function createDepartmentReaders(opts: ReadersOptions): {
  readers: DepartmentReaders
  upstreams: Partial<Record<DepartmentName, Upstream>>
} {
  // Replies are kept per replica for a short TTL only: nothing here is state two replicas must share.
  const cache = new LRUCache<string, { value: unknown }>({ max: 50_000, ttl: Math.max(1, opts.cacheTtlMs) })
  const upstreams: Partial<Record<DepartmentName, Upstream>> = {}

  function reader(name: PopulationDepartment): DepartmentReader {
    const upstream = createUpstream({
      name,
      baseUrl: opts.urls[name],
      timeoutMs: opts.timeoutMs,
      breakerThreshold: opts.breakerThreshold,
      halfOpenAfterMs: opts.halfOpenAfterMs,
    })
    upstreams[name] = upstream
    const record = (subject: Subject, c: RouteContract, why: CallPurpose, outcome: 'served' | 'not_found' | 'failed') =>
      opts.dataAccess.insert({
        id: randomUUID(),
        userId: subject.userId,
        department: name,
        dataKind: c.summary,
        purpose: why.purpose,
        caseId: why.caseId ?? null,
        outcome,
        at: opts.now(),
      })

    return {
      async read(contract, subject, why, readOpts = {}) {
        const key = `${name} ${contract.path} ${subject.idNumber}`
        const hit = opts.cacheTtlMs > 0 && !readOpts.fresh ? cache.get(key) : undefined
        if (hit) return hit.value as Ok<typeof contract> | undefined
        let reply
        try {
          reply = await upstream.call(
            contract,
            { body: { idNumber: subject.idNumber }, headers: callHeaders(why) },
            { idempotent: true },
          )
        } catch (err) {
          await record(subject, contract, why, 'failed')
          throw err
        }
        const value = reply.status === 200 ? reply.body : undefined
        if (reply.status !== 200 && reply.status !== 404) {
          await record(subject, contract, why, 'failed')
          throw new AppError('UPSTREAM_BAD_RESPONSE', `${name}: refused the lookup with ${reply.status}`)
        }
        await record(subject, contract, why, value === undefined ? 'not_found' : 'served')
        if (opts.cacheTtlMs > 0) cache.set(key, { value })
        return value as Ok<typeof contract> | undefined
      },
      async readOpen(contract, why, readOpts = {}) {
        const key = `${name} ${contract.path}`
        const hit = opts.cacheTtlMs > 0 && !readOpts.fresh ? cache.get(key) : undefined
        if (hit) return hit.value as Ok<typeof contract>
        const reply = await upstream.call(contract, { headers: callHeaders(why) })
        if (reply.status !== 200) throw new AppError('UPSTREAM_BAD_RESPONSE', `${name}: answered ${reply.status}`)
        if (opts.cacheTtlMs > 0) cache.set(key, { value: reply.body })
        return reply.body as Ok<typeof contract>
      },
    }
  }

  const readers = Object.fromEntries(
    POPULATION_DEPARTMENT_CODES.map((code) => [code, reader(code)]),
  ) as DepartmentReaders
  return { readers, upstreams }
}

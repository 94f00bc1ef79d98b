// Data-use service (我的数据使用记录): the one writer of the record of department calls made for a citizen. Every
// such call goes through it: lookups through the recording readers it hands out, other calls (公安's face check,
// 卫健's appeals) through `track`. A reply served from the lookups' cache called nobody and is not recorded.
import { randomUUID } from 'node:crypto'
import {
  type DataAccessRecord,
  type DepartmentCode,
  type PopulationDepartment,
  POPULATION_DEPARTMENT_CODES,
} from '@ysx/shared'
import type {
  CallPurpose,
  DepartmentLookups,
  LookupContract,
  Ok,
  OpenContract,
  ReadOptions,
} from '../platform/departments'
import type { DataAccessRepository } from './data-use-repository'

/** Whom a department is asked about, on whose behalf: the signed-in citizen's account and the ID number asked. */
export interface Subject {
  userId: string
  idNumber: string
  /** Someone else asking for this citizen (代亲友: the adder's masked name); shown with the record */
  askedBy?: string
}

export interface DepartmentReader {
  /** The citizen's record, or `undefined` when the department does not know them (404). Throws UPSTREAM_*. */
  read<C extends LookupContract>(
    contract: C,
    subject: Subject,
    why: CallPurpose,
    opts?: ReadOptions,
  ): Promise<Ok<C> | undefined>
  /** A reply that names no citizen (nothing to record). */
  readOpen<C extends OpenContract>(contract: C, why: CallPurpose, opts?: ReadOptions): Promise<Ok<C>>
}

export type DepartmentReaders = Record<PopulationDepartment, DepartmentReader>

/** One department call made for a citizen, as the record shows it. */
export interface DepartmentCall {
  userId: string
  department: DepartmentCode
  /** What was asked, in words a citizen reads */
  dataKind: string
  why: CallPurpose
  /** Someone else asking for this citizen (代亲友: the adder's masked name) */
  askedBy?: string
}

/** How one call reads in the record: `rejected` — the department answered that a check did not pass. */
export type DataUseOutcome = 'served' | 'not_found' | 'failed' | 'rejected'

export interface TrackOptions<T> {
  /** How an answer reads in the record (default: served); a face check that did not pass is `rejected` */
  outcome?: (value: T) => 'served' | 'rejected'
  /** Other citizens the call was about (their ID number was asked): recorded in their own logs too */
  alsoFor?: DepartmentCall[]
}

export interface DataUseService {
  /** Department readers that record each call they make */
  readers: DepartmentReaders
  /** Runs one department call and records it: served, not_found (it resolved undefined) or failed (it threw). */
  track<T>(call: DepartmentCall, run: () => Promise<T | undefined>, opts?: TrackOptions<T>): Promise<T | undefined>
  /**
   * A page of the citizen's records, newest first; `before` continues from an earlier page's `nextBefore`. A page holds
   * `limit` records, more when records of its last instant would otherwise fall between two pages.
   */
  list(
    userId: string,
    limit: number,
    before?: string,
  ): Promise<{ records: DataAccessRecord[]; nextBefore: string | null }>
}

export function createDataUseService(
  lookups: DepartmentLookups,
  repo: DataAccessRepository,
  now: () => Date,
): DataUseService {
  const record = (call: DepartmentCall, outcome: DataUseOutcome) =>
    repo.insert({
      id: randomUUID(),
      userId: call.userId,
      department: call.department,
      dataKind: call.dataKind,
      purpose: call.why.purpose,
      caseId: call.why.caseId ?? null,
      askedBy: call.askedBy ?? null,
      outcome,
      at: now(),
    })

  async function track<T>(
    call: DepartmentCall,
    run: () => Promise<T | undefined>,
    opts: TrackOptions<T> = {},
  ): Promise<T | undefined> {
    const calls = [call, ...(opts.alsoFor ?? [])]
    let value
    try {
      value = await run()
    } catch (err) {
      for (const c of calls) await record(c, 'failed')
      throw err
    }
    const outcome = value === undefined ? 'not_found' : (opts.outcome?.(value) ?? 'served')
    for (const c of calls) await record(c, outcome)
    return value
  }

  const readerFor = (department: PopulationDepartment): DepartmentReader => ({
    async read(contract, subject, why, opts) {
      const call = { userId: subject.userId, department, dataKind: contract.summary, why, askedBy: subject.askedBy }
      let got
      try {
        got = await lookups[department].lookup(contract, subject.idNumber, why, opts)
      } catch (err) {
        await record(call, 'failed')
        throw err
      }
      if (got.asked) await record(call, got.value === undefined ? 'not_found' : 'served')
      return got.value
    },
    readOpen: (contract, why, opts) => lookups[department].readOpen(contract, why, opts),
  })

  return {
    readers: Object.fromEntries(POPULATION_DEPARTMENT_CODES.map((d) => [d, readerFor(d)])) as DepartmentReaders,
    track,
    async list(userId, limit, before) {
      const from = before ? new Date(before) : undefined
      let fetched = limit + 1
      let rows = await repo.list(userId, fetched, from)
      // `before` is exclusive, so a page never ends inside one instant (calls made in parallel share a millisecond):
      // the next page would skip the rest of it. The page takes the whole of its last instant, past `limit` if need be.
      let end = Math.min(limit, rows.length)
      while (rows.length > end && rows[end]!.at.getTime() === rows[end - 1]!.at.getTime()) {
        end += 1
        if (end === rows.length && rows.length === fetched) rows = await repo.list(userId, (fetched *= 2), from)
      }
      const page = rows.slice(0, end)
      return {
        records: page.map(({ userId: _u, at, ...r }) => ({ ...r, at: at.toISOString() })),
        nextBefore: rows.length > end ? page[page.length - 1]!.at.toISOString() : null,
      }
    },
  }
}

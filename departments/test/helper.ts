// Test helpers for the stand-in departments: start one over real HTTP, call it as the platform does (signed, with the
// X-Road-style headers) or as its operator, and the behaviour every citizen lookup shares (404, 400 with the field
// path, required purpose, access log).
import type { z } from '@ysx/shared/z'
import { ErrorEnvelopeSchema } from '@ysx/shared'
import {
  buildDepartment,
  type BuiltDepartment,
  type DepartmentOptions,
  type DepartmentSchema,
  type DepartmentSpec,
  createTestCaller,
  person,
} from '../src/harness'

export const SEED = 7
export const SIZE = 400
export const PURPOSE = '核验证照：测试'
export const CALL_HEADERS = {
  'content-type': 'application/json',
  'x-client-id': 'GOV/44000000/ysx-bff',
  'x-purpose': encodeURIComponent(PURPOSE),
  'x-case-id': 'YSX-2025-000123',
}

/** The platform and the operator as the stand-ins under test know them: every test department trusts this caller. */
export const CALLER = createTestCaller()
/** fetch signed as the platform signs its calls */
export const signedFetch = CALLER.fetch
/** The test operator's Authorization header, for the /_admin/ routes */
export const OPERATOR = CALLER.operator.headers
/** Options that make a stand-in trust the test caller (its key, its operator) */
export const TRUST = CALLER.trust

export interface Running {
  dept: BuiltDepartment
  base: string
  /** POSTs `{ idNumber }` to `path` with the call headers (or `headers` instead). */
  post(path: string, idNumber: string, headers?: Record<string, string>): Promise<Response>
  /** POSTs and parses a 200 reply with `schema`. */
  read<S extends z.ZodType>(path: string, index: number, schema: S): Promise<z.output<S>>
  /** A seeded citizen index matching an SQL query on the department's own database. */
  pick(sql: string): number
}

/**
 * Builds a department on an in-memory database and listens on a free port; closes it after the file's tests. `extra`
 * options (a clock, fault hooks) are added to the defaults.
 */
export function startDepartment<S extends DepartmentSchema>(
  standIn: DepartmentSpec<S>,
  extra: Partial<DepartmentOptions> = {},
): Running {
  const running = {} as Running
  beforeAll(async () => {
    const dept = buildDepartment(standIn, {
      dbFile: ':memory:',
      seed: SEED,
      size: SIZE,
      logLevel: 'silent',
      ...TRUST,
      ...extra,
    })
    const base = await dept.app.listen({ host: '127.0.0.1', port: 0 })
    const post = (path: string, idNumber: string, headers: Record<string, string> = CALL_HEADERS) =>
      signedFetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify({ idNumber }) })
    Object.assign(running, {
      dept,
      base,
      post,
      read: async <S extends z.ZodType>(path: string, index: number, schema: S) => {
        const res = await post(path, person(SEED, index).idNumber)
        expect(res.status).toBe(200)
        return schema.parse(await res.json())
      },
      pick: (sql: string) => {
        const row = dept.sqlite.prepare(sql).get() as { person_index: number } | undefined
        if (!row) throw new Error(`no seeded citizen for: ${sql}`)
        return row.person_index
      },
    })
  })
  afterAll(async () => running.dept.app.close())
  return running
}

/** The behaviour every citizen lookup of a department shares, for each of its lookup paths. */
export function describeLookups(dept: Running, paths: string[]): void {
  describe.each(paths)('POST %s', (path) => {
    test('an ID number outside the register gets 404 CITIZEN_NOT_FOUND', async () => {
      const res = await dept.post(path, person(SEED, SIZE + 50).idNumber)
      expect(res.status).toBe(404)
      expect(ErrorEnvelopeSchema.parse(await res.json()).code).toBe('CITIZEN_NOT_FOUND')
    })

    test('an ID number with a wrong check digit gets 400 VALIDATION_FAILED at body.idNumber', async () => {
      const good = person(SEED, 1).idNumber
      const res = await dept.post(path, good.slice(0, 17) + (good[17] === '0' ? '1' : '0'))
      expect(res.status).toBe(400)
      expect(ErrorEnvelopeSchema.parse(await res.json()).details?.map((d) => d.path)).toEqual(['body.idNumber'])
    })

    test('a call without x-purpose gets 400 at headers.x-purpose and reads nothing', async () => {
      const { 'x-purpose': _purpose, ...headers } = CALL_HEADERS
      const before = countLog(dept)
      const res = await dept.post(path, person(SEED, 1).idNumber, headers)
      expect(res.status).toBe(400)
      expect(ErrorEnvelopeSchema.parse(await res.json()).details?.map((d) => d.path)).toContain('headers.x-purpose')
      expect(countLog(dept)).toBe(before)
    })

    test('each call is written to the access log: client, purpose, case, route, citizen, outcome', async () => {
      await dept.post(path, person(SEED, 3).idNumber)
      await dept.post(path, person(SEED, SIZE + 60).idNumber)
      const rows = dept.dept.sqlite
        .prepare(
          'SELECT client_id, purpose, case_id, route, person_index, outcome, at FROM access_log ORDER BY id DESC LIMIT 2',
        )
        .all() as Record<string, unknown>[]
      const common = {
        client_id: CALL_HEADERS['x-client-id'],
        purpose: PURPOSE,
        case_id: CALL_HEADERS['x-case-id'],
        route: `POST ${path}`,
      }
      expect(rows[1]).toMatchObject({ ...common, person_index: 3, outcome: 'served' })
      expect(rows[0]).toMatchObject({ ...common, person_index: null, outcome: 'not_found' })
      expect(Date.parse(String(rows[0]!.at))).not.toBeNaN()
    })
  })
}

const countLog = (dept: Running) =>
  (dept.dept.sqlite.prepare('SELECT count(*) AS n FROM access_log').get() as { n: number }).n

interface CertificateLike {
  status: string
  issueDate: string
  expiryDate: string | null
  holder: { name: string; idNumber: string; gender: string }
}

/** A certificate's holder is the citizen, and its status agrees with its dates as of the reference date. */
export function expectConsistentCertificate(c: CertificateLike, index: number, asOf: string): void {
  const p = person(SEED, index)
  expect(c.holder).toEqual({ name: p.name, idNumber: p.idNumber, gender: p.gender })
  expect(c.issueDate <= asOf).toBe(true)
  if (c.expiryDate !== null) expect(c.issueDate < c.expiryDate).toBe(true)
  const lapsed = c.expiryDate !== null && c.expiryDate < asOf
  expect(c.status === 'expired').toBe(lapsed)
}

// defineDepartment / buildDepartment: what every stand-in department shares beyond the app shell — its own
// SQLite file with committed migrations, idempotent seeding from the population, the citizen register, the
// access log of business calls, and the lookup and certificate routes built on them.
import path from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import { getTableColumns, getTableName, is, sql } from 'drizzle-orm'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { z } from '@ysx/shared/z'
import {
  CERTIFICATE_TYPES,
  type CertificateType,
  type CitizenLookupSchema,
  type DepartmentCode,
  DEPARTMENTS,
  type DepartmentCallHeaders,
  decodeHeaderText,
  fromContract,
  type RouteContract,
} from '@ysx/shared'
import type { ZodTypeProvider } from '@fastify/type-provider-zod'
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifySchema,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify'
import { createDepartmentApp, type DepartmentApp } from './app'
import type { CallerAuthOptions } from './caller-auth'
import { referenceDate } from './dates'
import { openDepartmentDb } from './db'
import { DepartmentError } from './errors'
import { createFaultState, type FaultHooks } from './faults'
import { type Cohort, type SeedProgress, type SeedTarget, seedPopulation } from './seed'
import { createSeedStore, type SeedStore } from './store'
import { accessLog, certificates, persons, seedMeta } from './tables'

/** A citizen as the department's register knows them. */
export interface Subject {
  index: number
  idNumber: string
  name: string
  gender: 'male' | 'female'
}

export type DepartmentSchema = Record<string, unknown> & { accessLog: typeof accessLog; seedMeta: typeof seedMeta }
type Db<S extends DepartmentSchema> = BetterSQLite3Database<S>
type LookupContract = RouteContract & {
  method: 'POST'
  body: typeof CitizenLookupSchema
  responses: { 200: z.ZodType }
}
type OpenContract = RouteContract & { method: 'GET'; responses: { 200: z.ZodType } }
/** A call about one citizen whose body names them beside other fields (e.g. files a request for them). */
type CitizenCallContract = RouteContract & { method: 'POST' | 'PUT'; body: z.ZodType<{ idNumber: string }> }
type Reply<C extends RouteContract & { responses: { 200: z.ZodType } }> = z.input<C['responses'][200]>
type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>
type StoredCertificate = typeof certificates.$inferSelect
/** A citizen's row of a table as the department serves it: every column but the keys (id, person_index). */
export type CitizenRow<T extends SQLiteTable> = Omit<T['$inferSelect'], 'id' | 'personIndex'>

/** The call headers of a business call, decoded. */
export interface CallInfo {
  clientId: string
  purpose: string
  caseId: string | null
}

export interface DepartmentContext<S extends DepartmentSchema> {
  db: Db<S>
  sqlite: BetterSqlite3.Database
  seed: number
  /** The synthetic world's "today". */
  ref: string
  /** The department's clock (ms): the times it records, such as an appeal's filing or a callback's next try. */
  now: () => number
  /** Binds a citizen lookup: resolves the ID number (404 when unknown), logs the call, answers with `read`. */
  serve<C extends LookupContract>(c: C, read: (s: Subject) => Reply<C>): void
  /**
   * Binds a call that acts for the citizen named in its body beside other fields: resolved (404 when unknown) and
   * logged as `serve` does, then answered with `status` and what `act` returns.
   */
  serveCitizen<C extends CitizenCallContract, St extends keyof C['responses'] & number>(
    c: C,
    status: St,
    act: (s: Subject, body: z.output<C['body']>, call: CallInfo) => z.input<C['responses'][St]>,
  ): void
  /** Binds a call that reads no citizen's data; it is logged all the same. */
  serveOpen<C extends OpenContract>(c: C, read: () => Reply<C>): void
  /** A prepared read of the citizen's row in a one-row-per-citizen table (undefined when there is none). */
  rowOf<T extends SQLiteTable>(table: T): (index: number) => CitizenRow<T> | undefined
  /** A prepared read of the citizen's rows in a table of records, in `orderBy` order (SQL, e.g. `date DESC`). */
  rowsOf<T extends SQLiteTable>(table: T, orderBy?: string): (index: number) => CitizenRow<T>[]
  /** Binds the certificate lookup: the ledger's rows for the citizen, with `extra` fields computed at read time. */
  serveCertificates<C extends LookupContract>(
    c: C,
    extra?: (row: StoredCertificate, s: Subject) => Record<string, unknown>,
  ): void
  /** The app, for routes that are not business calls (/_admin/…): no call headers, no access log, no faults. */
  app: ZodApp
}

export interface DepartmentSpec<S extends DepartmentSchema> {
  name: DepartmentCode
  /** Tables for drizzle; the committed drizzle-kit migrations are in departments/drizzle/<name>. */
  schema: S
  /** The department's own register of citizens; by default the harness `persons` table, seeded for everyone. */
  register?: (db: Db<S>, sqlite: BetterSqlite3.Database) => (idNumber: string) => Subject | undefined
  /** Inserts this batch's records (runs inside one transaction per batch). */
  seed(batch: Cohort, store: SeedStore): void
  routes(ctx: DepartmentContext<S>): void
}

export interface DepartmentOptions extends CallerAuthOptions {
  dbFile: string
  seed: number
  size: number
  /** The synthetic world's "today"; by default the seed read as a date (dates.ts referenceDate) */
  referenceDate?: string
  logLevel?: string
  onSeedProgress?: SeedProgress
  /** The clock of the times the department records (default Date.now); `now` is the one signatures are aged by. */
  clock?: () => number
  /** How the fault knobs wait and draw (faults.ts; tests see the latency asked for without waiting it). */
  faultHooks?: FaultHooks
}

export interface BuiltDepartment extends DepartmentApp {
  /** The department's own database, for tests and operators (the access log lives there). */
  sqlite: BetterSqlite3.Database
}

export const defineDepartment = <S extends DepartmentSchema>(spec: DepartmentSpec<S>): DepartmentSpec<S> => spec

/**
 * A department whose one business call is the lookup of the certificates it issued (its ledger): the registry's
 * `certificates` contract for it.
 */
export function certificateDepartment<S extends DepartmentSchema>(
  name: DepartmentCode,
  schema: S,
  seed: DepartmentSpec<S>['seed'],
): DepartmentSpec<S> {
  const certificates = (DEPARTMENTS[name].contracts as unknown as { certificates: LookupContract }).certificates
  return { name, schema, seed, routes: ({ serveCertificates }) => serveCertificates(certificates) }
}

/** Opens the department's file; returns a seeding target when it does not hold exactly this (seed, size). */
export function openForSeeding<S extends DepartmentSchema>(spec: DepartmentSpec<S>, opts: DepartmentOptions) {
  const { db, sqlite } = openDepartmentDb(opts.dbFile, spec.schema, path.resolve(__dirname, '../../drizzle', spec.name))
  const ref = referenceOf(opts)
  const meta = sqlite.prepare('SELECT seed, size, reference_date AS ref FROM seed_meta WHERE id = 1').get() as
    { seed: number; size: number; ref: string | null } | undefined
  if (meta && meta.seed === opts.seed && meta.size === opts.size && meta.ref === ref)
    return { db, sqlite, target: null }
  // A big page cache keeps the random-order unique indexes (ID numbers) in memory while 1 M rows go in, and a seed
  // cut short leaves no meta row, so it is redone: durability of each batch does not matter.
  sqlite.pragma('cache_size = -262144')
  sqlite.pragma('synchronous = OFF')
  const tables = Object.values(spec.schema).filter((t): t is SQLiteTable => is(t, SQLiteTable))
  sqlite.transaction(() => tables.forEach((t) => db.delete(t).run()))()
  const store = createSeedStore(sqlite)
  const target: SeedTarget = {
    name: spec.name,
    batch: sqlite.transaction((cohort: Cohort) => {
      if (!spec.register)
        store.insert(
          persons,
          cohort.people.map((p) => ({ personIndex: p.index, idNumber: p.idNumber, name: p.name, gender: p.gender })),
        )
      spec.seed(cohort, store)
    }),
    finish: () => {
      sqlite
        .prepare('INSERT INTO seed_meta (id, seed, size, reference_date) VALUES (1, ?, ?, ?)')
        .run(opts.seed, opts.size, ref)
      sqlite.pragma('synchronous = NORMAL')
      sqlite.pragma('cache_size = -2000')
    },
  }
  return { db, sqlite, target }
}

/** The synthetic world's "today" for these options. */
export const referenceOf = (opts: Pick<DepartmentOptions, 'seed' | 'referenceDate'>) =>
  opts.referenceDate ?? referenceDate(opts.seed)

/** The caller-auth options among a department's options (what createDepartmentApp needs of them). */
export const callerAuth = (opts: CallerAuthOptions): CallerAuthOptions => ({
  ...(opts.callerKeys ? { callerKeys: opts.callerKeys } : {}),
  ...(opts.signedCalls !== undefined ? { signedCalls: opts.signedCalls } : {}),
  ...(opts.operators ? { operators: opts.operators } : {}),
  ...(opts.now ? { now: opts.now } : {}),
})

/** Route options for a contract whose reply type the caller has already checked against the contract. */
function untyped(c: RouteContract): { method: RouteContract['method']; url: string; schema: FastifySchema } {
  const { method, url, schema } = fromContract(c)
  return { method, url, schema }
}

/** A department as the seeding entry point sees it: open its file, seed it if needed, close it. */
export interface Seedable {
  name: DepartmentCode
  open(opts: DepartmentOptions): { target: SeedTarget | null; close(): void }
}

export const seedable = <S extends DepartmentSchema>(spec: DepartmentSpec<S>): Seedable => ({
  name: spec.name,
  open: (opts) => {
    const { sqlite, target } = openForSeeding(spec, opts)
    return { target, close: () => sqlite.close() }
  },
})

/**
 * Seeds every department whose file does not hold exactly this (seed, size), walking the population once for all
 * of them. Returns the names of the departments it seeded.
 */
export function seedDepartments(
  list: readonly Seedable[],
  optionsFor: (name: DepartmentCode) => DepartmentOptions,
  onProgress?: SeedProgress,
): string[] {
  const opened = list.map((d) => d.open(optionsFor(d.name)))
  const targets = opened.flatMap((o) => (o.target ? [o.target] : []))
  const first = optionsFor(list[0]!.name)
  try {
    if (targets.length > 0) seedPopulation(first.seed, first.size, targets, onProgress, undefined, referenceOf(first))
  } finally {
    for (const o of opened) o.close()
  }
  return targets.map((t) => t.name)
}

function defaultRegister(sqlite: BetterSqlite3.Database) {
  const stmt = sqlite.prepare(
    'SELECT person_index AS "index", id_number AS idNumber, name, gender FROM persons WHERE id_number = ?',
  )
  return (idNumber: string) => stmt.get(idNumber) as Subject | undefined
}

export function buildDepartment<S extends DepartmentSchema>(
  spec: DepartmentSpec<S>,
  opts: DepartmentOptions,
): BuiltDepartment {
  const { db, sqlite, target } = openForSeeding(spec, opts)
  const ref = referenceOf(opts)
  if (target) seedPopulation(opts.seed, opts.size, [target], opts.onSeedProgress, undefined, ref)
  const total = (sqlite.prepare('SELECT size FROM seed_meta WHERE id = 1').get() as { size: number }).size
  const now = opts.clock ?? Date.now
  const dept = createDepartmentApp({
    name: spec.name,
    logLevel: opts.logLevel,
    citizens: () => total,
    referenceDate: ref,
    faults: createFaultState(undefined, opts.faultHooks),
    ...callerAuth(opts),
  })
  dept.app.addHook('onClose', async () => sqlite.close())
  const find = spec.register ? spec.register(db, sqlite) : defaultRegister(sqlite)
  // Prepared once: every business call writes a row, so the statement is not rebuilt per request.
  const log = db
    .insert(accessLog)
    .values({
      at: sql.placeholder('at'),
      requestId: sql.placeholder('requestId'),
      clientId: sql.placeholder('clientId'),
      purpose: sql.placeholder('purpose'),
      caseId: sql.placeholder('caseId'),
      route: sql.placeholder('route'),
      personIndex: sql.placeholder('personIndex'),
      outcome: sql.placeholder('outcome'),
    })
    .prepare()
  const callInfo = (headers: unknown): CallInfo => {
    const h = headers as DepartmentCallHeaders
    const caseId = h['x-case-id']
    return {
      clientId: h['x-client-id'],
      purpose: decodeHeaderText(h['x-purpose']),
      caseId: caseId === undefined ? null : decodeHeaderText(caseId),
    }
  }
  const record = (
    req: { id: string },
    call: CallInfo,
    c: RouteContract,
    personIndex: number | null,
    outcome: 'served' | 'not_found',
  ) =>
    log.run({
      at: new Date(now()).toISOString(),
      requestId: req.id,
      ...call,
      route: `${c.method} ${c.path}`,
      personIndex,
      outcome,
    })
  /** Resolves the citizen named in the body and logs the call; throws CITIZEN_NOT_FOUND when the register lacks them. */
  const resolve = (req: { id: string; headers: unknown; body: unknown }, c: RouteContract) => {
    const call = callInfo(req.headers)
    const subject = find((req.body as { idNumber: string }).idNumber)
    record(req, call, c, subject?.index ?? null, subject ? 'served' : 'not_found')
    if (!subject) throw new DepartmentError('CITIZEN_NOT_FOUND')
    return { subject, call }
  }

  /** SELECT every column but the keys of the citizen's rows, named as the table's properties. */
  const citizenRows = (table: SQLiteTable, orderBy?: string) => {
    const columns = Object.entries(getTableColumns(table))
      .filter(([, c]) => c.name !== 'id' && c.name !== 'person_index')
      .map(([key, c]) => `"${c.name}" AS "${key}"`)
    const order = orderBy ? ` ORDER BY ${orderBy}` : ''
    return sqlite.prepare(`SELECT ${columns.join(', ')} FROM "${getTableName(table)}" WHERE person_index = ?${order}`)
  }

  const ctx: DepartmentContext<S> = {
    db,
    sqlite,
    seed: opts.seed,
    ref,
    now,
    app: dept.app.withTypeProvider<ZodTypeProvider>(),
    serve(c, read) {
      dept.app.route({
        ...untyped(c),
        handler: async (req) => read(resolve(req, c).subject),
      })
    },
    serveCitizen(c, status, act) {
      dept.app.route({
        ...untyped(c),
        handler: async (req, reply) => {
          const { subject, call } = resolve(req, c)
          reply.code(status)
          // The body was parsed by the contract's schema; the answer is checked by the route's serializer.
          return act(subject, req.body as never, call)
        },
      })
    },
    serveOpen(c, read) {
      dept.app.route({
        ...untyped(c),
        handler: async (req) => {
          record(req, callInfo(req.headers), c, null, 'served')
          return read()
        },
      })
    },
    rowOf(table) {
      const stmt = citizenRows(table)
      return (index) => stmt.get(index) as CitizenRow<typeof table> | undefined
    },
    rowsOf(table, orderBy) {
      const stmt = citizenRows(table, orderBy)
      return (index) => stmt.all(index) as CitizenRow<typeof table>[]
    },
    serveCertificates(c, extra) {
      const rows = sqlite.prepare(
        'SELECT id, person_index AS personIndex, type, certificate_number AS certificateNumber, status, issue_date AS issueDate, expiry_date AS expiryDate, issuing_authority AS issuingAuthority, details FROM certificates WHERE person_index = ? ORDER BY id',
      )
      ctx.serve(c, (s) => {
        const certs = (rows.all(s.index) as StoredCertificate[]).map((row) => {
          const { id: _id, personIndex: _p, details, ...common } = row
          const parsed = JSON.parse(details) as Record<string, unknown>
          const holder = { name: s.name, idNumber: s.idNumber, gender: s.gender }
          return {
            ...common,
            title: CERTIFICATE_TYPES[row.type as CertificateType],
            holder,
            ...parsed,
            ...extra?.(row, s),
          }
        })
        // Checked (and stripped to the contract) once, by the route's zod serializer.
        return { asOf: ref, certificates: certs } as Reply<typeof c>
      })
    },
  }
  spec.routes(ctx)
  return { ...dept, sqlite }
}

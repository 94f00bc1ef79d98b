// 公安 stand-in: the identity register on its own SQLite file, answering lookups by ID number.
import path from 'node:path'
import type { ZodTypeProvider } from '@fastify/type-provider-zod'
import { fromContract, gonganContracts } from '@ysx/shared'
import { count, eq, sql } from 'drizzle-orm'
import { createDepartmentApp, type DepartmentApp, DepartmentError, openDepartmentDb, type SeedProgress, seedPeople } from '../harness'
import * as schema from './schema'

export interface GonganOptions {
  dbFile: string
  seed: number
  size: number
  logLevel?: string
  onSeedProgress?: SeedProgress
}

const MIGRATIONS = path.resolve(__dirname, '../../drizzle/gongan')

/** Seeds the register unless it already holds exactly this (seed, size). */
function ensureSeeded(db: ReturnType<typeof openDepartmentDb<typeof schema>>['db'], opts: GonganOptions) {
  const meta = db.select().from(schema.seedMeta).where(eq(schema.seedMeta.id, 1)).get()
  if (meta && meta.seed === opts.seed && meta.size === opts.size) return
  db.transaction((tx) => {
    tx.delete(schema.citizens).run()
    tx.delete(schema.seedMeta).run()
  })
  seedPeople(opts.seed, opts.size, (people) => {
    db.transaction((tx) => {
      tx.insert(schema.citizens).values(people.map(({ index, ...p }) => ({ ...p, personIndex: index }))).run()
    })
  }, opts.onSeedProgress, 2000)
  db.insert(schema.seedMeta).values({ id: 1, seed: opts.seed, size: opts.size }).run()
}

export function buildGonganApp(opts: GonganOptions): DepartmentApp {
  const { db, sqlite } = openDepartmentDb(opts.dbFile, schema, MIGRATIONS)
  ensureSeeded(db, opts)
  const total = db.select({ n: count() }).from(schema.citizens).get()?.n ?? 0
  const dept = createDepartmentApp({ name: 'gongan', logLevel: opts.logLevel, citizens: () => total })
  dept.app.addHook('onClose', async () => sqlite.close())

  const byId = db.select().from(schema.citizens).where(eq(schema.citizens.idNumber, sql.placeholder('idNumber'))).prepare()
  const r = dept.app.withTypeProvider<ZodTypeProvider>()
  /** POST /v1/citizens/lookup — a citizen's identity record by ID number; 404 when unknown */
  r.route({
    ...fromContract(gonganContracts.lookupCitizen),
    handler: async (req) => {
      const row = byId.get({ idNumber: req.body.idNumber })
      if (!row) throw new DepartmentError('CITIZEN_NOT_FOUND')
      const { personIndex: _index, ...citizen } = row
      return citizen
    },
  })
  return dept
}

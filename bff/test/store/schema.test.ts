// The two schemas are one: every table of src/*/tables.ts has its twin in tables.pg.ts, with the same columns (name,
// nullability, primary key, default present, unique), indexes and foreign keys — so the contract suite's two runs
// test the same data model and a column added on one side only fails here.
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { getTableConfig as pgConfig, PgTable } from 'drizzle-orm/pg-core'
import { getTableConfig as sqliteConfig, SQLiteTable } from 'drizzle-orm/sqlite-core'

const SRC = path.resolve(__dirname, '../../src')
const capabilities = readdirSync(SRC, { withFileTypes: true })
  .filter((d) => d.isDirectory() && readdirSync(path.join(SRC, d.name)).includes('tables.ts'))
  .map((d) => d.name)

type Shape = ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>
const describeTable = (c: Shape) => ({
  name: c.name,
  columns: c.columns
    .map((col) => ({
      name: col.name,
      notNull: col.notNull,
      // a composite key's columns by name: drizzle's pg config hands out other column objects than `columns`
      primary: col.primary || c.primaryKeys.some((pk) => pk.columns.some((k) => k.name === col.name)),
      // Keys aside: SQLite's INTEGER PRIMARY KEY numbers itself (audit_checkpoints sets it), PostgreSQL's does not.
      hasDefault: col.primary ? 'key' : col.hasDefault,
      unique: col.isUnique,
    }))
    .sort((a, b) => a.name.localeCompare(b.name)),
  indexes: c.indexes.map((i) => i.config.name).sort(),
  foreignKeys: c.foreignKeys
    .map((fk) => {
      const ref = fk.reference()
      return `${ref.columns.map((x) => x.name)}→${ref.foreignColumns.map((x) => x.name)} ${fk.onDelete ?? 'no action'}`
    })
    .sort(),
  checks: c.checks.map((k) => k.name).sort(),
})

test('every capability with tables has a PostgreSQL twin of the same tables', () => {
  expect(capabilities.length).toBeGreaterThan(5)
  for (const capability of capabilities) expect(readdirSync(path.join(SRC, capability))).toContain('tables.pg.ts')
})

test.each(capabilities)('%s: tables.ts and tables.pg.ts describe the same tables', async (capability) => {
  const lite = (await import(path.join(SRC, capability, 'tables.ts'))) as Record<string, unknown>
  const pg = (await import(path.join(SRC, capability, 'tables.pg.ts'))) as Record<string, unknown>
  const liteTables = Object.values(lite).filter((t): t is SQLiteTable => t instanceof SQLiteTable)
  const pgTables = Object.values(pg).filter((t): t is PgTable => t instanceof PgTable)
  expect(liteTables.length).toBeGreaterThan(0)
  const byName = <T extends { name: string }>(xs: T[]) => xs.sort((a, b) => a.name.localeCompare(b.name))
  expect(byName(pgTables.map((t) => describeTable(pgConfig(t))))).toEqual(
    byName(liteTables.map((t) => describeTable(sqliteConfig(t)))),
  )
})

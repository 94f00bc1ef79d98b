// 卫健 stand-in database schema: nucleic-acid tests, vaccinations, risk areas, and the harness's shared tables.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export { accessLog, persons, seedMeta } from '../harness/tables'

export const nucleicAcidTests = sqliteTable(
  'nucleic_acid_tests',
  {
    id: integer('id').primaryKey(),
    personIndex: integer('person_index').notNull(),
    sampledAt: text('sampled_at').notNull(),
    reportedAt: text('reported_at').notNull(),
    result: text('result', { enum: ['阴性', '阳性'] }).notNull(),
    institution: text('institution').notNull(),
  },
  (t) => [index('nucleic_acid_tests_person_index').on(t.personIndex)],
)

export const vaccinations = sqliteTable(
  'vaccinations',
  {
    id: integer('id').primaryKey(),
    personIndex: integer('person_index').notNull(),
    dose: integer('dose').notNull(),
    vaccine: text('vaccine').notNull(),
    manufacturer: text('manufacturer').notNull(),
    batchNumber: text('batch_number').notNull(),
    date: text('date').notNull(),
    site: text('site').notNull(),
  },
  (t) => [index('vaccinations_person_index').on(t.personIndex)],
)

export const riskAreas = sqliteTable('risk_areas', {
  id: integer('id').primaryKey(),
  area: text('area').notNull(),
  level: text('level', { enum: ['high', 'medium', 'low'] }).notNull(),
  since: text('since').notNull(),
})

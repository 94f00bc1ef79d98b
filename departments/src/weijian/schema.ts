// 卫健 stand-in database schema: nucleic-acid tests, vaccinations, risk areas, health-code appeals, and the
// harness's shared tables.
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

/** Health-code appeals (申诉/纠错) filed through the platform, and the reviewer's decision on each. */
export const appeals = sqliteTable(
  'appeals',
  {
    id: integer('id').primaryKey(),
    personIndex: integer('person_index').notNull(),
    appealId: text('appeal_id').notNull().unique(),
    rule: text('rule').notNull(),
    targetKind: text('target_kind', { enum: ['check_in', 'declaration', 'test_result'] }).notNull(),
    targetId: text('target_id'),
    statement: text('statement').notNull(),
    status: text('status', { enum: ['pending', 'upheld', 'rejected'] }).notNull(),
    filedAt: text('filed_at').notNull(),
    decidedAt: text('decided_at'),
    note: text('note'),
    caseId: text('case_id'),
  },
  (t) => [index('appeals_person_index').on(t.personIndex), index('appeals_status').on(t.status)],
)

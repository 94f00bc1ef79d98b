// 卫健 stand-in database schema: nucleic-acid tests, vaccinations, risk areas, health-code appeals, and the
// harness's shared tables.
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { citizenRecords, citizenRef, oneOf, requiredInt, requiredText, rowId } from '../harness/columns'

export { accessLog, persons, seedMeta } from '../harness/tables'

export const nucleicAcidTests = citizenRecords('nucleic_acid_tests', {
  sampledAt: requiredText('sampled_at'),
  reportedAt: requiredText('reported_at'),
  result: oneOf('result', ['阴性', '阳性']),
  institution: requiredText('institution'),
})

export const vaccinations = citizenRecords('vaccinations', {
  dose: requiredInt('dose'),
  vaccine: requiredText('vaccine'),
  manufacturer: requiredText('manufacturer'),
  batchNumber: requiredText('batch_number'),
  date: requiredText('date'),
  site: requiredText('site'),
})

/** Risk areas by administrative-division code (GB/T 2260): a city's code covers its districts (prefix match). */
export const riskAreas = sqliteTable('risk_areas', {
  id: rowId(),
  areaCode: text('area_code').notNull().unique(),
  level: oneOf('level', ['high', 'medium', 'low']),
  since: requiredText('since'),
})

/** Health-code appeals (申诉/纠错) filed through the platform, and the reviewer's decision on each. */
export const appeals = sqliteTable(
  'appeals',
  {
    id: rowId(),
    personIndex: citizenRef(),
    appealId: text('appeal_id').notNull().unique(),
    rule: requiredText('rule'),
    targetKind: oneOf('target_kind', ['check_in', 'declaration', 'test_result']),
    targetId: text('target_id'),
    statement: requiredText('statement'),
    status: oneOf('status', ['pending', 'upheld', 'rejected']),
    filedAt: requiredText('filed_at'),
    decidedAt: text('decided_at'),
    note: text('note'),
    /** The operator who decided it (their name in the stand-in's operator registry) */
    reviewer: text('reviewer'),
    caseId: text('case_id'),
  },
  (t) => [index('appeals_person_index').on(t.personIndex), index('appeals_status').on(t.status)],
)

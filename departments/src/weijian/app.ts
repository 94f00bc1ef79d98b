// 卫健 stand-in: a citizen's nucleic-acid tests and vaccinations, and the current risk areas.
import { weijianContracts } from '@ysx/shared'
import { buildDepartment, type BuiltDepartment, defineDepartment, type DepartmentOptions } from '../harness'
import * as schema from './schema'
import { seedWeijian } from './seed'

type Test = Omit<typeof schema.nucleicAcidTests.$inferSelect, 'id' | 'personIndex'>
type Dose = Omit<typeof schema.vaccinations.$inferSelect, 'id' | 'personIndex'>
type Area = Omit<typeof schema.riskAreas.$inferSelect, 'id'>

export const weijianDepartment = defineDepartment({
  name: 'weijian',
  schema,
  seed: seedWeijian,
  routes: ({ sqlite, ref, serve, serveOpen }) => {
    const tests = sqlite.prepare('SELECT sampled_at AS sampledAt, reported_at AS reportedAt, result, institution FROM nucleic_acid_tests WHERE person_index = ? ORDER BY sampled_at DESC')
    const doses = sqlite.prepare('SELECT dose, vaccine, manufacturer, batch_number AS batchNumber, date, site FROM vaccinations WHERE person_index = ? ORDER BY dose')
    const areas = sqlite.prepare('SELECT area, level, since FROM risk_areas ORDER BY id')

    /** POST /v1/nucleic-acid-tests/lookup — the citizen's tests in the last 30 days, newest first */
    serve(weijianContracts.nucleicAcidTests, (s) => ({ tests: tests.all(s.index) as Test[] }))
    /** POST /v1/vaccinations/lookup — the citizen's COVID-19 vaccination doses */
    serve(weijianContracts.vaccinations, (s) => ({ doses: doses.all(s.index) as Dose[] }))
    /** GET /v1/risk-areas — the current risk areas and their levels */
    serveOpen(weijianContracts.riskAreas, () => ({ asOf: ref, areas: areas.all() as Area[] }))
  },
})

export const buildWeijianApp = (opts: DepartmentOptions): BuiltDepartment => buildDepartment(weijianDepartment, opts)

// 卫健 stand-in: a citizen's nucleic-acid tests and vaccinations, the current risk areas (which tests and demos can
// change on an admin route), the health-code appeals its reviewers decide (appeals.ts), and the signed callbacks that
// tell the platform of each new test result (callbacks.ts).
import { divisionName, fromContract, weijianContracts } from '@ysx/shared'
import { defineDepartment } from '../harness'
import { appealRoutes } from './appeals'
import { callbackRoutes } from './callbacks'
import * as schema from './schema'
import { seedWeijian } from './seed'

type Area = Omit<typeof schema.riskAreas.$inferSelect, 'id'>

export const standIn = defineDepartment({
  name: 'weijian',
  schema,
  seed: seedWeijian,
  routes: (ctx) => {
    const { sqlite, ref, app, rowsOf, serve, serveOpen } = ctx
    const tests = rowsOf(schema.nucleicAcidTests, 'sampled_at DESC')
    const doses = rowsOf(schema.vaccinations, 'dose')
    const areas = sqlite.prepare('SELECT area_code AS areaCode, level, since FROM risk_areas ORDER BY id')
    // Flagged by division code (GB/T 2260); the name is the code's, for people reading the list.
    const current = () => ({
      asOf: ref,
      areas: (areas.all() as Area[]).map((a) => ({ ...a, areaName: divisionName(a.areaCode) ?? a.areaCode })),
    })
    const update = sqlite.prepare('UPDATE risk_areas SET level = ?, since = ? WHERE area_code = ?')
    const insert = sqlite.prepare('INSERT INTO risk_areas (area_code, level, since) VALUES (?, ?, ?)')
    const remove = sqlite.prepare('DELETE FROM risk_areas WHERE area_code = ?')
    /** Flags the area at `level` from the reference date (keeping its place in the list), or lifts it (null). */
    const flag = sqlite.transaction((area: string, level: Area['level'] | null) => {
      if (level === null) remove.run(area)
      else if (update.run(level, ref, area).changes === 0) insert.run(area, level, ref)
    })

    /** POST /v1/nucleic-acid-tests/lookup — the citizen's tests in the last 30 days, newest first */
    serve(weijianContracts.nucleicAcidTests, (s) => ({ tests: tests(s.index) }))
    /** POST /v1/vaccinations/lookup — the citizen's COVID-19 vaccination doses */
    serve(weijianContracts.vaccinations, (s) => ({ doses: doses(s.index) }))
    /** GET /v1/risk-areas — the current risk areas and their levels */
    serveOpen(weijianContracts.riskAreas, current)
    /** PUT /_admin/risk-areas — flag an area by its division code (or lift it with level null); answers the list */
    app.route({
      ...fromContract(weijianContracts.flagRiskArea),
      handler: async (req) => {
        flag(req.body.areaCode, req.body.level)
        return current()
      },
    })
    appealRoutes(ctx)
    callbackRoutes(ctx)
  },
})

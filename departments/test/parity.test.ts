// Contract parity for the stand-in departments: each department in the registry serves exactly its contracts plus
// the common department routes (health, fault knobs) — no route without a contract, no contract without a route.
import {
  DEPARTMENT_CODES,
  departmentCommonContracts,
  DEPARTMENTS,
  POPULATION_DEPARTMENT_CODES,
  type RouteContract,
} from '@ysx/shared'
import { loadStandIn } from '../src/stand-ins'

const key = (method: string, url: string) => `${method} ${url}`
const contractKeys = (groups: Record<string, RouteContract>[]) =>
  groups
    .flatMap((g) => Object.values(g))
    .map((c) => key(c.method, c.path))
    .sort()

/** The routes in Fastify's printRoutes tree, a nested path (`└── /lookup` under `/v1/appeals`) joined to its parents'. */
function servedRoutes(tree: string): string[] {
  const parents: string[] = []
  return tree.split('\n').flatMap((line) => {
    const m = /^([│ ]*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/.exec(line)
    if (!m) return []
    parents.length = m[1]!.length / 4
    const url = [...parents, m[2]!].join('')
    parents.push(m[2]!)
    return (m[3]?.split(', ') ?? []).filter((method) => method !== 'HEAD').map((method) => key(method, url))
  })
}

test.each(DEPARTMENT_CODES)(
  'the %s stand-in serves exactly its contracts plus the common department routes',
  async (code) => {
    const standIn = await loadStandIn(code)
    const dept = standIn.population
      ? standIn.build({ dbFile: ':memory:', seed: 1, size: 5, logLevel: 'silent' })
      : standIn.build({ dbFile: ':memory:', appId: 'wx-parity', appSecret: 'parity-secret', logLevel: 'silent' })
    await dept.app.ready()
    const served = servedRoutes(dept.app.printRoutes({ commonPrefix: false })).sort()
    expect(served).toEqual(contractKeys([departmentCommonContracts, DEPARTMENTS[code].contracts]))
    await dept.app.close()
  },
)

test('every business contract of a department requires the call headers: client id and purpose', () => {
  const population = POPULATION_DEPARTMENT_CODES.map((code) => DEPARTMENTS[code].contracts)
  // Routes under /_admin/ are the department's own operators' (reviewers, tests), not business calls.
  for (const c of population
    .flatMap((g) => Object.values(g) as RouteContract[])
    .filter((c) => !c.path.startsWith('/_admin/'))) {
    const shape = (c.headers as { shape?: Record<string, unknown> } | undefined)?.shape
    expect(Object.keys(shape ?? {})).toEqual(expect.arrayContaining(['x-client-id', 'x-purpose', 'x-case-id']))
  }
})

// Contract parity for the stand-in departments: each serves exactly its contracts plus the common department
// routes (health, fault knobs) — no route without a contract, no contract without a route.
import {
  churujingContracts,
  departmentCommonContracts,
  gonganContracts,
  gonganFaceContracts,
  gongjijinContracts,
  jiaoguanContracts,
  minzhengContracts,
  rensheContracts,
  type RouteContract,
  shichangContracts,
  weijianContracts,
  yibaoContracts,
} from '@ysx/shared'
import { buildChurujingApp } from '../src/churujing/app'
import { buildGonganApp } from '../src/gongan/app'
import { buildGongjijinApp } from '../src/gongjijin/app'
import type { BuiltDepartment, DepartmentOptions } from '../src/harness'
import { buildJiaoguanApp } from '../src/jiaoguan/app'
import { buildMinzhengApp } from '../src/minzheng/app'
import { buildRensheApp } from '../src/renshe/app'
import { buildShichangApp } from '../src/shichang/app'
import { buildWeijianApp } from '../src/weijian/app'
import { buildYibaoApp } from '../src/yibao/app'

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

const DEPARTMENTS: [string, (opts: DepartmentOptions) => BuiltDepartment, Record<string, RouteContract>[]][] = [
  ['gongan', buildGonganApp, [gonganContracts, gonganFaceContracts]],
  ['renshe', buildRensheApp, [rensheContracts]],
  ['yibao', buildYibaoApp, [yibaoContracts]],
  ['gongjijin', buildGongjijinApp, [gongjijinContracts]],
  ['jiaoguan', buildJiaoguanApp, [jiaoguanContracts]],
  ['churujing', buildChurujingApp, [churujingContracts]],
  ['weijian', buildWeijianApp, [weijianContracts]],
  ['minzheng', buildMinzhengApp, [minzhengContracts]],
  ['shichang', buildShichangApp, [shichangContracts]],
]

test.each(DEPARTMENTS)(
  'the %s stand-in serves exactly its contracts plus the common department routes',
  async (_name, build, contracts) => {
    const dept = build({ dbFile: ':memory:', seed: 1, size: 5, logLevel: 'silent' })
    await dept.app.ready()
    const served = servedRoutes(dept.app.printRoutes({ commonPrefix: false })).sort()
    expect(served).toEqual(contractKeys([departmentCommonContracts, ...contracts]))
    await dept.app.close()
  },
)

test('every business contract of a department requires the call headers: client id and purpose', () => {
  const population = [
    gonganContracts,
    rensheContracts,
    yibaoContracts,
    gongjijinContracts,
    jiaoguanContracts,
    churujingContracts,
    weijianContracts,
    minzhengContracts,
    shichangContracts,
  ]
  // Routes under /_admin/ are the department's own operators' (reviewers, tests), not business calls.
  for (const c of population
    .flatMap((g) => Object.values(g) as RouteContract[])
    .filter((c) => !c.path.startsWith('/_admin/'))) {
    const shape = (c.headers as { shape?: Record<string, unknown> } | undefined)?.shape
    expect(Object.keys(shape ?? {})).toEqual(expect.arrayContaining(['x-client-id', 'x-purpose', 'x-case-id']))
  }
})

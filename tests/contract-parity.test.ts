// Contract parity: every contract in shared/ has a route, and every business route has a contract —
// for the BFF and for each stand-in department.
import { buildApp } from '@ysx/bff/app'
import { testConfig } from '@ysx/bff/config'
import { loadStandIn } from '@ysx/departments/stand-ins'
import {
  bffContracts,
  departmentCommonContracts,
  gonganContracts,
  gonganFaceContracts,
  type RouteContract,
} from '@ysx/shared'

type Route = { method: string | string[]; url: string }
const key = (method: string, url: string) => `${method} ${url}`

/** Routes that serve no API: the OpenAPI document, its UI, the H5 static files (and CORS preflight, by method). */
const INFRA = [/^\/openapi\.json$/, /^\/docs(\/|$)/, /^\/\*$/, /^\/$/]

function business(routes: Route[]): string[] {
  return routes
    .flatMap((r) => (Array.isArray(r.method) ? r.method : [r.method]).map((m) => ({ m, url: r.url })))
    .filter(({ m, url }) => m !== 'HEAD' && m !== 'OPTIONS' && !INFRA.some((re) => re.test(url)))
    .map(({ m, url }) => key(m, url))
    .sort()
}

const contractKeys = (groups: Record<string, RouteContract>[]) =>
  groups
    .flatMap((g) => Object.values(g))
    .map((c) => key(c.method, c.path))
    .sort()

test('the BFF serves exactly the routes its contracts declare', async () => {
  const routes: Route[] = []
  const app = await buildApp(testConfig(), { onRoute: (r) => routes.push(r) })
  await app.ready()
  await app.close()
  expect(business(routes)).toEqual(contractKeys(Object.values(bffContracts)))
})

test('the 公安 stand-in serves exactly its contracts plus the common department routes', async () => {
  const dept = (await loadStandIn('gongan')).build({ dbFile: ':memory:', seed: 1, size: 5, logLevel: 'silent' })
  await dept.app.ready()
  const tree = dept.app.printRoutes({ commonPrefix: false })
  const served = [...tree.matchAll(/(\/\S*) \(([A-Z, ]+)\)$/gm)]
    .flatMap(([, url, methods]) =>
      methods!
        .split(', ')
        .filter((m) => m !== 'HEAD')
        .map((m) => key(m, url!)),
    )
    .sort()
  expect(served).toEqual(contractKeys([departmentCommonContracts, gonganContracts, gonganFaceContracts]))
  await dept.app.close()
})

test('GET /openapi.json lists every BFF route with its request and response schemas', async () => {
  const app = await buildApp(testConfig())
  const res = await app.inject({ method: 'GET', url: '/openapi.json' })
  await app.close()
  expect(res.statusCode).toBe(200)
  const doc = res.json() as { paths: Record<string, Record<string, Record<string, unknown>>> }
  // What each contract needs documented, and what is missing from the document: nothing, route by route.
  const missing = Object.values(bffContracts)
    .flatMap((g) => Object.values(g) as RouteContract[])
    .flatMap((c) => {
      const name = `${c.method} ${c.path}`
      const op = doc.paths[c.path.replace(/:(\w+)/g, '{$1}')]?.[c.method.toLowerCase()] as
        | {
            responses?: Record<string, { content?: unknown }>
            requestBody?: { content?: unknown }
            parameters?: unknown[]
          }
        | undefined
      if (!op) return [`${name}: not documented`]
      return [
        ...Object.keys(c.responses).flatMap((status) =>
          !op.responses?.[status]
            ? [`${name}: no ${status} response`]
            : status !== '204' && status !== '304' && op.responses[status]?.content === undefined
              ? [`${name}: ${status} response without a schema`]
              : [],
        ),
        ...(c.body && op.requestBody?.content === undefined ? [`${name}: no request body schema`] : []),
        ...(c.params && !(op.parameters?.length ?? 0) ? [`${name}: no path parameters`] : []),
      ]
    })
  expect(missing).toEqual([])
})

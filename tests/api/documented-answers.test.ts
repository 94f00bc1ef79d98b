// Every answer a route gives is one its OpenAPI operation documents: each contract's own examples sent by a caller
// with no token, a signed-in `basic` citizen and a real-name citizen (whose example ids are not theirs), against the
// running system. A refusal carries a code the route's documentation lists under that status; a success is a status
// its contract declares. (The examples' one-use values — a spent login code, an old QR — draw refusals too.)
import { bffContracts, buildPath, ERROR_STATUS, type ErrorCode, type RouteContract, routeErrorCodes } from '@ysx/shared'
import type { InjectOptions } from 'fastify'
import { ALL_DEPARTMENTS, bearer, realNameUser, startSystem, type TestSystem } from '../support/system'
import { documentPath, type OpenApiDocument } from './served-document'

let sys: TestSystem
let doc: OpenApiDocument
const callers: Record<string, Record<string, string>> = {}

beforeAll(async () => {
  sys = await startSystem({ departments: ALL_DEPARTMENTS })
  doc = (await sys.call({ method: 'GET', url: '/openapi.json' })).json()
  callers.nobody = {}
  callers.basic = bearer((await sys.login('documented-basic')).accessToken)
  callers.realName = bearer(await realNameUser(sys, 'documented-real-name', 11))
}, 60_000)
afterAll(async () => sys.close())

const contracts = Object.entries(bffContracts).flatMap(([group, cs]) =>
  Object.entries(cs as Record<string, RouteContract>).map(([name, c]) => ({ id: `${group}.${name}`, c })),
)
// Closing the account or ending the session would change who the later calls are: those two go last (closing first,
// so it meets a live session and a fresh step-up; the logout then meets a closed account's token).
const LAST = ['privacy.closeAccount', 'auth.logout']
const ordered = [
  ...contracts.filter(({ id }) => !LAST.includes(id)),
  ...LAST.map((id) => contracts.find((x) => x.id === id)!),
]

function request(c: RouteContract, headers: Record<string, string>): InjectOptions {
  const ex = c.examples ?? {}
  const query = ex.query ? `?${new URLSearchParams(Object.entries(ex.query).map(([k, v]) => [k, String(v)]))}` : ''
  return {
    method: c.method,
    url: buildPath(c.path, ex.params ?? {}) + query,
    headers,
    ...(ex.body !== undefined ? { payload: ex.body as object } : {}),
  }
}

test('each route answers its examples, from every kind of caller, only with what its documentation lists', async () => {
  const undocumented: string[] = []
  const refusals = new Set<string>()
  for (const { id, c } of ordered) {
    const op = doc.paths[documentPath(c.path)]![c.method.toLowerCase()]!
    for (const [who, headers] of Object.entries(callers)) {
      const res = await sys.call(request(c, headers))
      const where = `${id} as ${who}: ${res.statusCode}`
      if (res.statusCode < 400) {
        if (!c.responses[res.statusCode]) undocumented.push(`${where} (a success the contract does not declare)`)
        continue
      }
      const code = (res.json() as { code?: ErrorCode }).code
      refusals.add(`${code}`)
      const documented =
        code !== undefined &&
        routeErrorCodes(c).includes(code) &&
        ERROR_STATUS[code] === res.statusCode &&
        op.responses[String(res.statusCode)]?.description.includes(code)
      if (!documented) undocumented.push(`${where} ${code}`)
    }
  }
  // The calls met refusals of several kinds (so the check above had something to judge).
  expect([...refusals]).toEqual(expect.arrayContaining(['AUTH_REQUIRED', 'REAL_NAME_REQUIRED', 'NOT_FOUND']))
  expect(undocumented).toEqual([])
})

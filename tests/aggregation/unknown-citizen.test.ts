// A citizen a department has no record of: the department answers 404 CITIZEN_NOT_FOUND, and the BFF shows an
// empty view (not an error), recording the query as not found.
import { DashboardSchema, DataAccessPageSchema, HousingFundViewSchema } from '@ysx/shared'
import { bearer, CALLER, realNameUser, startSystem, type TestSystem } from '../support/system'

let sys: TestSystem
let token: string
const STRANGER = 100 // known to 公安 (300 citizens), beyond 公积金's register (50), as is the next one

beforeAll(async () => {
  sys = await startSystem({ departments: ['gongjijin', 'jiaoguan'], sizes: { gongjijin: 50 } })
  token = await realNameUser(sys, 'stranger', STRANGER)
})
afterAll(async () => sys.close())

test('the department itself answers 404 CITIZEN_NOT_FOUND for the citizen', async () => {
  const res = await CALLER.fetch(`${sys.departments.gongjijin!.url}/v1/housing-fund/account`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-client-id': 'GOV/test', 'x-purpose': 'test' },
    body: JSON.stringify({ idNumber: sys.citizen(STRANGER).idNumber }),
  })
  expect(res.status).toBe(404)
  expect((await res.json()).code).toBe('CITIZEN_NOT_FOUND')
})

test('the BFF shows an empty housing-fund view and records both of its queries as not found', async () => {
  // A citizen of their own: no other test's dashboard has queried 公积金 for them (and left a record).
  const token = await realNameUser(sys, 'stranger-records', STRANGER + 1)
  const res = await sys.call({ method: 'GET', url: '/v1/housing-fund', headers: bearer(token) })
  expect(res.statusCode).toBe(200)
  expect(HousingFundViewSchema.parse(res.json())).toEqual({ account: null, statement: null })
  const records = DataAccessPageSchema.parse(
    (await sys.call({ method: 'GET', url: '/v1/me/data-access', headers: bearer(token) })).json(),
  ).records
  expect(records.filter((r) => r.department === 'gongjijin').map((r) => r.outcome)).toEqual(['not_found', 'not_found'])
})

test('on the dashboard the housing-fund section is ok with no data', async () => {
  const d = DashboardSchema.parse(
    (await sys.call({ method: 'GET', url: '/v1/dashboard', headers: bearer(token) })).json(),
  )
  expect(d.sections.housingFund).toEqual({ status: 'ok', data: null })
})

// The dashboard and the query routes over the real stand-ins: data agrees with the departments, reads are cached,
// and every department query made for a citizen shows in 我的数据使用记录.
import { testConfig } from '@ysx/bff/config'
import { DashboardSchema, DataAccessPageSchema, MedicalInsuranceViewSchema } from '@ysx/shared'
import {
  ALL_DEPARTMENTS,
  bearer,
  CALLER,
  OPERATOR,
  realNameUser,
  startSystem,
  type TestSystem,
} from '../support/system'

let sys: TestSystem
let token: string

beforeAll(async () => {
  // A timeout and budget no healthy stand-in comes near, however loaded the machine: these tests are about the data.
  const base = testConfig()
  sys = await startSystem({
    departments: ALL_DEPARTMENTS,
    bff: { departments: { ...base.departments, timeoutMs: 60_000, dashboardBudgetMs: 60_000 } },
  })
  token = await realNameUser(sys, 'dashboard-user', 40)
})
afterAll(async () => sys.close())

const get = (url: string, t = token) => sys.call({ method: 'GET', url, headers: bearer(t) })

test('with every department up, every dashboard section is ok', async () => {
  const res = await get('/v1/dashboard')
  expect(res.statusCode).toBe(200)
  const d = DashboardSchema.parse(res.json())
  for (const [name, section] of Object.entries(d.sections)) expect([name, section.status]).toEqual([name, 'ok'])
  const cards = d.sections.cards.status === 'ok' ? d.sections.cards.data.cards : []
  expect(cards.map((c) => c.type)).toContain('id_card')
})

test('the medical-insurance view shows the account 医保 holds for the citizen', async () => {
  const who = sys.citizen(40)
  const direct = await CALLER.fetch(`${sys.departments.yibao!.url}/v1/medical-insurance/account`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-client-id': 'GOV/test', 'x-purpose': 'test' },
    body: JSON.stringify({ idNumber: who.idNumber }),
  })
  expect(direct.status).toBe(200) // the fixed population's citizen 40 has a 医保 account
  const view = MedicalInsuranceViewSchema.parse((await get('/v1/medical-insurance')).json())
  expect(view.account).toEqual(await direct.json())
})

test.each([
  '/v1/medical-insurance',
  '/v1/social-security/contributions',
  '/v1/social-security/pension',
  '/v1/housing-fund',
  '/v1/traffic/violations',
])('GET %s answers 200 for a real-name citizen and 403 REAL_NAME_REQUIRED for a basic one', async (url) => {
  expect((await get(url)).statusCode).toBe(200)
  const basic = await sys.login(`basic-${url}`)
  const res = await get(url, basic.accessToken)
  expect(res.statusCode).toBe(403)
  expect(res.json().code).toBe('REAL_NAME_REQUIRED')
})

test('viewing again within the cache TTL does not query the department again, nor record a query', async () => {
  const t = await realNameUser(sys, 'cache-user', 41)
  const records = async () =>
    DataAccessPageSchema.parse((await get('/v1/me/data-access?limit=100', t)).json()).records.length
  const jiaoguanCalls = async () =>
    (
      (await (await fetch(`${sys.departments.jiaoguan!.url}/_admin/stats`, { headers: OPERATOR })).json()) as {
        businessRequests: number
      }
    ).businessRequests
  expect((await get('/v1/traffic/violations', t)).statusCode).toBe(200)
  const [calls, recorded] = [await jiaoguanCalls(), await records()]
  expect((await get('/v1/traffic/violations', t)).statusCode).toBe(200)
  expect([await jiaoguanCalls(), await records()]).toEqual([calls, recorded])
})

test('every department query made for the citizen is listed with department, data, purpose and time', async () => {
  const t = await realNameUser(sys, 'records-user', 42)
  await get('/v1/housing-fund', t)
  const page = DataAccessPageSchema.parse((await get('/v1/me/data-access', t)).json())
  const kinds = page.records.filter((r) => r.department === 'gongjijin').map((r) => r.dataKind)
  expect(kinds).toHaveLength(2)
  expect(page.records.every((r) => r.purpose.length > 0 && !Number.isNaN(Date.parse(r.at)))).toBe(true)
  expect(page.records.map((r) => r.department)).toContain('gongan') // the face check itself was a 公安 query
})

test("a citizen's data-access records are theirs alone", async () => {
  const other = await realNameUser(sys, 'other-user', 43)
  const mine = DataAccessPageSchema.parse((await get('/v1/me/data-access?limit=100')).json()).records.map((r) => r.id)
  const theirs = DataAccessPageSchema.parse((await get('/v1/me/data-access?limit=100', other)).json()).records.map(
    (r) => r.id,
  )
  expect(mine.filter((id) => theirs.includes(id))).toEqual([])
})

test('data-access pages of 3 follow on: the newest 3 first (more only to finish their last instant), then the rest, each record once', async () => {
  // A citizen of their own, with records made here: the face check, then 公积金 and 医保 (two queries each).
  const t = await realNameUser(sys, 'pages-user', 44)
  for (const url of ['/v1/housing-fund', '/v1/medical-insurance']) expect((await get(url, t)).statusCode).toBe(200)
  const listed = DataAccessPageSchema.parse((await get('/v1/me/data-access?limit=100', t)).json()).records
  expect(listed).toHaveLength(5)
  const all = listed.map((r) => r.id)
  const first = DataAccessPageSchema.parse((await get('/v1/me/data-access?limit=3', t)).json())
  expect(first.nextBefore).not.toBeNull()
  const second = DataAccessPageSchema.parse(
    (await get(`/v1/me/data-access?limit=3&before=${encodeURIComponent(first.nextBefore!)}`, t)).json(),
  )
  // Calls made in parallel (公积金's two queries) can share a millisecond; a page never ends inside one, so the first
  // page holds 3, or 4 when the 4th record was made in the 3rd's millisecond (bff/test/data-use pins both cases).
  const [one, two] = [first.records.map((r) => r.id), second.records.map((r) => r.id)]
  const grown = listed.slice(3, one.length)
  expect(one).toEqual(all.slice(0, one.length))
  expect(grown.every((r) => r.at === listed[2]!.at)).toBe(true)
  expect(listed[one.length]!.at).not.toBe(listed[one.length - 1]!.at)
  expect([...one, ...two]).toEqual(all)
  expect(second.nextBefore).toBeNull()
})

test('every reply about one person is kept by no shared cache: private, no-store, refusals included', async () => {
  const personal = [
    '/v1/dashboard',
    '/v1/medical-insurance',
    '/v1/social-security/contributions',
    '/v1/social-security/pension',
    '/v1/housing-fund',
    '/v1/traffic/violations',
    '/v1/me/data-access',
    '/v1/wallet',
    '/v1/health-codes/self/check-ins',
    '/v1/family',
  ]
  for (const url of personal) {
    const ok = await get(url)
    expect([url, ok.statusCode, ok.headers['cache-control']]).toEqual([url, 200, 'private, no-store'])
    const refused = await sys.call({ method: 'GET', url })
    expect([url, refused.statusCode, refused.headers['cache-control']]).toEqual([url, 401, 'private, no-store'])
  }
})

// The wallet (卡包): certificates from every issuer with their department's status, masked; cards bound to their
// owner (another's id is 404 like a missing one); the full view only after a step-up, audited.
import { openDataStore } from '@ysx/bff/db'
import {
  DataAccessPageSchema,
  MASKED_VIEWS,
  maskAs,
  WalletCardDetailSchema,
  WalletListSchema,
  WalletRevealedSchema,
} from '@ysx/shared'
import {
  ALL_DEPARTMENTS,
  bearer,
  CALLER,
  realNameUser,
  setFaults,
  startSystem,
  type TestSystem,
} from '../support/system'

let sys: TestSystem
let token: string
const OWNER = 30

beforeAll(async () => {
  // Load shedding off (0: no event-loop delay check): on a starved machine
  // the delay reads as unknown, counted as infinite, and a 503 OVERLOADED would stand in for the answers this is about.
  sys = await startSystem({ departments: ALL_DEPARTMENTS, bff: { maxEventLoopDelayMs: 0 } })
  token = await realNameUser(sys, 'wallet-owner', OWNER)
})
afterAll(async () => sys.close())

const get = (url: string, t = token) => sys.call({ method: 'GET', url, headers: bearer(t) })
const list = async (t = token) => WalletListSchema.parse((await get('/v1/wallet', t)).json())
const userIdOf = (t: string) =>
  (JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString()) as { sub: string }).sub

/** What 公安 issued to the owner, as it holds it (the truth the wallet masks). */
async function issuedByGongan(): Promise<({ type: string; status: string } & Record<string, unknown>)[]> {
  const direct = await CALLER.fetch(`${sys.departments.gongan!.url}/v1/certificates/lookup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-client-id': 'GOV/test', 'x-purpose': 'test' },
    body: JSON.stringify({ idNumber: sys.citizen(OWNER).idNumber }),
  })
  return ((await direct.json()) as { certificates: ({ type: string; status: string } & Record<string, unknown>)[] })
    .certificates
}

test("the list holds the citizen's certificates with each department's status, masked", async () => {
  const who = sys.citizen(OWNER)
  const res = await get('/v1/wallet')
  expect(res.statusCode).toBe(200)
  const { cards, unavailableFrom } = WalletListSchema.parse(res.json())
  expect(unavailableFrom).toEqual([])
  expect(cards.map((c) => c.type)).toContain('household_register')
  expect(res.body).not.toContain(who.idNumber)
  expect(res.body).not.toContain(who.name)
  for (const c of cards) {
    expect(c.number).toMatch(/\*/)
    expect(c.holderName.startsWith('*')).toBe(true)
  }
  // The status is the issuing department's own.
  const issued = await issuedByGongan()
  expect(issued.length).toBeGreaterThan(0)
  for (const i of issued) expect(cards.find((c) => c.type === i.type)?.status).toBe(i.status)
})

test("a card detail shows its type's allow-list only, names masked, and none of the members' ID numbers", async () => {
  const { cards } = await list()
  const household = cards.find((c) => c.type === 'household_register')!
  const res = await get(`/v1/wallet/${household.id}`)
  expect(res.statusCode).toBe(200)
  const detail = WalletCardDetailSchema.parse(res.json())
  const listed = Object.keys(MASKED_VIEWS.household_register.fields)
  for (const f of detail.fields) expect(listed).toContain(f.key.replace(/\.\d+\./g, '.*.'))
  // Each name (head and members) is its real value under the name masking rule, and nothing more.
  const record = (await issuedByGongan()).find((c) => c.type === 'household_register')!
  const at = (key: string) => key.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], record)
  const names = detail.fields.filter((f) => f.key.endsWith('.name'))
  expect(names.map((f) => f.key)).toContain('head.name')
  expect(names.map((f) => [f.key, f.value])).toEqual(names.map((f) => [f.key, maskAs('name', at(f.key) as string)]))
  for (const f of names) expect(f.value).not.toBe(at(f.key))
  expect(detail.fields.filter((f) => f.key.endsWith('idNumber'))).toEqual([])
  expect(res.body).not.toMatch(/\d{17}[\dX]/)
})

test("another citizen's card id gets a 404 identical to a missing one", async () => {
  const mine = (await list()).cards[0]!
  const other = await realNameUser(sys, 'wallet-other', OWNER + 1)
  const stolen = await get(`/v1/wallet/${mine.id}`, other)
  const missing = await get(`/v1/wallet/${'A'.repeat(32)}`, other)
  expect(stolen.statusCode).toBe(404)
  const strip = (b: { requestId: string }) => ({ ...b, requestId: '' })
  expect(strip(stolen.json())).toEqual(strip(missing.json()))
})

test("probing another citizen's card id is audited against the prober, one record per probe, answer unchanged", async () => {
  const mine = (await list()).cards[0]!
  const prober = await realNameUser(sys, 'wallet-prober', OWNER + 7)
  const detail = await get(`/v1/wallet/${mine.id}`, prober)
  const reveal = await sys.call({ method: 'POST', url: `/v1/wallet/${mine.id}/reveal`, headers: bearer(prober) })
  const missing = await get(`/v1/wallet/${'B'.repeat(32)}`, prober)
  for (const res of [detail, reveal, missing]) expect(res.statusCode).toBe(404)
  const strip = (b: { requestId: string }) => ({ ...b, requestId: '' })
  expect(strip(detail.json())).toEqual(strip(missing.json()))
  const store = openDataStore(sys.dbFile)
  const asked = new Set([detail, reveal, missing].map((r) => r.json().requestId as string))
  const probes = (await store.repos.audit.list()).filter((r) => r.requestId && asked.has(r.requestId))
  await store.close()
  expect(new Set(probes.map((r) => r.userId)).size).toBe(1) // the prober's own account
  expect(probes[0]!.userId).toBeTruthy()
  expect(probes.map((r) => [r.action, r.outcome, r.reason, r.requestId])).toEqual([
    ['authz.not_found', 'failure', 'GET /v1/wallet/:id', detail.json().requestId],
    ['authz.not_found', 'failure', 'POST /v1/wallet/:id/reveal', reveal.json().requestId],
    ['authz.not_found', 'failure', 'GET /v1/wallet/:id', missing.json().requestId],
  ])
})

test("another citizen's card id cannot be revealed: 404 NOT_FOUND, no reveal audited, no data-use record for its owner", async () => {
  const card = (await list()).cards[0]!
  const intruder = await realNameUser(sys, 'wallet-reveal-intruder', OWNER + 9)
  const records = async () =>
    DataAccessPageSchema.parse((await get('/v1/me/data-access?limit=100')).json()).records.map((r) => r.id)
  const before = await records()
  // The intruder's face verification (the binding) was just now: the step-up is not what stops them.
  const res = await sys.call({ method: 'POST', url: `/v1/wallet/${card.id}/reveal`, headers: bearer(intruder) })
  expect([res.statusCode, res.json().code]).toEqual([404, 'NOT_FOUND'])
  expect(res.body).not.toContain(sys.citizen(OWNER).name)
  expect(await records()).toEqual(before)
  const store = openDataStore(sys.dbFile)
  const trail = (await store.repos.audit.list()).filter((r) => r.requestId === res.json().requestId)
  await store.close()
  expect(trail.map((r) => [r.userId, r.action, r.outcome])).toEqual([
    [userIdOf(intruder), 'authz.not_found', 'failure'],
  ])
})

test('the full card needs a face verification in the last 5 minutes (then 403 STEP_UP_REQUIRED), and the reveal is audited once', async () => {
  const { cards } = await list()
  const card = cards[0]!
  const reveal = () => sys.call({ method: 'POST', url: `/v1/wallet/${card.id}/reveal`, headers: bearer(token) })
  const first = await reveal() // the binding face verification was just now
  expect(first.statusCode).toBe(200)
  const full = WalletRevealedSchema.parse(first.json())
  expect(full.holderName).toBe(sys.citizen(OWNER).name)
  expect(full.number).not.toMatch(/\*/)
  sys.advance(301_000)
  try {
    const stale = await reveal()
    expect([stale.statusCode, stale.json().code]).toEqual([403, 'STEP_UP_REQUIRED'])
  } finally {
    sys.advance(-301_000)
  }
  const store = openDataStore(sys.dbFile)
  const events = (await store.repos.audit.list()).filter((r) => r.action === 'certificate.reveal')
  await store.close()
  expect(events.map((r) => [r.userId, r.outcome, r.reason, r.requestId])).toEqual([
    [userIdOf(token), 'success', card.type, first.headers['x-request-id']],
  ])
})

test('with one issuer down the list is partial and names it', async () => {
  await setFaults(sys.departments.churujing!.url, { errorRate: 1 })
  try {
    const t = await realNameUser(sys, 'wallet-partial', OWNER + 2)
    const { unavailableFrom } = await list(t)
    expect(unavailableFrom).toEqual(['churujing'])
  } finally {
    await setFaults(sys.departments.churujing!.url, { errorRate: 0 })
  }
})

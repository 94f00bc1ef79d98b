// 服务大厅 over HTTP: search (the acceptance), the city switch, the guide, bad input refused with 400, and a
// signed-in citizen's recent and favourite services — bounded, and never visible to another citizen. Runs on the
// test database (YSX_TEST_DB=postgres: PostgreSQL).
import { randomUUID } from 'node:crypto'
import {
  ErrorEnvelopeSchema,
  FAVOURITE_SERVICES_MAX,
  RECENT_SERVICES_KEPT,
  ServiceGuideSchema,
  ServiceListSchema,
} from '@ysx/shared'
import type { DataStore } from '../../src/store'
import { openTestStore } from '../support/databases'
import { build, STACK_TRACE, type TestApp } from '../helper'

const CALM = { maxEventLoopDelayMs: 600_000, rateLimit: { max: 100_000, windowMs: 60_000, userMax: 100_000 } }
const GUANGZHOU = '440100'
const SHENZHEN = '440300'

let t: TestApp
let store: DataStore
const now = new Date('2026-12-03T02:00:00.000Z')
/** The test system's clock: moved on by hand where order in time matters */
let clock = now.getTime()
beforeAll(async () => {
  store = await openTestStore()
  t = await build(CALM, { store, now: () => new Date(clock) })
})
afterAll(async () => t.app.close())

/** A signed-in citizen: an account, a live session and an access token for it. */
async function citizen(): Promise<{ authorization: string }> {
  const userId = randomUUID()
  await store.repos.users.create({ id: userId, openid: `o-${userId}`, sessionKeySealed: 's', createdAt: now })
  const sid = randomUUID()
  const later = new Date(now.getTime() + 3_600_000)
  await store.repos.sessions.create(
    { id: sid, userId, createdAt: now, absoluteExpiresAt: later },
    { tokenHash: `h-${sid}`, issuedAt: now, idleExpiresAt: later },
  )
  return { authorization: `Bearer ${t.app.signAccess({ sub: userId, sid, jti: randomUUID() })}` }
}

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers })
const search = async (query: Record<string, string>) => {
  const res = await get(`/v1/services?${new URLSearchParams(query).toString()}`)
  expect(res.statusCode).toBe(200)
  return ServiceListSchema.parse(res.json())
}

describe('searching the hall', () => {
  test.each(['shebao', 'sb', '社保', '社会保险'])('"%s" answers with 社保 services first', async (q) => {
    const { items } = await search({ q, city: GUANGZHOU })
    expect(items.slice(0, 3).map((s) => s.name)).toEqual([
      expect.stringMatching(/社保|社会保险|社会保障/),
      expect.stringMatching(/社保|社会保险|社会保障/),
      expect.stringMatching(/社保|社会保险|社会保障/),
    ])
  })

  test('"gjj tiqu" finds 公积金提取', async () => {
    const { items } = await search({ q: 'gjj tiqu', city: GUANGZHOU })
    expect(items[0]).toMatchObject({ name: '住房公积金提取（租房）', authority: '广州市住房公积金管理中心' })
  })

  test('switching the city changes the results', async () => {
    const gz = await search({ q: '居住证', city: GUANGZHOU })
    const sz = await search({ q: '居住证', city: SHENZHEN })
    expect(gz.items[0]).toMatchObject({ city: GUANGZHOU, authority: '广州市公安局' })
    expect(sz.items[0]).toMatchObject({ city: SHENZHEN, authority: '深圳市公安局' })
    expect(sz.items.some((s) => s.city === GUANGZHOU)).toBe(false)
  })

  test('pages through the results 20 at a time', async () => {
    const first = await search({ city: GUANGZHOU })
    const second = await search({ city: GUANGZHOU, page: '2' })
    expect(first.items).toHaveLength(20)
    expect(first.total).toBeGreaterThan(40)
    expect(second.items[0]!.code).not.toBe(first.items[0]!.code)
  })

  test('hot services are the city’s most used', async () => {
    const res = await get(`/v1/services/hot?city=${GUANGZHOU}`)
    expect(res.statusCode).toBe(200)
    expect(res.json().items).toHaveLength(8)
  })

  test.each([
    ['a query over 40 characters', { q: '社'.repeat(41) }],
    ['a city outside Guangdong', { city: '110000' }],
    ['a district instead of a city', { city: '440106' }],
    ['an unknown life event', { event: 'holiday' }],
    ['page 0', { page: '0' }],
    ['an unknown parameter', { sort: 'name' }],
  ])('%s is refused with 400 VALIDATION_FAILED', async (_what, query) => {
    const res = await get(`/v1/services?${new URLSearchParams(query).toString()}`)
    expect(res.statusCode).toBe(400)
    expect(ErrorEnvelopeSchema.parse(res.json()).code).toBe('VALIDATION_FAILED')
    expect(res.body).not.toMatch(STACK_TRACE)
  })
})

describe('the guide', () => {
  test('answers the service with its materials, limits, fee and legal basis', async () => {
    const res = await get('/v1/services/440100GA101')
    expect(res.statusCode).toBe(200)
    const guide = ServiceGuideSchema.parse(res.json())
    expect(guide).toMatchObject({ name: '居住证申领', authority: '广州市公安局', favourite: null })
    expect(guide.materials).toContainEqual({ name: '居民身份证', evidence: 'A', credential: 'id_card' })
    expect(guide.legalBasis.join()).toContain('居住证暂行条例')
  })

  test('an unknown code answers 404 SERVICE_NOT_FOUND, a malformed one 400', async () => {
    const unknown = await get('/v1/services/440100GA999')
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'SERVICE_NOT_FOUND'])
    const malformed = await get('/v1/services/abc')
    expect([malformed.statusCode, malformed.json().code]).toEqual([400, 'VALIDATION_FAILED'])
  })
})

describe('a citizen’s recent and favourite services', () => {
  const put = (code: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'PUT', url: `/v1/me/services/favourites/${code}`, headers })

  test('opening a guide signed in makes it the most recent; the list keeps the last 20', async () => {
    const me = await citizen()
    const { items } = await search({ city: GUANGZHOU, page: '1' })
    const more = (await search({ city: GUANGZHOU, page: '2' })).items
    const codes = [...items, ...more].map((s) => s.code).slice(0, RECENT_SERVICES_KEPT + 3)
    for (const code of codes) {
      clock += 1000
      expect((await get(`/v1/services/${code}`, me)).statusCode).toBe(200)
    }
    const recent = (await get('/v1/me/services/recent', me)).json().items as { code: string }[]
    expect(recent).toHaveLength(RECENT_SERVICES_KEPT)
    expect(recent[0]!.code).toBe(codes.at(-1))
  })

  test('favourites: added, shown in the guide, removed; and another citizen never sees them', async () => {
    const me = await citizen()
    const other = await citizen()
    expect((await put('440100GJ101', me)).statusCode).toBe(204)
    expect((await put('440100GJ101', me)).statusCode).toBe(204)
    expect((await get('/v1/services/440100GJ101', me)).json().favourite).toBe(true)
    expect((await get('/v1/me/services/favourites', me)).json().items.map((s: { code: string }) => s.code)).toEqual([
      '440100GJ101',
    ])
    expect((await get('/v1/me/services/favourites', other)).json().items).toEqual([])
    expect((await get('/v1/services/440100GJ101', other)).json().favourite).toBe(false)
    const removed = await t.app.inject({ method: 'DELETE', url: '/v1/me/services/favourites/440100GJ101', headers: me })
    expect(removed.statusCode).toBe(204)
    expect((await get('/v1/me/services/favourites', me)).json().items).toEqual([])
  })

  test(`a citizen keeps at most ${FAVOURITE_SERVICES_MAX} favourites: the next is 409 FAVOURITES_LIMIT_REACHED`, async () => {
    const me = await citizen()
    const codes = (await Promise.all([1, 2, 3].map((page) => search({ city: GUANGZHOU, page: String(page) }))))
      .flatMap((l) => l.items)
      .map((s) => s.code)
    for (const code of codes.slice(0, FAVOURITE_SERVICES_MAX)) expect((await put(code, me)).statusCode).toBe(204)
    const over = await put(codes[FAVOURITE_SERVICES_MAX]!, me)
    expect([over.statusCode, over.json().code]).toEqual([409, 'FAVOURITES_LIMIT_REACHED'])
    expect((await get('/v1/me/services/favourites', me)).json().items).toHaveLength(FAVOURITE_SERVICES_MAX)
  })

  test('a made-up service code is not stored: 404 SERVICE_NOT_FOUND', async () => {
    const me = await citizen()
    const res = await put('440100GA999', me)
    expect([res.statusCode, res.json().code]).toEqual([404, 'SERVICE_NOT_FOUND'])
    expect((await get('/v1/me/services/favourites', me)).json().items).toEqual([])
  })

  test('the citizen’s copy of their data (下载我的数据) holds their favourites and recent services', async () => {
    const me = await citizen()
    await put('440100GJ101', me)
    await get('/v1/services/440100GA101', me)
    const res = await t.app.inject({ method: 'POST', url: '/v1/me/personal-data/export', headers: me })
    expect(res.statusCode).toBe(200)
    expect(res.json().services).toEqual({
      favourites: [{ code: '440100GJ101', at: expect.any(String) }],
      recent: [{ code: '440100GA101', at: expect.any(String) }],
    })
  })

  test('signed out, the lists answer 401 AUTH_REQUIRED', async () => {
    const res = await get('/v1/me/services/favourites')
    expect([res.statusCode, res.json().code]).toEqual([401, 'AUTH_REQUIRED'])
  })
})

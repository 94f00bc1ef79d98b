// The data-use service is the one writer of 我的数据使用记录: every department call made for a citizen is recorded
// once with its outcome — lookups through its readers, other calls through track() — and a reply the adapter served
// from its cache, having asked nobody, is not.
import { POPULATION_DEPARTMENT_CODES, rensheContracts, weijianContracts } from '@ysx/shared'
import { createDataUseService } from '../../src/data-use'
import { AppError } from '../../src/platform/app-error'
import type { DepartmentLookup, DepartmentLookups } from '../../src/platform/departments'
import { openTestStore } from '../support/databases'

const USER = '00000000-0000-4000-8000-000000000001'
const SUBJECT = { userId: USER, idNumber: '44010619900307116X' }
const WHY = { purpose: '查看社保缴费记录（本人查询）' }

/** A department adapter whose next answer the test sets: a record, not known (404), a failure, or the cache. */
function fakeLookups() {
  let next: { value?: unknown; asked?: boolean; error?: Error } = {}
  const lookup: DepartmentLookup = {
    lookup: async () => {
      if (next.error) throw next.error
      return { value: next.value as never, asked: next.asked ?? true }
    },
    readOpen: async () => ({}) as never,
  }
  const lookups = Object.fromEntries(POPULATION_DEPARTMENT_CODES.map((d) => [d, lookup])) as DepartmentLookups
  return { lookups, answer: (a: typeof next) => (next = a) }
}

async function setup() {
  const store = await openTestStore()
  await store.repos.users.create({ id: USER, openid: 'o-1', sessionKeySealed: 'x', createdAt: new Date() })
  let clock = Date.UTC(2026, 11, 2, 8)
  const fake = fakeLookups()
  const dataUse = createDataUseService(fake.lookups, store.repos.dataAccess, () => new Date((clock += 1000)))
  const records = async () => (await dataUse.list(USER, 50)).records
  return { store, dataUse, answer: fake.answer, records }
}

it('records a lookup the department answered, did not know, or failed, with what was asked and why', async () => {
  const { store, dataUse, answer, records } = await setup()
  const c = rensheContracts.contributions
  answer({ value: { months: [] } })
  await expect(dataUse.readers.renshe.read(c, SUBJECT, WHY)).resolves.toEqual({ months: [] })
  answer({ value: undefined })
  await expect(dataUse.readers.renshe.read(c, SUBJECT, WHY)).resolves.toBeUndefined()
  answer({ error: new AppError('UPSTREAM_TIMEOUT') })
  await expect(dataUse.readers.renshe.read(c, SUBJECT, WHY)).rejects.toMatchObject({ code: 'UPSTREAM_TIMEOUT' })
  const got = await records()
  expect(got.map((r) => r.outcome)).toEqual(['failed', 'not_found', 'served'])
  for (const r of got) {
    expect(r).toMatchObject({ department: 'renshe', dataKind: c.summary, purpose: WHY.purpose, caseId: null })
  }
  await store.close()
})

it('does not record a reply served from the cache: no department was asked', async () => {
  const { store, dataUse, answer, records } = await setup()
  answer({ value: { months: [] }, asked: false })
  await expect(dataUse.readers.renshe.read(rensheContracts.contributions, SUBJECT, WHY)).resolves.toEqual({
    months: [],
  })
  expect(await records()).toEqual([])
  await store.close()
})

it('tracks a call that is not a lookup (an appeal filed with 卫健), its case id included, and rethrows a failure', async () => {
  const { store, dataUse, records } = await setup()
  const call = {
    userId: USER,
    department: 'weijian' as const,
    dataKind: weijianContracts.fileAppeal.summary,
    why: { purpose: '粤康码（本人）：申诉', caseId: 'YSX-HC-1' },
  }
  await expect(dataUse.track(call, async () => ({ appealId: 'A-1' }))).resolves.toEqual({ appealId: 'A-1' })
  await expect(dataUse.track(call, async () => undefined)).resolves.toBeUndefined()
  const down = new AppError('UPSTREAM_UNAVAILABLE')
  await expect(dataUse.track(call, () => Promise.reject(down))).rejects.toBe(down)
  expect((await records()).map((r) => [r.department, r.outcome, r.caseId])).toEqual([
    ['weijian', 'failed', 'YSX-HC-1'],
    ['weijian', 'not_found', 'YSX-HC-1'],
    ['weijian', 'served', 'YSX-HC-1'],
  ])
  await store.close()
})

it('pages the records newest first, continuing from nextBefore', async () => {
  const { store, dataUse, answer } = await setup()
  answer({ value: { months: [] } })
  for (let i = 0; i < 5; i += 1) await dataUse.readers.renshe.read(rensheContracts.contributions, SUBJECT, WHY)
  const first = await dataUse.list(USER, 3)
  expect(first.records).toHaveLength(3)
  expect(first.nextBefore).toBe(first.records[2]!.at)
  const second = await dataUse.list(USER, 3, first.nextBefore!)
  expect(second.records).toHaveLength(2)
  expect(second.nextBefore).toBeNull()
  const times = [...first.records, ...second.records].map((r) => Date.parse(r.at))
  expect(times).toEqual([...times].sort((a, b) => b - a))
  expect(new Set(times).size).toBe(5)
  await store.close()
})

it('never splits one instant between pages: records made in the same millisecond are each listed once', async () => {
  const store = await openTestStore()
  await store.repos.users.create({ id: USER, openid: 'o-1', sessionKeySealed: 'x', createdAt: new Date() })
  const fake = fakeLookups()
  let at = 0
  const dataUse = createDataUseService(fake.lookups, store.repos.dataAccess, () => new Date(at))
  fake.answer({ value: { months: [] } })
  // Oldest first: three calls in one millisecond, five in the next (a dashboard's parallel calls), then one more.
  const T = Date.UTC(2026, 11, 2, 8)
  for (const instant of [T, T, T, T + 1, T + 1, T + 1, T + 1, T + 1, T + 2]) {
    at = instant
    await dataUse.readers.renshe.read(rensheContracts.contributions, SUBJECT, WHY)
  }
  const everyRecord = (await dataUse.list(USER, 100)).records.map((r) => r.id)
  expect(everyRecord).toHaveLength(9)

  /** The sizes of the pages a client paging with `limit` gets, and every id it sees, in order */
  async function pageThrough(limit: number) {
    const sizes: number[] = []
    const ids: string[] = []
    for (let before: string | null | undefined; before !== null;) {
      const page = await dataUse.list(USER, limit, before)
      sizes.push(page.records.length)
      ids.push(...page.records.map((r) => r.id))
      before = page.nextBefore
    }
    return { sizes, ids }
  }
  for (const limit of [1, 2, 3, 4, 8, 9, 20]) expect((await pageThrough(limit)).ids).toEqual(everyRecord)
  // A page ending inside an instant takes all of it; a page filled by one instant grows to hold it.
  expect((await pageThrough(3)).sizes).toEqual([6, 3])
  expect((await pageThrough(1)).sizes).toEqual([1, 5, 3])
  expect((await pageThrough(6)).sizes).toEqual([6, 3])
  expect((await pageThrough(8)).sizes).toEqual([9])
  await store.close()
})

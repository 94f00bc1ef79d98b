// The repository contract, part 4 — transactions, on SQLite and PostgreSQL alike: `atomically` keeps all of its
// writes or none, a repository's own transaction inside it goes with it, and readiness answers while the database does.
import { DIALECTS, openTestStore } from '../support/databases'
import type { DataStore } from '../../src/store'

const T0 = Date.parse('2026-11-20T02:00:00.000Z')
const at = (s: number) => new Date(T0 + s * 1000)
const ALICE = '00000000-0000-4000-8000-00000000000a'

describe.each(DIALECTS)('on %s', (dialect) => {
  let store: DataStore
  beforeEach(async () => {
    store = await openTestStore(dialect)
    await store.repos.users.create({ id: ALICE, openid: 'o-alice', sessionKeySealed: 's-a', createdAt: at(0) })
  })
  afterEach(async () => {
    await store.close()
  })

  const chain = (prev: string) => `${prev.slice(0, 4)}+`

  test('writes made inside atomically are all kept when the work succeeds', async () => {
    const value = await store.atomically(async () => {
      await store.repos.feedback.insert({
        id: 'f1',
        category: 'bug',
        content: '内容',
        contactSealed: null,
        contactMasked: null,
        createdAt: at(1),
        userId: ALICE,
      })
      await store.repos.audit.append(
        { at: at(1), userId: ALICE, action: 'x', outcome: 'success', reason: null, requestId: null, ip: null },
        chain,
      )
      return 'done'
    })
    expect(value).toBe('done')
    await expect(store.repos.feedback.byUser(ALICE)).resolves.toHaveLength(1)
    await expect(store.repos.audit.list()).resolves.toHaveLength(1)
  })

  test('an error inside atomically rolls back every write, a repository transaction’s among them', async () => {
    const failed = store.atomically(async () => {
      await store.repos.audit.append(
        { at: at(1), userId: ALICE, action: 'x', outcome: 'success', reason: null, requestId: null, ip: null },
        chain,
      )
      await store.repos.healthCode.firstUse('jti-1', at(1))
      await store.repos.users.remove(ALICE)
      throw new Error('half-way')
    })
    await expect(failed).rejects.toThrow('half-way')
    await expect(store.repos.audit.list()).resolves.toEqual([])
    await expect(store.repos.users.findById(ALICE)).resolves.toMatchObject({ id: ALICE })
    await expect(store.repos.healthCode.firstUse('jti-1', at(2))).resolves.toBe(true)
  })

  test('two atomically blocks at once each keep their own writes', async () => {
    const add = (id: string) =>
      store.atomically(async () => {
        await store.repos.healthCode.firstUse(id, at(1))
        return store.repos.healthCode.firstUse(`${id}-again`, at(1))
      })
    await expect(Promise.all([add('a'), add('b')])).resolves.toEqual([true, true])
    await expect(store.repos.healthCode.purgeOneUseBefore(at(2))).resolves.toBe(4)
  })

  test('readiness: the ping answers true while the database is open, false once it is closed', async () => {
    await expect(store.ping()).resolves.toBe(true)
    await store.close()
    await expect(store.ping()).resolves.toBe(false)
  })
})

// What each part of the repository contract starts from: a fresh store of the dialect for every test, holding two
// citizens' accounts (ALICE, BOB) made at known instants; closed after the test.
import { type Dialect, openTestStore } from '../support/databases'
import type { DataStore } from '../../src/store'

export const T0 = Date.parse('2026-11-20T02:00:00.000Z')
/** The instant `s` seconds after T0. */
export const at = (s: number) => new Date(T0 + s * 1000)
export const ALICE = '00000000-0000-4000-8000-00000000000a'
export const BOB = '00000000-0000-4000-8000-00000000000b'

/** Registers the hooks inside a `describe`; call the returned function in a test for that test's store. */
export function storeWithTwoCitizens(dialect: Dialect): () => DataStore {
  let store: DataStore
  beforeEach(async () => {
    store = await openTestStore(dialect)
    await store.repos.users.create({ id: ALICE, openid: 'o-alice', sessionKeySealed: 's-a', createdAt: at(0) })
    await store.repos.users.create({ id: BOB, openid: 'o-bob', sessionKeySealed: 's-b', createdAt: at(1) })
  })
  afterEach(async () => {
    await store.close()
  })
  return () => store
}

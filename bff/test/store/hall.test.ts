// The 服务大厅 repository on both databases: a citizen's recent services are the last 20 opened, newest first;
// favourites are bounded, counted and added as one step (concurrent adds never pass the bound), and each citizen's
// rows are theirs alone.
import { DIALECTS } from '../support/databases'
import { ALICE, at, BOB, storeWithTwoCitizens } from './two-citizens'

const code = (i: number) => `440100GA${String(100 + i).padStart(3, '0')}`

describe.each(DIALECTS)('hall repository on %s', (dialect) => {
  const store = storeWithTwoCitizens(dialect)

  test('keeps only the most recent opened services, newest first, and reopening moves one to the front', async () => {
    const repo = store().repos.hall
    for (let i = 0; i < 25; i += 1) await repo.recordOpened(ALICE, code(i), at(i), 20)
    await repo.recordOpened(ALICE, code(10), at(100), 20)
    const recent = await repo.recentOf(ALICE)
    expect(recent).toHaveLength(20)
    expect(recent[0]).toBe(code(10))
    expect(recent[1]).toBe(code(24))
    expect(recent).not.toContain(code(4))
    expect(await repo.recentOf(BOB)).toEqual([])
  })

  test('adds favourites up to the bound, says so past it, and a second add of one is no new row', async () => {
    const repo = store().repos.hall
    for (let i = 0; i < 3; i += 1) expect(await repo.addFavouriteWithin(ALICE, code(i), at(i), 3)).toBe('added')
    expect(await repo.addFavouriteWithin(ALICE, code(1), at(5), 3)).toBe('exists')
    expect(await repo.addFavouriteWithin(ALICE, code(9), at(6), 3)).toBe('full')
    expect(await repo.favouritesOf(ALICE)).toEqual([code(2), code(1), code(0)])
    await repo.removeFavourite(ALICE, code(1))
    expect(await repo.addFavouriteWithin(ALICE, code(9), at(7), 3)).toBe('added')
  })

  test('concurrent adds never pass the bound', async () => {
    const repo = store().repos.hall
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => repo.addFavouriteWithin(ALICE, code(i), at(i), 5)),
    )
    expect(results.filter((r) => r === 'added')).toHaveLength(5)
    expect(await repo.favouritesOf(ALICE)).toHaveLength(5)
  })

  test('one citizen’s favourites are never another’s, and removing one of theirs touches nothing of mine', async () => {
    const repo = store().repos.hall
    await repo.addFavouriteWithin(ALICE, code(1), at(1), 50)
    await repo.addFavouriteWithin(BOB, code(2), at(2), 50)
    await repo.removeFavourite(BOB, code(1))
    expect(await repo.favouritesOf(ALICE)).toEqual([code(1)])
    expect(await repo.favouritesOf(BOB)).toEqual([code(2)])
  })

  test('the rows go when the account goes', async () => {
    const s = store()
    await s.repos.hall.addFavouriteWithin(ALICE, code(1), at(1), 50)
    await s.repos.hall.recordOpened(ALICE, code(1), at(1), 20)
    await s.repos.hall.addFavouriteWithin(BOB, code(1), at(1), 50)
    expect(await s.repos.users.remove(ALICE)).toBe(true)
    expect(await s.repos.hall.favouritesOf(ALICE)).toEqual([])
    expect(await s.repos.hall.recentOf(ALICE)).toEqual([])
    expect(await s.repos.hall.favouritesOf(BOB)).toEqual([code(1)])
  })
})

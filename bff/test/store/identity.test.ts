// The repository contract, part 1 — accounts, sessions and face challenges — run against SQLite and PostgreSQL alike:
// the same calls must give the same answers on either database.
import { DIALECTS, refusal } from '../support/databases'
import { ALICE, BOB, at, storeWithTwoCitizens } from './two-citizens'

describe.each(DIALECTS)('on %s', (dialect) => {
  const store = storeWithTwoCitizens(dialect)

  const binding = (hash: string) => ({
    idNumberSealed: `sealed-${hash}`,
    idNumberHash: hash,
    idNumberMasked: '440***********116X',
    nameSealed: 'n',
    nameMasked: '*三',
    phoneSealed: null,
    phoneMasked: null,
    at: at(10),
  })

  test('an account is read back as created, by id and by openid; an unknown one finds nothing', async () => {
    const { users } = store().repos
    const alice = await users.findById(ALICE)
    expect(alice).toMatchObject({ id: ALICE, openid: 'o-alice', level: 'basic', sessionKeySealed: 's-a' })
    expect(alice?.createdAt).toEqual(at(0))
    await expect(users.findByOpenid('o-bob')).resolves.toMatchObject({ id: BOB })
    await expect(users.findById('nobody')).resolves.toBeUndefined()
    await expect(users.findByOpenid('o-nobody')).resolves.toBeUndefined()
  })

  test('a second account with the same openid is refused by the database', async () => {
    const again = store().repos.users.create({
      id: 'other',
      openid: 'o-alice',
      sessionKeySealed: 'x',
      createdAt: at(2),
    })
    await expect(refusal(again)).resolves.toMatch(/unique/i)
    await expect(store().repos.users.findById('other')).resolves.toBeUndefined()
  })

  test('an ID number binds to one account only: another account binding it is refused, the holder may again', async () => {
    const { users } = store().repos
    await expect(users.bindRealName(ALICE, binding('h-1'))).resolves.toBe(true)
    await expect(users.bindRealName(BOB, binding('h-1'))).resolves.toBe(false)
    await expect(users.bindRealName(ALICE, binding('h-1'))).resolves.toBe(true)
    await expect(users.findByIdNumberHash('h-1')).resolves.toMatchObject({ id: ALICE, level: 'real_name' })
    await expect(users.findById(BOB)).resolves.toMatchObject({ level: 'basic', idNumberHash: null })
  })

  test('two accounts binding one ID number at the same time: exactly one gets it', async () => {
    const { users } = store().repos
    const bound = await Promise.all([
      users.bindRealName(ALICE, binding('h-2')),
      users.bindRealName(BOB, binding('h-2')),
    ])
    expect(bound.filter(Boolean)).toHaveLength(1)
    await expect(users.findByIdNumberHash('h-2')).resolves.toMatchObject({ level: 'real_name' })
  })

  test('the session key is replaced; removing an account takes its sessions along and reports it once', async () => {
    const { users, sessions } = store().repos
    await users.setSessionKey(ALICE, 's-new')
    await expect(users.findById(ALICE)).resolves.toMatchObject({ sessionKeySealed: 's-new' })
    await sessions.create(
      { id: 'sess-a', userId: ALICE, createdAt: at(0), absoluteExpiresAt: at(1000) },
      { tokenHash: 't1', issuedAt: at(0), idleExpiresAt: at(100) },
    )
    await expect(users.remove(ALICE)).resolves.toBe(true)
    await expect(users.remove(ALICE)).resolves.toBe(false)
    await expect(sessions.listByUser(ALICE)).resolves.toEqual([])
    await expect(
      sessions.rotate('t1', at(1), { tokenHash: 't2', issuedAt: at(1), idleExpiresAt: at(101) }),
    ).resolves.toEqual({ kind: 'unknown' })
  })

  describe('sessions', () => {
    const open = (id: string, userId = ALICE, created = 0) =>
      store().repos.sessions.create(
        { id, userId, createdAt: at(created), absoluteExpiresAt: at(1000) },
        { tokenHash: `${id}-t1`, issuedAt: at(created), idleExpiresAt: at(created + 100) },
      )
    const next = (hash: string, s: number) => ({ tokenHash: hash, issuedAt: at(s), idleExpiresAt: at(s + 100) })

    test('a refresh token rotates once; the spent one used again revokes the whole family', async () => {
      const { sessions } = store().repos
      await open('sess-a')
      await expect(sessions.rotate('sess-a-t1', at(5), next('t2', 5))).resolves.toMatchObject({ kind: 'rotated' })
      await expect(sessions.rotate('sess-a-t1', at(6), next('t3', 6))).resolves.toMatchObject({ kind: 'reused' })
      await expect(sessions.findActive('sess-a', at(7))).resolves.toBeUndefined()
      await expect(sessions.rotate('t2', at(8), next('t4', 8))).resolves.toMatchObject({ kind: 'revoked' })
      await expect(sessions.rotate('no-such', at(8), next('t5', 8))).resolves.toEqual({ kind: 'unknown' })
    })

    test('of two refreshes racing with the same token exactly one rotates', async () => {
      const { sessions } = store().repos
      await open('sess-a')
      const results = await Promise.all([
        sessions.rotate('sess-a-t1', at(5), next('r1', 5)),
        sessions.rotate('sess-a-t1', at(5), next('r2', 5)),
      ])
      expect(results.map((r) => r.kind).sort()).toEqual(['reused', 'rotated'])
    })

    test('a token past its idle lifetime, or a session past its absolute one, is expired', async () => {
      const { sessions } = store().repos
      await open('sess-a')
      await expect(sessions.rotate('sess-a-t1', at(100), next('t2', 100))).resolves.toMatchObject({ kind: 'expired' })
      await expect(sessions.findActive('sess-a', at(999))).resolves.toMatchObject({ id: 'sess-a' })
      await expect(sessions.findActive('sess-a', at(1000))).resolves.toBeUndefined()
    })

    test('a revoked session is no longer active; step-up is kept per session; sessions list oldest first', async () => {
      const { sessions } = store().repos
      await open('sess-b', ALICE, 3)
      await open('sess-a', ALICE, 1)
      await open('sess-bob', BOB, 2)
      await sessions.setStepUp('sess-a', at(4))
      expect((await sessions.listByUser(ALICE)).map((s) => [s.id, s.stepUpAt])).toEqual([
        ['sess-a', at(4)],
        ['sess-b', null],
      ])
      await sessions.revoke('sess-b', 'logout', at(5))
      await expect(sessions.findActive('sess-b', at(6))).resolves.toBeUndefined()
      await expect(sessions.findActive('sess-a', at(6))).resolves.toMatchObject({ revokedAt: null })
    })

    test('the purge deletes revoked, absolutely expired and idle sessions, and keeps a live one', async () => {
      const { sessions } = store().repos
      await open('live')
      await open('revoked')
      await open('idle', ALICE, -200)
      await sessions.revoke('revoked', 'logout', at(1))
      await expect(sessions.purgeEnded(at(50))).resolves.toBe(2)
      expect((await sessions.listByUser(ALICE)).map((s) => s.id)).toEqual(['live'])
      await expect(sessions.purgeEnded(at(1000))).resolves.toBe(1)
    })
  })

  describe('face challenges', () => {
    const issue = (id: string, userId = ALICE) =>
      store().repos.faceChallenges.create({ id, userId, digits: '1234', issuedAt: at(0), expiresAt: at(120) })

    test('a challenge is claimed once by its user; again it is used; another user finds none', async () => {
      const { faceChallenges } = store().repos
      await issue('c1')
      await expect(faceChallenges.claim('c1', BOB, at(1))).resolves.toEqual({ kind: 'not_found' })
      await expect(faceChallenges.claim('c1', ALICE, at(1))).resolves.toMatchObject({
        kind: 'claimed',
        challenge: { id: 'c1', digits: '1234', usedAt: null },
      })
      await expect(faceChallenges.claim('c1', ALICE, at(2))).resolves.toEqual({ kind: 'used' })
    })

    test('an expired challenge is spent by the attempt; the purge deletes expired ones only', async () => {
      const { faceChallenges } = store().repos
      await issue('c1')
      await issue('c2')
      await expect(faceChallenges.claim('c1', ALICE, at(120))).resolves.toEqual({ kind: 'expired' })
      await expect(faceChallenges.claim('c1', ALICE, at(1))).resolves.toEqual({ kind: 'used' })
      await expect(faceChallenges.purgeExpired(at(119))).resolves.toBe(0)
      await expect(faceChallenges.purgeExpired(at(120))).resolves.toBe(2)
    })
  })
})

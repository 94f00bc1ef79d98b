// The repository contract, part 3 — 粤康码: family members, declarations, venues and check-ins, statuses, the one-use
// guard, appeals, the citizen's copy and erasure, the retention purges — run against SQLite and PostgreSQL alike.
import { DIALECTS } from '../support/databases'
import { ALICE, BOB, at, storeWithTwoCitizens } from './two-citizens'
import type { FamilyMemberRow, HealthStatusRow } from '../../src/store'

const member = (id: string, ownerId: string, hash: string, o: Partial<FamilyMemberRow> = {}): FamilyMemberRow => ({
  id,
  ownerId,
  nameSealed: 'n',
  nameMasked: '*三',
  idNumberSealed: 'i',
  idNumberHash: hash,
  relation: 'parent',
  consentMethod: 'member',
  consentVersion: 'v1',
  addedAt: at(0),
  removedAt: null,
  status: 'pending',
  memberUserId: null,
  consentedAt: null,
  ...o,
})
const status = (holder: string, o: Partial<HealthStatusRow> = {}): HealthStatusRow => ({
  holder,
  maskedName: '*三',
  colour: 'green',
  reasons: '[]',
  negativeWithinHours: null,
  ruleVersion: '2026-11-v1',
  evaluatedAt: at(0),
  validUntil: at(3600),
  stale: false,
  credential: 'cred',
  credentialId: `cid-${holder}`,
  deviceKeyThumbprint: null,
  credentialExpiresAt: null,
  ...o,
})
const venue = (id: string, creditCode: string, ownerId: string | null = ALICE) => ({
  id,
  ownerId,
  creditCode,
  name: `场所 ${id}`,
  areaCode: '440106',
  address: '天河路',
  createdAt: at(0),
})

describe.each(DIALECTS)('on %s', (dialect) => {
  const store = storeWithTwoCitizens(dialect)

  test('a pending member is listed but not active until they accept; accepting twice changes nothing', async () => {
    const repo = store().repos.healthCode
    await repo.addMember(member('m1', ALICE, 'h-mum'))
    await expect(repo.members(ALICE)).resolves.toHaveLength(1)
    await expect(repo.member(ALICE, 'm1')).resolves.toBeUndefined()
    await expect(repo.requestsFor('h-mum', BOB)).resolves.toEqual([expect.objectContaining({ memberUserId: BOB })])
    await expect(repo.acceptRequest('h-mum', 'm1', BOB, at(5))).resolves.toMatchObject({
      status: 'active',
      consentedAt: at(5),
    })
    await expect(repo.acceptRequest('h-mum', 'm1', BOB, at(6))).resolves.toBeUndefined()
    await expect(repo.member(ALICE, 'm1')).resolves.toMatchObject({ id: 'm1' })
    await expect(repo.member(BOB, 'm1')).resolves.toBeUndefined()
    await expect(repo.activeMemberCount(ALICE)).resolves.toBe(1)
    await expect(repo.removeMember(ALICE, 'm1', at(7))).resolves.toBe(true)
    await expect(repo.removeMember(ALICE, 'm1', at(8))).resolves.toBe(false)
    await expect(repo.members(ALICE)).resolves.toEqual([])
  })

  test('a family challenge is claimed once, by its owner, before it expires', async () => {
    const repo = store().repos.healthCode
    await repo.addFamilyChallenge({ id: 'fc', ownerId: ALICE, digits: '4321', expiresAt: at(120), usedAt: null })
    await expect(repo.claimFamilyChallenge(BOB, 'fc', at(1))).resolves.toBeUndefined()
    await expect(repo.claimFamilyChallenge(ALICE, 'fc', at(1))).resolves.toBe('4321')
    await expect(repo.claimFamilyChallenge(ALICE, 'fc', at(2))).resolves.toBeUndefined()
    await expect(repo.purgeFamilyChallenges(at(121))).resolves.toBe(1)
  })

  test('declarations since a time come newest first; a voided one is no longer standing', async () => {
    const repo = store().repos.healthCode
    for (const [id, s] of [
      ['d1', 10],
      ['d2', 30],
      ['d0', 1],
    ] as const)
      await repo.addDeclaration({
        id,
        holder: `u:${ALICE}`,
        kind: 'health',
        payload: '{}',
        declaredAt: at(s),
        effectiveAt: at(s),
        voidedAt: null,
      })
    expect((await repo.declarationsSince(`u:${ALICE}`, at(10))).map((d) => d.id)).toEqual(['d2', 'd1'])
    await expect(repo.hasDeclaration(`u:${ALICE}`, 'd2')).resolves.toBe(true)
    await expect(repo.voidDeclaration(`u:${ALICE}`, 'd2', at(40))).resolves.toBe(true)
    await expect(repo.voidDeclaration(`u:${ALICE}`, 'd2', at(41))).resolves.toBe(false)
    await expect(repo.hasDeclaration(`u:${ALICE}`, 'd2')).resolves.toBe(false)
    await expect(repo.purgeDeclarationsBefore(at(10))).resolves.toBe(1)
  })

  test('a business gets at most its limit of venues, also when the registrations race', async () => {
    const repo = store().repos.healthCode
    const added = await Promise.all(
      ['v1', 'v2', 'v3', 'v4'].map((id) => repo.addVenueWithin(venue(id, '91440000MA5XXXXX0A'), 2)),
    )
    expect(added.filter(Boolean)).toHaveLength(2)
    await expect(repo.addVenueWithin(venue('other', '91440000MA5YYYYY0B'), 2)).resolves.toBe(true)
    await expect(repo.venuesOf(ALICE)).resolves.toHaveLength(3)
  })

  test('check-ins since a time come with their venue, newest first; voiding and the purge', async () => {
    const repo = store().repos.healthCode
    await repo.addVenueWithin(venue('v1', 'code-1'), 5)
    await repo.addCheckIn({ id: 'k1', holder: `u:${ALICE}`, venueId: 'v1', at: at(10), voidedAt: null })
    await repo.addCheckIn({ id: 'k2', holder: `u:${ALICE}`, venueId: 'v1', at: at(20), voidedAt: null })
    const since = await repo.checkInsSince(`u:${ALICE}`, at(0))
    expect(since.map((c) => [c.id, c.venueName, c.areaCode])).toEqual([
      ['k2', '场所 v1', '440106'],
      ['k1', '场所 v1', '440106'],
    ])
    await expect(repo.voidCheckIn(`u:${ALICE}`, 'k2', at(30))).resolves.toBe(true)
    await expect(repo.hasCheckIn(`u:${ALICE}`, 'k2')).resolves.toBe(false)
    await expect(repo.hasCheckIn(`u:${BOB}`, 'k1')).resolves.toBe(false)
    await expect(repo.purgeCheckInsBefore(at(20))).resolves.toBe(1)
  })

  test('a status is written once per holder and replaced; read by holder and by credential; marked stale', async () => {
    const repo = store().repos.healthCode
    await repo.putStatus(status('u:a'))
    await repo.putStatus(status('u:a', { colour: 'yellow', credentialId: 'cid-2', negativeWithinHours: 48 }))
    await expect(repo.status('u:a')).resolves.toEqual(
      status('u:a', { colour: 'yellow', credentialId: 'cid-2', negativeWithinHours: 48 }),
    )
    await expect(repo.statusByCredential('cid-2')).resolves.toMatchObject({ holder: 'u:a' })
    await expect(repo.statusByCredential('cid-u:a')).resolves.toBeUndefined()
    await repo.markStale('u:a')
    await expect(repo.status('u:a')).resolves.toMatchObject({ stale: true })
    await expect(repo.status('u:none')).resolves.toBeUndefined()
  })

  test('a one-use id is used once until given back; the purge deletes uses strictly before the cut-off', async () => {
    const repo = store().repos.healthCode
    await expect(repo.firstUse('cred:proof', at(1))).resolves.toBe(true)
    await expect(repo.firstUse('cred:proof', at(2))).resolves.toBe(false)
    await repo.releaseUse('cred:proof')
    await expect(repo.firstUse('cred:proof', at(3))).resolves.toBe(true)
    await expect(repo.purgeOneUseBefore(at(3))).resolves.toBe(0)
    await expect(repo.purgeOneUseBefore(at(4))).resolves.toBe(1)
  })

  test('appeals list newest first and record the decision; the copy and the erasure cover every holder’s record', async () => {
    const repo = store().repos.healthCode
    const holder = `u:${ALICE}`
    for (const [appealId, s] of [
      ['a1', 1],
      ['a2', 2],
    ] as const)
      await repo.addAppeal({
        appealId,
        holder,
        rule: 'r',
        targetKind: 'test_result',
        targetId: null,
        filedAt: at(s),
        decision: null,
        decidedAt: null,
      })
    await repo.closeAppeal('a1', 'upheld', at(3))
    expect((await repo.appealsOf(holder)).map((a) => [a.appealId, a.decision])).toEqual([
      ['a2', null],
      ['a1', 'upheld'],
    ])
    await repo.addVenueWithin(venue('v1', 'code-1'), 5)
    await repo.addCheckIn({ id: 'k1', holder, venueId: 'v1', at: at(10), voidedAt: null })
    await repo.putStatus(status(holder))
    await repo.addMember(member('m1', ALICE, 'h-mum'))
    await repo.addMember(member('m2', BOB, 'h-alice'))
    const copy = await repo.holderRecords([holder])
    expect([copy.appeals.length, copy.checkIns.length, copy.statuses.length]).toEqual([2, 1, 1])
    const family = await repo.familyRecords(ALICE, 'h-alice')
    expect([family.own.map((m) => m.id), family.of.map((m) => m.id)]).toEqual([['m1'], ['m2']])
    await repo.eraseRecords([holder], ALICE, 'h-alice')
    await expect(repo.holderRecords([holder])).resolves.toEqual({
      declarations: [],
      checkIns: [],
      appeals: [],
      statuses: [],
    })
    await expect(repo.familyRecords(ALICE, 'h-alice')).resolves.toEqual({ own: [], of: [] })
    await expect(repo.venue('v1')).resolves.toMatchObject({ ownerId: null })
  })
})

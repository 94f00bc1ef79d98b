// The presentations repository on SQLite: one use per presentation id (the replay guard), settling and giving back a
// reserved id, a card's log (this citizen's card only, newest first, at most 100), the citizen's copy, the erasure of
// a closed account, and the retention purges (strictly before their cut-off).
import type { CredentialRow, PresentationRow } from '../../src/presentation/presentations-repository'
import { openTestStore } from '../support/databases'

const T0 = Date.parse('2026-11-20T02:00:00.000Z')
const at = (s: number) => new Date(T0 + s * 1000)
const ALICE = '00000000-0000-4000-8000-00000000000a'
const BOB = '00000000-0000-4000-8000-00000000000b'

async function setup() {
  const store = await openTestStore()
  for (const [id, openid] of [
    [ALICE, 'o-alice'],
    [BOB, 'o-bob'],
  ] as const)
    await store.repos.users.create({ id, openid, sessionKeySealed: 'x', createdAt: at(0) })
  const repo = store.repos.presentations
  const credential = (id: string, userId: string, cardId: string, o: Partial<CredentialRow> = {}): CredentialRow => ({
    id,
    userId,
    cardId,
    profile: 'hotel',
    deviceKeyThumbprint: `thumb-${id}`,
    issuedAt: at(0),
    expiresAt: at(86_400),
    ...o,
  })
  const use = (jti: string, credentialId: string, s: number, outcome: PresentationRow['outcome'] = 'accepted') => ({
    jti,
    credentialId,
    verifiedAt: at(s),
    outcome,
  })
  return { store, repo, credential, use }
}

async function withSetup(run: (s: Awaited<ReturnType<typeof setup>>) => Promise<void>) {
  const s = await setup()
  try {
    await run(s)
  } finally {
    await s.store.close()
  }
}

test('a credential is found by its id as it was added; an unknown id finds nothing', async () => {
  await withSetup(async ({ repo, credential }) => {
    const row = credential('cred-a', ALICE, 'card-1', { profile: 'age_check' })
    await repo.addCredential(row)
    await expect(repo.findCredential('cred-a')).resolves.toEqual(row)
    await expect(repo.findCredential('cred-x')).resolves.toBeUndefined()
  })
})

test('the first use of a presentation id is recorded; the same id again is refused and not recorded twice', async () => {
  await withSetup(async ({ repo, credential, use }) => {
    await repo.addCredential(credential('cred-a', ALICE, 'card-1'))
    await expect(repo.firstUse(use('cred-a:j1', 'cred-a', 0, 'not_valid'))).resolves.toBe(true)
    await expect(repo.firstUse(use('cred-a:j1', 'cred-a', 5, 'accepted'))).resolves.toBe(false)
    await expect(repo.firstUse(use('cred-a:j2', 'cred-a', 6, 'not_valid'))).resolves.toBe(true)
    expect((await repo.recordsOf(ALICE)).presentations).toEqual([
      use('cred-a:j1', 'cred-a', 0, 'not_valid'),
      use('cred-a:j2', 'cred-a', 6, 'not_valid'),
    ])
  })
})

test('settle sets the outcome of that id only; release gives that id back only', async () => {
  await withSetup(async ({ repo, credential, use }) => {
    await repo.addCredential(credential('cred-a', ALICE, 'card-1'))
    await repo.firstUse(use('cred-a:j1', 'cred-a', 0, 'not_valid'))
    await repo.firstUse(use('cred-a:j2', 'cred-a', 1, 'not_valid'))
    await repo.settle('cred-a:j2', 'accepted')
    expect((await repo.recordsOf(ALICE)).presentations.map((p) => [p.jti, p.outcome])).toEqual([
      ['cred-a:j1', 'not_valid'],
      ['cred-a:j2', 'accepted'],
    ])
    await repo.release('cred-a:j1')
    expect((await repo.recordsOf(ALICE)).presentations.map((p) => p.jti)).toEqual(['cred-a:j2'])
    // Given back: the id can be used again.
    await expect(repo.firstUse(use('cred-a:j1', 'cred-a', 2))).resolves.toBe(true)
  })
})

test("a card's log: its own verifications, newest first, none of another card's or another citizen's", async () => {
  await withSetup(async ({ repo, credential, use }) => {
    await repo.addCredential(credential('a-1', ALICE, 'card-1'))
    await repo.addCredential(credential('a-2', ALICE, 'card-1', { profile: 'age_check' }))
    await repo.addCredential(credential('a-3', ALICE, 'card-2'))
    await repo.addCredential(credential('b-1', BOB, 'card-1'))
    await repo.firstUse(use('a-1:x', 'a-1', 10))
    await repo.firstUse(use('a-2:x', 'a-2', 30, 'not_valid'))
    await repo.firstUse(use('a-1:y', 'a-1', 20))
    await repo.firstUse(use('a-3:x', 'a-3', 40))
    await repo.firstUse(use('b-1:x', 'b-1', 50))
    expect(await repo.log(ALICE, 'card-1')).toEqual([
      use('a-2:x', 'a-2', 30, 'not_valid'),
      use('a-1:y', 'a-1', 20),
      use('a-1:x', 'a-1', 10),
    ])
    expect(await repo.log(BOB, 'card-1')).toEqual([use('b-1:x', 'b-1', 50)])
    expect(await repo.log(BOB, 'card-2')).toEqual([])
  })
})

test("a card's log holds its 100 newest verifications", async () => {
  await withSetup(async ({ repo, credential, use }) => {
    await repo.addCredential(credential('a-1', ALICE, 'card-1'))
    for (let i = 0; i < 101; i += 1) await repo.firstUse(use(`a-1:${i}`, 'a-1', i))
    const log = await repo.log(ALICE, 'card-1')
    expect(log).toHaveLength(100)
    expect([log[0]!.jti, log.at(-1)!.jti]).toEqual(['a-1:100', 'a-1:1'])
  })
})

test("the citizen's records: their credentials by issue time and their verifications by time, nobody else's", async () => {
  await withSetup(async ({ repo, credential, use }) => {
    await repo.addCredential(credential('a-late', ALICE, 'card-1', { issuedAt: at(20) }))
    await repo.addCredential(credential('a-early', ALICE, 'card-2', { issuedAt: at(10) }))
    await repo.addCredential(credential('b-1', BOB, 'card-1'))
    await repo.firstUse(use('a-late:x', 'a-late', 40))
    await repo.firstUse(use('a-early:x', 'a-early', 30))
    await repo.firstUse(use('b-1:x', 'b-1', 35))
    const records = await repo.recordsOf(ALICE)
    expect(records.credentials.map((c) => c.id)).toEqual(['a-early', 'a-late'])
    expect(records.presentations.map((p) => p.jti)).toEqual(['a-early:x', 'a-late:x'])
    await expect(repo.recordsOf('00000000-0000-4000-8000-0000000000cc')).resolves.toEqual({
      credentials: [],
      presentations: [],
    })
  })
})

test("erasing a citizen deletes their credentials and verifications, and no one else's", async () => {
  await withSetup(async ({ repo, credential, use }) => {
    await repo.addCredential(credential('a-1', ALICE, 'card-1'))
    await repo.addCredential(credential('b-1', BOB, 'card-1'))
    await repo.firstUse(use('a-1:x', 'a-1', 1))
    await repo.firstUse(use('b-1:x', 'b-1', 2))
    await repo.eraseFor(ALICE)
    await expect(repo.recordsOf(ALICE)).resolves.toEqual({ credentials: [], presentations: [] })
    const bob = await repo.recordsOf(BOB)
    expect([bob.credentials.map((c) => c.id), bob.presentations.map((p) => p.jti)]).toEqual([['b-1'], ['b-1:x']])
  })
})

test('retention: verifications strictly before the cut-off are purged and counted; one at the cut-off stays', async () => {
  await withSetup(async ({ repo, credential, use }) => {
    await repo.addCredential(credential('a-1', ALICE, 'card-1'))
    await repo.firstUse(use('a-1:old', 'a-1', 9))
    await repo.firstUse(use('a-1:edge', 'a-1', 10))
    await repo.firstUse(use('a-1:new', 'a-1', 11))
    await expect(repo.purgeOneUseBefore(at(10))).resolves.toBe(1)
    expect((await repo.recordsOf(ALICE)).presentations.map((p) => p.jti)).toEqual(['a-1:edge', 'a-1:new'])
    expect((await repo.recordsOf(ALICE)).credentials).toHaveLength(1)
  })
})

test('retention: credentials expired strictly before the cut-off go, with their verifications; counted', async () => {
  await withSetup(async ({ repo, credential, use }) => {
    await repo.addCredential(credential('gone', ALICE, 'card-1', { expiresAt: at(99) }))
    await repo.addCredential(credential('edge', ALICE, 'card-1', { expiresAt: at(100) }))
    await repo.addCredential(credential('kept', BOB, 'card-1', { expiresAt: at(200) }))
    await repo.firstUse(use('gone:x', 'gone', 1))
    await repo.firstUse(use('edge:x', 'edge', 2))
    await expect(repo.purgeCredentialsExpiredBefore(at(100))).resolves.toBe(1)
    const alice = await repo.recordsOf(ALICE)
    expect([alice.credentials.map((c) => c.id), alice.presentations.map((p) => p.jti)]).toEqual([['edge'], ['edge:x']])
    expect((await repo.recordsOf(BOB)).credentials.map((c) => c.id)).toEqual(['kept'])
  })
})

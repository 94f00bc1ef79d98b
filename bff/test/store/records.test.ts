// The repository contract, part 2 — the audit trail, 我的数据使用记录, feedback, the signing-key ring and 亮证's
// presentations — run against SQLite and PostgreSQL alike.
import { DIALECTS, refusal } from '../support/databases'
import { ALICE, BOB, at, storeWithTwoCitizens } from './two-citizens'
import { type AuditEntry, GENESIS_HASH } from '../../src/store'

describe.each(DIALECTS)('on %s', (dialect) => {
  const store = storeWithTwoCitizens(dialect)

  describe('audit', () => {
    const entry = (s: number, o: Partial<AuditEntry> = {}): AuditEntry => ({
      at: at(s),
      userId: ALICE,
      action: 'login',
      outcome: 'success',
      reason: null,
      requestId: `req-${s}`,
      ip: '127.0.0.1',
      ...o,
    })
    const chain = (prev: string, e: AuditEntry) => `${prev.slice(0, 8)}>${e.requestId}`

    test('each appended record chains onto the one before, from the genesis hash, in append order', async () => {
      const { audit } = store().repos
      const first = await audit.append(entry(1), chain)
      const second = await audit.append(entry(2), chain)
      expect(first).toMatchObject({ prevHash: GENESIS_HASH, hash: `${GENESIS_HASH.slice(0, 8)}>req-1` })
      expect(second.prevHash).toBe(first.hash)
      expect(second.seq).toBeGreaterThan(first.seq)
      expect((await audit.list()).map((r) => r.requestId)).toEqual(['req-1', 'req-2'])
    })

    test('appends racing each other still make one unbroken chain', async () => {
      const { audit } = store().repos
      await Promise.all(Array.from({ length: 8 }, (_, i) => audit.append(entry(i, { requestId: `r${i}` }), chain)))
      const rows = await audit.list()
      expect(rows).toHaveLength(8)
      rows.forEach((row, i) => expect(row.prevHash).toBe(i === 0 ? GENESIS_HASH : rows[i - 1]!.hash))
    })

    test('counts a user’s outcomes after a time; a pseudonym replaces the user id; checkpoints are kept once', async () => {
      const { audit } = store().repos
      await audit.append(entry(1, { outcome: 'failure' }), chain)
      await audit.append(entry(5, { outcome: 'failure' }), chain)
      await audit.append(entry(6, { userId: BOB, outcome: 'failure' }), chain)
      await expect(audit.countSince(ALICE, 'login', 'failure', at(1))).resolves.toBe(1)
      await expect(audit.countSince(ALICE, 'login', 'failure', at(0))).resolves.toBe(2)
      await expect(audit.replaceUserId(ALICE, 'pseudo-1')).resolves.toBe(2)
      await expect(audit.list({ userId: ALICE })).resolves.toEqual([])
      await expect(audit.list({ userId: 'pseudo-1' })).resolves.toHaveLength(2)
      const checkpoint = { seq: 2, headHash: 'h', at: at(7), signature: 'sig' }
      await audit.addCheckpoint(checkpoint)
      await audit.addCheckpoint({ ...checkpoint, signature: 'other' })
      await expect(audit.checkpoints()).resolves.toEqual([checkpoint])
    })
  })

  describe('data use', () => {
    const record = (id: string, s: number, userId = ALICE) => ({
      id,
      userId,
      department: 'yibao',
      dataKind: 'balance',
      purpose: 'dashboard',
      caseId: null,
      askedBy: null,
      outcome: 'served' as const,
      at: at(s),
    })

    test('a user’s records page newest first, a page continuing before the last one’s time; export oldest first', async () => {
      const { dataAccess } = store().repos
      for (const [id, s] of [
        ['d1', 1],
        ['d3', 3],
        ['d2', 2],
        ['d4', 4],
      ] as const)
        await dataAccess.insert(record(id, s))
      await dataAccess.insert(record('bob-1', 5, BOB))
      const first = await dataAccess.list(ALICE, 2)
      expect(first.map((r) => r.id)).toEqual(['d4', 'd3'])
      expect((await dataAccess.list(ALICE, 2, first[1]!.at)).map((r) => r.id)).toEqual(['d2', 'd1'])
      expect((await dataAccess.allOf(ALICE)).map((r) => r.id)).toEqual(['d1', 'd2', 'd3', 'd4'])
      await dataAccess.eraseFor(ALICE)
      await expect(dataAccess.allOf(ALICE)).resolves.toEqual([])
      await expect(dataAccess.allOf(BOB)).resolves.toHaveLength(1)
    })
  })

  describe('feedback', () => {
    const row = (id: string, s: number, userId: string | null = ALICE) => ({
      id,
      category: 'bug' as const,
      content: `内容 ${id}`,
      contactSealed: null,
      contactMasked: null,
      createdAt: at(s),
      userId,
    })

    test('feedback is read back as filed (status received), by id and per user oldest first; erasure is per user', async () => {
      const { feedback } = store().repos
      await expect(feedback.insert(row('f2', 2))).resolves.toMatchObject({ id: 'f2', status: 'received' })
      await feedback.insert(row('f1', 1))
      await feedback.insert(row('anon', 3, null))
      await expect(feedback.findById('f1')).resolves.toMatchObject({ content: '内容 f1', createdAt: at(1) })
      expect((await feedback.byUser(ALICE)).map((f) => f.id)).toEqual(['f1', 'f2'])
      await feedback.eraseFor(ALICE)
      await expect(feedback.byUser(ALICE)).resolves.toEqual([])
      await expect(feedback.findById('anon')).resolves.toMatchObject({ userId: null })
    })

    test('empty content is refused by the database', async () => {
      const empty = store().repos.feedback.insert({ ...row('empty', 1), content: '' })
      await expect(refusal(empty)).resolves.toContain('feedback_content_length')
    })
  })

  describe('signing keys', () => {
    const key = (kid: string, s: number) => ({
      kid,
      alg: 'ES256' as const,
      publicJwk: `{"kid":"${kid}"}`,
      privateKeySealed: `sealed-${kid}`,
      createdAt: at(s),
      retiredAt: null,
      expiresAt: null,
      revokedAt: null,
    })

    test('a rotation retires the current key (expiring after the overlap) and adds the next; revoking ends one now', async () => {
      const { signingKeys } = store().repos
      await signingKeys.rotate(key('k1', 0), at(0), at(10))
      await signingKeys.rotate(key('k2', 5), at(5), at(15))
      const ring = new Map((await signingKeys.all()).map((k) => [k.kid, k]))
      expect(ring.get('k1')).toMatchObject({ retiredAt: at(5), expiresAt: at(15), revokedAt: null })
      expect(ring.get('k2')).toMatchObject({ retiredAt: null, expiresAt: null })
      await expect(signingKeys.revoke('k2', at(6))).resolves.toBe(true)
      await expect(signingKeys.revoke('nope', at(6))).resolves.toBe(false)
      expect((await signingKeys.all()).find((k) => k.kid === 'k2')).toMatchObject({
        revokedAt: at(6),
        retiredAt: at(6),
        expiresAt: at(6),
      })
    })
  })

  describe('presentations', () => {
    const credential = (id: string, userId: string, s = 0) => ({
      id,
      userId,
      cardId: 'card-1',
      profile: 'hotel' as const,
      deviceKeyThumbprint: `thumb-${id}`,
      issuedAt: at(s),
      expiresAt: at(s + 100),
    })
    const use = (jti: string, credentialId: string, s: number) => ({
      jti,
      credentialId,
      verifiedAt: at(s),
      outcome: 'accepted' as const,
    })

    test('a presentation id is used once; a released one can be used again; settling records the outcome', async () => {
      const { presentations } = store().repos
      await presentations.addCredential(credential('c1', ALICE))
      await expect(presentations.firstUse(use('j1', 'c1', 1))).resolves.toBe(true)
      await expect(presentations.firstUse(use('j1', 'c1', 2))).resolves.toBe(false)
      await presentations.release('j1')
      await expect(presentations.firstUse(use('j1', 'c1', 3))).resolves.toBe(true)
      await presentations.settle('j1', 'not_valid')
      await expect(presentations.log(ALICE, 'card-1')).resolves.toEqual([
        { jti: 'j1', credentialId: 'c1', verifiedAt: at(3), outcome: 'not_valid' },
      ])
      await expect(presentations.log(BOB, 'card-1')).resolves.toEqual([])
    })

    test('the citizen’s copy lists oldest first; erasure and the retention purges delete strictly before the cut-off', async () => {
      const { presentations } = store().repos
      await presentations.addCredential(credential('c2', ALICE, 10))
      await presentations.addCredential(credential('c1', ALICE, 0))
      await presentations.addCredential(credential('cb', BOB, 0))
      await presentations.firstUse(use('j2', 'c1', 20))
      await presentations.firstUse(use('j1', 'c1', 10))
      await presentations.firstUse(use('jb', 'cb', 10))
      const copy = await presentations.recordsOf(ALICE)
      expect(copy.credentials.map((c) => c.id)).toEqual(['c1', 'c2'])
      expect(copy.presentations.map((p) => p.jti)).toEqual(['j1', 'j2'])
      await expect(presentations.purgeOneUseBefore(at(10))).resolves.toBe(0)
      await expect(presentations.purgeOneUseBefore(at(11))).resolves.toBe(2)
      await expect(presentations.purgeCredentialsExpiredBefore(at(101))).resolves.toBe(2)
      await expect(presentations.findCredential('c2')).resolves.toMatchObject({ id: 'c2' })
      await presentations.eraseFor(ALICE)
      await expect(presentations.recordsOf(ALICE)).resolves.toEqual({ credentials: [], presentations: [] })
    })
  })
})

// 注销 is all or nothing: a closing that fails halfway (a storage error in one capability) leaves every record as it
// was — the account, its sessions, its other records and the audit trail — never a half-deleted account whose
// tokens still work but whose data is partly gone.
import { randomUUID } from 'node:crypto'
import { testConfig } from '../../src/platform/config'
import { createFieldCipher } from '../../src/platform/field-cipher'
import { openTestStore } from '../support/databases'
import { build } from '../helper'

const cipher = createFieldCipher(testConfig().dataKey)

test('a closing that fails halfway deletes nothing: the account, its sessions and records stay, and it can retry', async () => {
  const store = await openTestStore()
  let failErase = true
  const failing = {
    ...store,
    repos: {
      ...store.repos,
      dataAccess: {
        ...store.repos.dataAccess,
        eraseFor: async (userId: string) => {
          if (failErase) throw new Error('SQLITE_IOERR: disk I/O error')
          return store.repos.dataAccess.eraseFor(userId)
        },
      },
    },
  }
  const now = new Date()
  const { app } = await build({ maxEventLoopDelayMs: 600_000 }, { store: failing, now: () => now })
  try {
    const userId = randomUUID()
    await store.repos.users.create({ id: userId, openid: 'o-atomic', sessionKeySealed: 'x', createdAt: now })
    await store.repos.users.bindRealName(userId, {
      idNumberSealed: cipher.encrypt('44010619900307116X', { table: 'users', column: 'id_number_sealed', row: userId }),
      idNumberHash: cipher.lookupHash('44010619900307116X'),
      idNumberMasked: '440***********116X',
      nameSealed: cipher.encrypt('张三', { table: 'users', column: 'name_sealed', row: userId }),
      nameMasked: '*三',
      phoneSealed: null,
      phoneMasked: null,
      at: now,
    })
    const sid = randomUUID()
    await store.repos.sessions.create(
      { id: sid, userId, createdAt: now, absoluteExpiresAt: new Date(now.getTime() + 3_600_000) },
      { tokenHash: 'h', issuedAt: now, idleExpiresAt: new Date(now.getTime() + 3_600_000) },
    )
    await store.repos.sessions.setStepUp(sid, now) // this session passed its face check just now
    await store.repos.feedback.insert({
      id: randomUUID(),
      category: 'bug',
      content: '内容',
      contactSealed: null,
      contactMasked: null,
      createdAt: now,
      userId,
    })
    const token = app.signAccess({ sub: userId, sid, jti: randomUUID() })
    const close = () =>
      app.inject({
        method: 'POST',
        url: '/v1/me/close-account',
        headers: { authorization: `Bearer ${token}` },
        payload: { confirm: true },
      })
    const auditBefore = await store.repos.audit.list()

    const res = await close()
    expect(res.statusCode).toBe(500)
    expect(await store.repos.users.findById(userId)).toBeDefined()
    expect(await store.repos.sessions.findActive(sid, now)).toBeDefined()
    expect(await store.repos.feedback.byUser(userId)).toHaveLength(1)
    expect(await store.repos.audit.list()).toEqual(auditBefore)
    expect(
      (await app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode,
    ).toBe(200)

    failErase = false
    expect((await close()).statusCode).toBe(200)
    expect(await store.repos.users.findById(userId)).toBeUndefined()
    expect(await store.repos.feedback.byUser(userId)).toHaveLength(0)
  } finally {
    await app.close()
  }
})

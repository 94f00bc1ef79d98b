// Two closings (注销) of one account interleaved: the second passes its token check while the first is still inside
// its transaction, then waits for it (one transaction at a time) and finds the account gone: 410 ACCOUNT_CLOSED,
// nothing written twice. The first closing is held at its data-use step by a deferred promise until the second is
// queued behind it, so the interleaving is the same on every run. On PostgreSQL (YSX_TEST_DB=postgres) transactions
// run side by side: the second erases too, finds the account gone at its last step and rolls all of it back.
import { randomUUID } from 'node:crypto'
import { testConfig } from '../../src/platform/config'
import { createFieldCipher } from '../../src/platform/field-cipher'
import type { DataStore } from '../../src/store'
import { openTestStore, TEST_DIALECT } from '../support/databases'
import { build } from '../helper'

const cipher = createFieldCipher(testConfig().dataKey)

/** How many closings reach the erasing step: on SQLite the second waits outside its transaction for the first. */
const ERASINGS = { sqlite: 1, postgres: 2 }[TEST_DIALECT]

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

test('a closing that finds the account already closed by another gets 410 ACCOUNT_CLOSED and writes nothing', async () => {
  const store = await openTestStore()
  const firstInside = deferred()
  const release = deferred()
  const secondQueued = deferred()
  let erasing = 0
  let transactions = 0
  const held: DataStore = {
    ...store,
    atomically: (work) => {
      transactions += 1
      if (transactions === 2) secondQueued.resolve()
      return store.atomically(work)
    },
    repos: {
      ...store.repos,
      dataAccess: {
        ...store.repos.dataAccess,
        eraseFor: async (userId: string) => {
          erasing += 1
          if (erasing === 1) {
            firstInside.resolve()
            await release.promise
          }
          return store.repos.dataAccess.eraseFor(userId)
        },
      },
    },
  }
  const now = new Date()
  const { app } = await build({}, { store: held, now: () => now })
  try {
    const userId = randomUUID()
    await store.repos.users.create({ id: userId, openid: 'o-twice', sessionKeySealed: 'x', createdAt: now })
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
    await store.repos.sessions.setStepUp(sid, now)
    const token = app.signAccess({ sub: userId, sid, jti: randomUUID() })
    const close = () =>
      app.inject({
        method: 'POST',
        url: '/v1/me/close-account',
        headers: { authorization: `Bearer ${token}` },
        payload: { confirm: true },
      })

    /** Waits for `step`, or fails at once with the answer of a closing that ended before reaching it. */
    const reach = (step: Promise<void>, closing: ReturnType<typeof close>, name: string) =>
      Promise.race([
        step,
        closing.then((r) => {
          throw new Error(`${name} closing answered ${r.statusCode} ${r.body} before its step`)
        }),
      ])
    const first = close()
    await reach(firstInside.promise, first, 'the first')
    const second = close()
    await reach(secondQueued.promise, second, 'the second')
    release.resolve()
    const [a, b] = await Promise.all([first, second])
    expect(a.statusCode).toBe(200)
    expect(b.statusCode).toBe(410)
    expect(b.json().code).toBe('ACCOUNT_CLOSED')
    expect(await store.repos.users.findById(userId)).toBeUndefined()
    const closings = (await store.repos.audit.list()).filter((r) => r.action === 'account.close')
    expect(closings).toHaveLength(1)
    expect(erasing).toBe(ERASINGS)
  } finally {
    await app.close()
  }
})

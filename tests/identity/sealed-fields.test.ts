// Sealed personal fields are bound to their row and column: a database writer who copies another citizen's sealed
// ID number onto their own account (or into another column) gets nothing out of it.
import BetterSqlite3 from 'better-sqlite3'
import { bearer, startSystem, type TestSystem } from '../support/system'

let sys: TestSystem
beforeAll(async () => {
  sys = await startSystem()
})
afterAll(async () => sys.close())

/** Logs an account in and binds it to citizen `index` with a passing face check; returns its access token. */
async function realName(account: string, index: number) {
  const t = await sys.login(account)
  const who = sys.citizen(index)
  const c = (await sys.call({ method: 'POST', url: '/v1/face/challenges', headers: bearer(t.accessToken) })).json()
  const res = await sys.call({
    method: 'POST',
    url: '/v1/face/verifications',
    headers: bearer(t.accessToken),
    payload: {
      verifyId: c.verifyId,
      name: who.name,
      idNumber: who.idNumber,
      sample: { kind: 'camera', image: 'ZnJhbWU=', spokenDigits: c.digits },
    },
  })
  expect(res.statusCode).toBe(200)
  return { token: t.accessToken, who, id: res.json().userId as string }
}

const reveal = (token: string) => sys.call({ method: 'POST', url: '/v1/me/id-number/reveal', headers: bearer(token) })

test("a sealed ID number copied onto another user's row fails to open there", async () => {
  const attacker = await realName('sealed-attacker', 31)
  const victim = await realName('sealed-victim', 32)
  expect((await reveal(attacker.token)).body).toContain(attacker.who.idNumber) // the reveal works on one's own row

  const db = new BetterSqlite3(sys.dbFile)
  const sealed = (id: string) =>
    db.prepare('SELECT id_number_sealed AS s FROM users WHERE id = ?').get(id) as { s: string }
  db.prepare('UPDATE users SET id_number_sealed = ? WHERE id = ?').run(sealed(victim.id).s, attacker.id)
  db.close()

  const res = await reveal(attacker.token)
  expect(res.statusCode).not.toBe(200)
  expect(res.body).not.toContain(victim.who.idNumber)
  expect(sys.logs.join('\n')).not.toContain(victim.who.idNumber)
})

test("a sealed name copied into the same row's ID-number column fails to open there", async () => {
  const citizen = await realName('sealed-columns', 33)
  const db = new BetterSqlite3(sys.dbFile)
  db.prepare('UPDATE users SET id_number_sealed = name_sealed WHERE id = ?').run(citizen.id)
  db.close()
  const res = await reveal(citizen.token)
  expect(res.statusCode).not.toBe(200)
  expect(res.body).not.toContain(citizen.who.name)
})

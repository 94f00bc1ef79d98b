// Privacy of identity data: the session_key and ID number never leave in responses or logs, nothing sits in the
// database in plaintext, and the hash-chained audit log shows an edit at its index.
import { readFileSync } from 'node:fs'
import { auditKeys, firstBrokenLink } from '@ysx/bff/audit'
import { testConfig } from '@ysx/bff/config'
import { openDataStore } from '@ysx/bff/db'
import BetterSqlite3 from 'better-sqlite3'
import { bearer, startSystem, type TestSystem } from '../support/system'

const SESSION_KEY_CANARY = 'c2Vzc2lvbi1rZXktY2FuYXJ5LTA='
let sys: TestSystem

beforeAll(async () => {
  sys = await startSystem({ sessionKey: () => SESSION_KEY_CANARY })
  // A full journey: login, bind a real name, read the profile, refresh, fail once, reveal, log out.
  const who = sys.citizen(21)
  const t = await sys.login('canary')
  const c1 = (await sys.call({ method: 'POST', url: '/v1/face/challenges', headers: bearer(t.accessToken) })).json()
  await sys.call({
    method: 'POST',
    url: '/v1/face/verifications',
    headers: bearer(t.accessToken),
    payload: {
      verifyId: c1.verifyId,
      name: who.name,
      idNumber: who.idNumber,
      sample: { kind: 'camera', image: 'ZnJhbWU=', spokenDigits: '000000' },
    },
  })
  const c2 = (await sys.call({ method: 'POST', url: '/v1/face/challenges', headers: bearer(t.accessToken) })).json()
  await sys.call({
    method: 'POST',
    url: '/v1/face/verifications',
    headers: bearer(t.accessToken),
    payload: {
      verifyId: c2.verifyId,
      name: who.name,
      idNumber: who.idNumber,
      sample: { kind: 'camera', image: 'ZnJhbWU=', spokenDigits: c2.digits },
    },
  })
  await sys.call({ method: 'GET', url: '/v1/me', headers: bearer(t.accessToken) })
  await sys.call({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken: t.refreshToken } })
  await sys.call({ method: 'POST', url: '/v1/auth/logout', headers: bearer(t.accessToken) })
})
afterAll(async () => sys.close())

test('the journey really bound the canary citizen (one failed, then one passed face check)', async () => {
  const store = openDataStore(sys.dbFile)
  try {
    const events = (await store.repos.audit.list()).map((r) => `${r.action}:${r.outcome}`)
    expect(events.filter((e) => e.startsWith('face.verify'))).toEqual(['face.verify:failure', 'face.verify:success'])
    const bound = sys.citizen(21).idNumber
    const db = new BetterSqlite3(sys.dbFile, { readonly: true })
    const row = db.prepare("SELECT level, id_number_masked AS masked FROM users WHERE level = 'real_name'").get()
    db.close()
    expect(row).toEqual({ level: 'real_name', masked: `${bound.slice(0, 3)}***********${bound.slice(-4)}` })
  } finally {
    await store.close()
  }
})

test('the WeChat session_key appears in no response and no log line', () => {
  expect(sys.bodies.length).toBeGreaterThan(5)
  expect(sys.bodies.join('\n')).not.toContain(SESSION_KEY_CANARY)
  expect(sys.logs.length).toBeGreaterThan(5)
  expect(sys.logs.join('\n')).not.toContain(SESSION_KEY_CANARY)
})

test('the ID number and name appear in no response and no log line', () => {
  const who = sys.citizen(21)
  for (const text of [sys.bodies.join('\n'), sys.logs.join('\n')]) {
    expect(text).not.toContain(who.idNumber)
    expect(text).not.toContain(who.name)
    expect(text).not.toContain(who.phone)
  }
})

test('the SQLite files hold no plaintext ID number, name, phone or session_key', () => {
  const who = sys.citizen(21)
  let bytes = readFileSync(sys.dbFile).toString('utf8')
  try {
    bytes += readFileSync(`${sys.dbFile}-wal`).toString('utf8')
  } catch {
    // no WAL file: everything is in the main file
  }
  expect(bytes).toContain(`${who.idNumber.slice(0, 3)}***********`) // the masked form is there, so the file was read
  for (const secret of [who.idNumber, who.name, who.phone, SESSION_KEY_CANARY]) expect(bytes).not.toContain(secret)
})

test('altering any audit record is detected at its index', async () => {
  const keys = auditKeys(testConfig().audit.key)
  const store = openDataStore(sys.dbFile)
  const rows = await store.repos.audit.list()
  await store.close()
  expect(rows.length).toBeGreaterThanOrEqual(6)
  expect(firstBrokenLink(rows, keys)).toBe(-1)
  for (let i = 0; i < rows.length; i += 1) {
    const tampered = rows.map((r, j) =>
      j === i ? { ...r, outcome: r.outcome === 'success' ? ('failure' as const) : ('success' as const) } : r,
    )
    expect(firstBrokenLink(tampered, keys)).toBe(i)
  }
  // An edit made in the database itself is found the same way.
  const db = new BetterSqlite3(sys.dbFile)
  db.prepare("UPDATE audit_log SET reason = 'edited' WHERE seq = ?").run(rows[2]!.seq)
  db.close()
  const again = openDataStore(sys.dbFile)
  expect(firstBrokenLink(await again.repos.audit.list(), keys)).toBe(2)
  await again.close()
})

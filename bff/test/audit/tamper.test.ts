// The audit trail against a writer with database access: the chain is keyed (HMAC under BFF_AUDIT_KEY, which the
// database does not hold) and its head is signed at intervals, so neither a rewritten record whose writer recomputed
// every later plain hash, nor records cut off the end, pass `audit:verify` — which names the first broken link.
import { createHash } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { createAuditService } from '../../src/audit'
import { testConfig } from '../../src/platform/config'
import { runOperatorCommand } from '../../src/operator'
import { openDataStore } from '../../src/store'

const EVERY = 50

/** An audit trail of `n` records in a database file, written as the BFF writes it. */
async function trail(n: number) {
  const dbFile = path.join(mkdtempSync(path.join(tmpdir(), 'ysx-audit-')), 'bff.sqlite')
  const config = { ...testConfig(), dbFile, audit: { ...testConfig().audit, checkpointEvery: EVERY } }
  const store = openDataStore(dbFile)
  let clock = Date.UTC(2026, 10, 23)
  const audit = createAuditService(store.repos.audit, config.audit, () => new Date((clock += 1000)))
  for (let i = 0; i < n; i += 1)
    await audit.record(
      { userId: `user-${i % 7}`, action: 'login', outcome: i % 5 ? 'success' : 'failure' },
      { requestId: `req-${i}`, ip: '203.0.113.9' },
    )
  await store.close()
  return { dbFile, config, verify: () => runOperatorCommand(['audit:verify'], config) }
}

type Row = {
  seq: number
  at: number
  user_id: string | null
  action: string
  outcome: string
  reason: string | null
  request_id: string | null
  ip: string | null
  prev_hash: string
  hash: string
}

/** What a writer without the key can do: recompute every hash from `fromSeq` on as plain SHA-256 chains are. */
function recomputePlainHashes(db: BetterSqlite3.Database, fromSeq: number) {
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[]
  let prev = rows.find((r) => r.seq === fromSeq - 1)?.hash ?? '0'.repeat(64)
  for (const r of rows.filter((x) => x.seq >= fromSeq)) {
    const fields = [r.at, r.user_id, r.action, r.outcome, r.reason, r.request_id, r.ip]
    const hash = createHash('sha256').update(prev).update(JSON.stringify(fields)).digest('hex')
    db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, r.seq)
    prev = hash
  }
}

test('an intact trail verifies, checkpoints included', async () => {
  const t = await trail(120)
  const out = await t.verify()
  expect(out.text).toContain('120 records, 2 checkpoints')
  expect(out.code).toBe(0)
})

test('a DB writer who rewrites a record and recomputes every plain hash after it is caught at that index', async () => {
  const t = await trail(120)
  const db = new BetterSqlite3(t.dbFile)
  db.prepare("UPDATE audit_log SET outcome = 'success', user_id = 'someone-else' WHERE seq = 42").run()
  recomputePlainHashes(db, 42)
  db.close()
  const out = await t.verify()
  expect(out.code).toBe(1)
  expect(out.text).toMatch(/first broken link at index 41 \(seq 42\)/)
})

test('a DB writer who deletes the newest records is caught by the signed checkpoint they cut off', async () => {
  const t = await trail(120)
  const db = new BetterSqlite3(t.dbFile)
  db.prepare('DELETE FROM audit_log WHERE seq > 95').run() // the chain that is left still links up
  db.close()
  const out = await t.verify()
  expect(out.code).toBe(1)
  expect(out.text).toMatch(/BAD CHECKPOINT at seq 100: record missing/)
})

test('a DB writer who forges or removes a checkpoint is caught', async () => {
  const t = await trail(120)
  const db = new BetterSqlite3(t.dbFile)
  db.prepare("UPDATE audit_checkpoints SET head_hash = 'f00d' WHERE seq = 50").run()
  db.prepare('DELETE FROM audit_checkpoints WHERE seq = 100').run()
  db.close()
  const forged = await t.verify()
  expect(forged.code).toBe(1)
  expect(forged.text).toMatch(/BAD CHECKPOINT at seq 50: signature/)
  const db2 = new BetterSqlite3(t.dbFile)
  db2.prepare('DELETE FROM audit_checkpoints WHERE seq = 50').run()
  db2.close()
  const removed = await t.verify()
  expect(removed.code).toBe(1)
  expect(removed.text).toMatch(/BAD CHECKPOINT at seq 50: missing/)
})

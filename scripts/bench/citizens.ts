// The benchmarks' citizens as the BFF holds them after real-name binding and a first 粤康码 display (user, session,
// status with its credential), seeded straight into the database: into the SQLite file with prepared statements in
// transactions of 50,000, or into PostgreSQL with one INSERT … SELECT FROM generate_series per table (the rows built
// by the server, no round trip per row). Citizen i is user `u<i>` with session `s<i>` and credential id `c<i>`.
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import type BetterSqlite3 from 'better-sqlite3'
import { CODE_TYP, HEALTH_COLOUR_CODES, jwsSigningInput } from '@ysx/shared/credential'

/** Citizens `from`..`to`-1 as the BFF holds them after real-name binding and a first display: user, session, status. */
export function seedCitizens(
  db: BetterSqlite3.Database,
  from: number,
  to: number,
  credential: string,
  thumbprint: string,
  progress = true,
) {
  const now = Date.now()
  const user =
    db.prepare(`INSERT INTO users (id, openid, level, id_number_sealed, id_number_hash, id_number_masked, name_sealed, name_masked, real_name_at, created_at)
    VALUES (?, ?, 'real_name', ?, ?, ?, ?, ?, ?, ?)`)
  const session = db.prepare('INSERT INTO sessions (id, user_id, created_at, absolute_expires_at) VALUES (?, ?, ?, ?)')
  const status =
    db.prepare(`INSERT INTO health_status (holder, masked_name, colour, reasons, negative_within_hours, rule_version, evaluated_at, valid_until, stale,
    credential, credential_id, device_key_thumbprint, credential_expires_at) VALUES (?, ?, 'green', '[]', 48, '2026-11-v1', ?, ?, 0, ?, ?, ?, ?)`)
  const sealed = randomBytes(60).toString('base64url')
  const batch = db.transaction((lo: number, hi: number) => {
    for (let i = lo; i < hi; i += 1) {
      user.run(
        `u${i}`,
        `o${i}`,
        sealed,
        createHash('sha256').update(String(i)).digest('base64url'),
        '440***********123X',
        sealed,
        '**明',
        now,
        now,
      )
      session.run(`s${i}`, `u${i}`, now, now + 30 * 86_400_000)
      status.run(`u:u${i}`, '**明', now, now + 86_400_000, credential, `c${i}`, thumbprint, now + 86_400_000)
    }
  })
  for (let lo = from; lo < to; lo += 50_000) {
    batch(lo, Math.min(to, lo + 50_000))
    if (progress)
      process.stderr.write(
        `\rseeding the BFF: ${Math.min(to, lo + 50_000).toLocaleString('en')} / ${to.toLocaleString('en')} citizens`,
      )
  }
  // As a running system would have by now: the seeded pages checkpointed from the WAL into the database file.
  db.pragma('wal_checkpoint(TRUNCATE)')
  if (progress) process.stderr.write('\n')
}

/** A status credential of a real one's size, bound to one device key every seeded status shares. */
export function statusFixture() {
  const device = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' })
  const thumbprint = createHash('sha256').update(`${device.x}.${device.y}`).digest('base64url')
  const signer = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey
  const claims = {
    c: randomBytes(16).toString('base64url'),
    hc: HEALTH_COLOUR_CODES.green,
    k: { x: device.x, y: device.y },
    e: Math.floor(Date.now() / 1000) + 86_400,
    v: '2026-11-v1',
  }
  const input = jwsSigningInput({ alg: 'ES256', typ: CODE_TYP.healthCode, kid: 'es-0123456789abcdef' }, claims)
  const credential = `${input}.${sign('sha256', Buffer.from(input), { key: signer, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`
  const body = JSON.stringify({ deviceKey: { kty: 'EC', crv: 'P-256', x: device.x, y: device.y } })
  return { device, thumbprint, credential, body }
}

/** Runs SQL on a PostgreSQL database with psql (stops at the first error); returns its unaligned output. */
export function psql(url: string, sql: string): string {
  return execFileSync('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', url], { input: sql, encoding: 'utf8' })
}

/**
 * Citizens `from`..`to`-1 into the BFF's PostgreSQL database (migrated), as seedCitizens does for SQLite, plus one
 * 亮证 credential each (wallet_credentials), so that every per-citizen lookup the benchmarks time reads a table of the
 * population's size; then VACUUM ANALYZE, as autovacuum would have by then.
 */
export function seedCitizensPg(url: string, from: number, to: number, credential: string, thumbprint: string) {
  const sealed = randomBytes(60).toString('base64url')
  const series = `generate_series(${from}, ${to - 1}) AS i`
  psql(
    url,
    `BEGIN;
INSERT INTO users (id, openid, level, id_number_sealed, id_number_hash, id_number_masked, name_sealed, name_masked, real_name_at, created_at)
  SELECT 'u' || i, 'o' || i, 'real_name', '${sealed}', md5(i::text), '440***********123X', '${sealed}', '**明', now(), now() FROM ${series};
INSERT INTO sessions (id, user_id, created_at, absolute_expires_at)
  SELECT 's' || i, 'u' || i, now(), now() + interval '30 days' FROM ${series};
INSERT INTO health_status (holder, masked_name, colour, reasons, negative_within_hours, rule_version, evaluated_at, valid_until, stale,
    credential, credential_id, device_key_thumbprint, credential_expires_at)
  SELECT 'u:u' || i, '**明', 'green', '[]', 48, '2026-11-v1', now(), now() + interval '1 day', false,
    '${credential}', 'c' || i, '${thumbprint}', now() + interval '1 day' FROM ${series};
INSERT INTO wallet_credentials (id, user_id, card_id, profile, device_key_thumbprint, issued_at, expires_at)
  SELECT 'w' || i, 'u' || i, 'card-' || i, 'traffic_police', '${thumbprint}', now(), now() + interval '1 day' FROM ${series};
COMMIT;
VACUUM ANALYZE users, sessions, health_status, wallet_credentials;
`,
  )
}

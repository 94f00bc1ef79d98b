// The benchmarks' citizens: the BFF's rows for a seeded population (user, live session, current green status bound to
// one device key), and a status credential of a real one's size. Shared by the health-code benchmark and the servers
// it starts (serve.ts).
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto'
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

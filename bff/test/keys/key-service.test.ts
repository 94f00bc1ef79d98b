// Signing keys: JWKS publication, a rotation drill (no false rejections in the overlap, all rejected after), and
// private keys sealed at rest.
import { readFileSync } from 'node:fs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createHash, createPublicKey, verify } from 'node:crypto'
import { JwksSchema } from '@ysx/shared'
import { testConfig } from '../../src/platform/config'
import { openDataStore } from '../../src/store'
import { openTestStore } from '../support/databases'
import { createFieldCipher } from '../../src/platform/field-cipher'
import { createKeyService, type KeyService, RING_REFRESH_MS } from '../../src/keys/key-service'
import { runOperatorCommand } from '../../src/operator'
import { nodeEs256Verify } from '../../src/platform/es256'
import { build } from '../helper'

const DAY = 86_400
/** Load shedding off: on a busy machine a 503 OVERLOADED would stand in for the answers these tests are about. */
const CALM = { maxEventLoopDelayMs: 600_000 }
const settings = { rotationSeconds: 30 * DAY, overlapSeconds: 14 * DAY }

function ring(file = ':memory:') {
  let clock = Date.UTC(2026, 10, 23)
  const store = openDataStore(file)
  const keys = createKeyService(
    store.repos.signingKeys,
    createFieldCipher(testConfig().signingSealKey),
    settings,
    () => new Date(clock),
  )
  return { store, keys, advance: (seconds: number) => (clock += seconds * 1000) }
}

const data = (i: number) => Buffer.from(`presentation #${i}`)

/** What a verifier of our codes does: the key the kid names while it still verifies, then ES256 (node:crypto's). */
async function verifies(keys: KeyService, kid: string, message: Buffer, signature: Uint8Array): Promise<boolean> {
  const [key] = await keys.verificationKeys(kid)
  return key !== undefined && nodeEs256Verify(key, message.toString('utf8'), signature)
}

test('GET /.well-known/jwks.json serves the current ES256 public key, cacheable, with no private part', async () => {
  const t = await build(CALM)
  try {
    const res = await t.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toMatch(/max-age=\d+/)
    const jwks = JwksSchema.parse(res.json())
    expect(jwks.keys).toHaveLength(1)
    expect(res.body).not.toMatch(/"d"\s*:/)
  } finally {
    await t.app.close()
  }
})

test('a signature verifies with the published JWK alone (offline verification)', async () => {
  const { keys, store } = ring()
  await keys.ensureCurrent()
  const sig = await keys.sign(data(1))
  const jwk = (await keys.jwks()).keys.find((k) => k.kid === sig.kid)!
  expect(
    verify(
      'sha256',
      data(1),
      { key: createPublicKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' },
      sig.signature,
    ),
  ).toBe(true)
  await store.close()
})

test('rotation drill: 0 false rejections during the overlap, 100 % rejection after retirement', async () => {
  const { keys, store, advance } = ring()
  await keys.ensureCurrent()
  const before = await Promise.all([0, 1, 2, 3, 4].map(async (i) => ({ i, ...(await keys.sign(data(i))) })))
  const oldKid = before[0]!.kid
  advance(31 * DAY)
  await keys.ensureCurrent() // the schedule rotates the 31-day-old key
  const fresh = await keys.sign(data(99))
  expect(fresh.kid).not.toBe(oldKid)
  expect((await keys.jwks()).keys.map((k) => k.kid).sort()).toEqual([oldKid, fresh.kid].sort())

  advance(13 * DAY) // inside the 14-day overlap
  const during = await Promise.all(before.map((s) => verifies(keys, s.kid, data(s.i), s.signature)))
  expect(during).toEqual([true, true, true, true, true])
  expect(await verifies(keys, fresh.kid, data(99), fresh.signature)).toBe(true)

  advance(2 * DAY) // past the overlap
  const after = await Promise.all(before.map((s) => verifies(keys, s.kid, data(s.i), s.signature)))
  expect(after).toEqual([false, false, false, false, false])
  expect((await keys.jwks()).keys.map((k) => k.kid)).toEqual([fresh.kid])
  expect(await verifies(keys, fresh.kid, data(99), fresh.signature)).toBe(true)
  await store.close()
})

test('a tampered message, a foreign kid or a truncated signature does not verify', async () => {
  const { keys, store } = ring()
  const s = await keys.sign(data(7))
  expect(await verifies(keys, s.kid, data(8), s.signature)).toBe(false)
  expect(await verifies(keys, 'es-unknown', data(7), s.signature)).toBe(false)
  expect(await verifies(keys, s.kid, data(7), s.signature.subarray(0, 63))).toBe(false)
  const flipped = Buffer.from(s.signature)
  flipped[10] = flipped[10]! ^ 1
  expect(await verifies(keys, s.kid, data(7), flipped)).toBe(false)
  await store.close()
})

test('private keys are sealed in the database file', async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ysx-keys-')), 'bff.sqlite')
  const { keys, store } = ring(file)
  await keys.ensureCurrent()
  await keys.rotate()
  await store.close()
  const bytes = readFileSync(file).toString('latin1')
  expect(bytes).toContain('"kty":"EC"') // the public JWKs are there in clear, so the file was read
  expect(bytes).not.toMatch(/PRIVATE KEY|"d":"/)
})

test('a key rotated in by another replica verifies once this ring is read again on its schedule', async () => {
  let clock = Date.UTC(2026, 10, 23)
  const store = await openTestStore()
  const cipher = createFieldCipher(testConfig().signingSealKey)
  const mine = createKeyService(store.repos.signingKeys, cipher, settings, () => new Date(clock))
  const other = createKeyService(store.repos.signingKeys, cipher, settings, () => new Date(clock))
  await mine.ensureCurrent()
  const kid = await other.rotate() // the other replica's new key, not yet in this one's ring
  expect(await mine.verificationKeys(kid)).toEqual([])
  clock += RING_REFRESH_MS
  expect((await mine.verificationKeys(kid)).map((k) => k.kid)).toEqual([kid])
  await store.close()
})

test('1,000 verifications naming random unknown kids cause 0 key-ring reads beyond the schedule', async () => {
  /** Key-ring reads while 1,000 verifications, 10 ms apart, name the kids `kidFor` gives. */
  async function readsFor(kidFor: (i: number, known: string) => string) {
    let clock = Date.UTC(2026, 10, 23)
    const store = await openTestStore()
    let reads = 0
    const repo = { ...store.repos.signingKeys, all: () => ((reads += 1), store.repos.signingKeys.all()) }
    const keys = createKeyService(repo, createFieldCipher(testConfig().signingSealKey), settings, () => new Date(clock))
    await keys.ensureCurrent()
    const known = (await keys.jwks()).keys[0]!.kid!
    const before = reads
    for (let i = 0; i < 1000; i += 1) {
      clock += 10
      const found = await keys.verificationKeys(kidFor(i, known))
      expect(found.length).toBe(kidFor(i, known) === known ? 1 : 0)
    }
    await store.close()
    return reads - before
  }
  // Unknown kids, each different, from a fixed sequence (the same on every run)
  const random = await readsFor((i) => `es-${createHash('sha256').update(`kid ${i}`).digest('base64url').slice(0, 16)}`)
  const baseline = await readsFor((_i, known) => known) // the same 10 s of traffic naming the real key
  expect(random - baseline).toBe(0)
})

test('rotation happens while running: signing rotates on schedule, 0 false rejections in the overlap, all after', async () => {
  const { keys, store, advance } = ring()
  await keys.ensureCurrent() // at start only: from here on the BFF just keeps signing and verifying
  const before = await Promise.all([0, 1, 2, 3, 4].map(async (i) => ({ i, ...(await keys.sign(data(i))) })))
  const oldKid = before[0]!.kid
  advance(30 * DAY + 1)
  const fresh = await keys.sign(data(99))
  expect(fresh.kid).not.toBe(oldKid) // rotated by the use itself, no restart and no ensureCurrent
  expect((await keys.jwks()).keys.map((k) => k.kid).sort()).toEqual([oldKid, fresh.kid].sort())
  // An hour, a week and 14 days less an hour after the rotation: all inside the 14-day overlap.
  for (const step of [3600, 7 * DAY - 3600, 7 * DAY - 3600]) {
    advance(step)
    const during = await Promise.all(before.map((s) => verifies(keys, s.kid, data(s.i), s.signature)))
    expect(during).toEqual([true, true, true, true, true])
  }
  advance(2 * 3600) // the overlap is over
  const after = await Promise.all(before.map((s) => verifies(keys, s.kid, data(s.i), s.signature)))
  expect(after).toEqual([false, false, false, false, false])
  expect(await verifies(keys, fresh.kid, data(99), fresh.signature)).toBe(true)
  await store.close()
})

test('a revoked kid is gone from the JWKS within seconds and what it signed is refused', async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ysx-keys-')), 'bff.sqlite')
  let clock = Date.UTC(2026, 10, 23)
  const now = () => new Date(clock)
  const t = await build({ ...CALM, dbFile: file }, { now })
  try {
    const jwks = async () =>
      JwksSchema.parse((await t.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json()).keys
    const [leaked] = await jwks()
    // The operator's command, run beside the BFF against the same database.
    const out = await runOperatorCommand(['keys:revoke', leaked!.kid!], { ...testConfig(), dbFile: file }, now)
    expect(out.code).toBe(0)
    expect(out.text).toContain(leaked!.kid!)
    clock += RING_REFRESH_MS
    const after = (await jwks()).map((k) => k.kid)
    expect(after).not.toContain(leaked!.kid)
    expect(after).toHaveLength(1) // a new key took over signing
    const unknown = await runOperatorCommand(['keys:revoke', 'es-nope'], { ...testConfig(), dbFile: file }, now)
    expect(unknown).toEqual({ code: 1, text: 'no signing key es-nope' })
  } finally {
    await t.app.close()
  }
  // And at the service a verifier asks: a credential signed by the revoked key finds no key.
  const { keys, store, advance } = ring()
  const s = await keys.sign(data(1))
  await store.repos.signingKeys.revoke(s.kid, new Date(advance(0)))
  advance(RING_REFRESH_MS / 1000)
  expect(await verifies(keys, s.kid, data(1), s.signature)).toBe(false)
  expect((await keys.jwks()).keys.map((k) => k.kid)).not.toContain(s.kid)
  expect((await keys.sign(data(2))).kid).not.toBe(s.kid)
  await store.close()
})

// Signing keys: JWKS publication, a rotation drill (no false rejections in the overlap, all rejected after), and
// private keys sealed at rest.
import { readFileSync } from 'node:fs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createPublicKey, verify } from 'node:crypto'
import { JwksSchema } from '@ysx/shared'
import { testConfig } from '../../src/platform/config'
import { openDataStore } from '../../src/store'
import { createFieldCipher } from '../../src/platform/field-cipher'
import { createKeyService, type KeyService } from '../../src/keys/key-service'
import { nodeEs256Verify } from '../../src/platform/es256'
import { build } from '../helper'

const DAY = 86_400
const settings = { rotationSeconds: 30 * DAY, overlapSeconds: 14 * DAY }

function ring(file = ':memory:') {
  let clock = Date.UTC(2026, 10, 23)
  const store = openDataStore(file)
  const keys = createKeyService(
    store.repos.signingKeys,
    createFieldCipher(testConfig().dataKey),
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
  const t = await build()
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

test('a key rotated in by another replica verifies, while a flood of made-up kids reads the ring at most once a second', async () => {
  let clock = Date.UTC(2026, 10, 23)
  const store = openDataStore(':memory:')
  let reads = 0
  const repo = { ...store.repos.signingKeys, all: () => ((reads += 1), store.repos.signingKeys.all()) }
  const cipher = createFieldCipher(testConfig().dataKey)
  const mine = createKeyService(repo, cipher, settings, () => new Date(clock))
  const other = createKeyService(store.repos.signingKeys, cipher, settings, () => new Date(clock))
  await mine.ensureCurrent()
  const before = reads
  for (let i = 0; i < 200; i += 1) expect(await mine.verificationKeys(`es-made-up-${i}`)).toEqual([])
  expect(reads - before).toBeLessThanOrEqual(1)

  clock += 1000
  const kid = await other.rotate() // the other replica's new key, not yet in this one's ring
  expect((await mine.verificationKeys(kid)).map((k) => k.kid)).toEqual([kid])
  await store.close()
})

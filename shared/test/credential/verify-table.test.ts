// The table of boundary and malformed codes (./cases.ts) against the shared checks of both builds: verifyPresentation
// and verifyHealthCode, each with @noble/curves (the mini-program's default) and with node:crypto (the BFF's
// nodeEs256Verify). Every row asserts the exact outcome: the failure (invalid or expired) and its reason, or accepted.
import type { Es256Verify } from '../../src/credential'
import { ES256, IAT, JTI, KEYS, KIND_ROWS, KINDS, malleated, N, NOW, onCurve, P, qrOf } from './cases'

describe.each(ES256)('ES256 by %s', (_name, es256) => {
  describe.each(KINDS.map((kind) => [kind.name, kind] as const))('%s', (_kindName, kind) => {
    test.each(KIND_ROWS.get(kind)!.map((row) => [row.proves, row] as const))('%s', (_proves, row) => {
      const result = kind.verify(row.text, { keys: row.keys ?? KEYS, nowMs: row.nowMs ?? NOW, es256 })
      // An accepted code is compared by its credential id (the claims are each kind's own tests' business).
      const seen = result.ok ? { ok: true, credentialId: result.credentialId } : result
      expect(seen).toEqual(row.outcome)
    })

    test('a device proof and its malleated twin are the same use: same credential id, proof id, time and claims', () => {
      const qr = qrOf(kind)
      const twin = qr.replace(/[^.]+$/, (s) => malleated(s))
      expect(twin).not.toBe(qr)
      const original = kind.verify(qr, { keys: KEYS, nowMs: NOW, es256 })
      expect(original).toMatchObject({ ok: true, credentialId: 'cred-1', proofId: JTI, issuedAt: IAT })
      // The online check refuses a second use by credential id and proof id, so the twin is refused there as a replay.
      expect(kind.verify(twin, { keys: KEYS, nowMs: NOW, es256 })).toEqual(original)
    })
  })
})

// The verifiers themselves, on inputs the JWS decoding would already refuse (each must refuse them on its own too:
// a server may call them with any bytes).
describe.each(ES256)('%s on malformed keys and signatures', (_name, es256: Es256Verify) => {
  const qr = qrOf(KINDS[0]!)
  const cred = qr.split('~')[0]!
  const input = cred.slice(0, cred.lastIndexOf('.'))
  const signature = new Uint8Array(Buffer.from(cred.slice(cred.lastIndexOf('.') + 1), 'base64url'))
  const key = KEYS[0]!

  test('verifies the genuine signature', () => {
    expect(es256(key, input, signature)).toBe(true)
  })

  test.each([
    ['a 63-byte signature', key, signature.subarray(0, 63)],
    ['a 65-byte signature', key, Uint8Array.from([...signature, 0])],
    ['an empty signature', key, new Uint8Array()],
    [
      'a key with a 31-byte x',
      { x: Buffer.from(key.x, 'base64url').subarray(1).toString('base64url'), y: key.y },
      signature,
    ],
    [
      'a key with a 33-byte y',
      { x: key.x, y: Buffer.concat([Buffer.from([0]), Buffer.from(key.y, 'base64url')]).toString('base64url') },
      signature,
    ],
    ['a key that is not base64url', { x: `${key.x.slice(0, -1)}+`, y: key.y }, signature],
    ['a key with x = p', { x: Buffer.from(P.toString(16), 'hex').toString('base64url'), y: key.y }, signature],
    ['a key of zeros (no point)', { x: 'A'.repeat(43), y: 'A'.repeat(43) }, signature],
  ])('refuses %s', (_what, k, sig) => {
    expect(es256(k, input, sig)).toBe(false)
  })

  test('refuses s = n and s = 0 (out of range), accepts n − s', () => {
    const r = signature.subarray(0, 32)
    const s = BigInt(`0x${Buffer.from(signature.subarray(32)).toString('hex')}`)
    const withS = (v: bigint) => Uint8Array.from([...r, ...Buffer.from(v.toString(16).padStart(64, '0'), 'hex')])
    expect(es256(key, input, withS(N))).toBe(false)
    expect(es256(key, input, withS(0n))).toBe(false)
    expect(es256(key, input, withS(N - s))).toBe(true)
  })
})

test('the off-curve check of the table is itself right: the issuer key is on P-256, its y + 1 is not', () => {
  const key = KEYS[0]!
  expect(onCurve(key)).toBe(true)
  const y = BigInt(`0x${Buffer.from(key.y, 'base64url').toString('hex')}`)
  expect(
    onCurve({ x: key.x, y: Buffer.from(((y + 1n) % P).toString(16).padStart(64, '0'), 'hex').toString('base64url') }),
  ).toBe(false)
})

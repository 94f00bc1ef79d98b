// The checks any verifier makes with the JWKS alone, for 亮证 and 粤康码: a genuine code passes; an expired, forged,
// tampered, re-bound, stale or future one does not; the two credential types are not interchangeable; and the
// pure-JavaScript verifier (phones) and node:crypto's (the BFF) agree on every code.
import fc from 'fast-check'
import { nodeEs256Verify } from '../../../bff/src/platform/es256'
import { credentialKid, verifyHealthCode, verifyPresentation } from '../../src/credential'
import { b64, deviceJwk, KEYS, NOW, nowSeconds, presented, signed, strangerJwk, strangerKey } from './fixtures'

const DISCLOSED = { n: '张三', lc: 'C1', vf: '2020-01-01', vu: '2032-01-01', pr: 12 }
const checks = { keys: KEYS, nowMs: NOW }

function credential(o: { kid?: string; e?: number; d?: object; k?: object; typ?: string; claims?: object } = {}) {
  return signed(
    { alg: 'ES256', typ: o.typ ?? 'ysx-vc', kid: o.kid ?? 'k-2026-11' },
    {
      c: 'cred-1',
      t: 'driving_licence',
      p: 'traffic_police',
      d: o.d ?? DISCLOSED,
      k: o.k ?? { x: deviceJwk.x, y: deviceJwk.y },
      e: o.e ?? nowSeconds + 3600,
      ...o.claims,
    },
  )
}
function healthCredential(claims: Record<string, unknown> = {}, typ = 'ysx-hc') {
  const k = { x: deviceJwk.x, y: deviceJwk.y }
  return signed(
    { alg: 'ES256', typ, kid: 'k-2026-11' },
    { c: 'hc-1', hc: 'y', k, e: nowSeconds + 3600, v: '2026.11', ...claims },
  )
}
const qr = (cred = credential(), iat = nowSeconds - 5) => presented(cred, iat)

describe('亮证 presentations', () => {
  it('accepts a genuine presentation and returns only the traffic-police fields, the ids and the proof time', () => {
    expect(verifyPresentation(qr(), checks)).toEqual({
      ok: true,
      claims: {
        type: 'driving_licence',
        profile: 'traffic_police',
        disclosed: {
          name: '张三',
          licenceClass: 'C1',
          validFrom: '2020-01-01',
          validUntil: '2032-01-01',
          pointsRemaining: 12,
        },
      },
      credentialId: 'cred-1',
      proofId: 'j-123456789',
      issuedAt: nowSeconds - 5,
    })
    expect(credentialKid(qr())).toBe('k-2026-11')
  })

  it('refuses an expired credential as expired', () => {
    expect(verifyPresentation(qr(credential({ e: nowSeconds - 1 })), checks)).toMatchObject({
      ok: false,
      failure: 'expired',
    })
  })

  it('refuses a credential under a kid the JWKS does not have, or signed by a key not in it', () => {
    expect(verifyPresentation(qr(credential({ kid: 'k-unknown' })), checks)).toEqual({
      ok: false,
      failure: 'invalid',
      reason: 'unknown kid',
    })
    const rogue = signed({ alg: 'ES256', typ: 'ysx-vc', kid: 'k-2026-11' }, { c: 'x' }, strangerKey())
    expect(verifyPresentation(qr(rogue), checks)).toMatchObject({ failure: 'invalid', reason: 'credential signature' })
  })

  it('refuses a tampered payload, and any flipped character', () => {
    const [h, , s] = credential().split('.') as [string, string, string]
    const claims = {
      c: 'cred-1',
      t: 'driving_licence',
      p: 'traffic_police',
      d: { ...DISCLOSED, n: '李四' },
      k: deviceJwk,
    }
    const forged = `${h}.${b64({ ...claims, e: nowSeconds + 3600 })}.${s}`
    expect(verifyPresentation(qr(forged), checks)).toMatchObject({ ok: false, failure: 'invalid' })
    const text = qr()
    const flipped = `${text.slice(0, 40)}${text[40] === 'A' ? 'B' : 'A'}${text.slice(41)}`
    expect(verifyPresentation(flipped, checks).ok).toBe(false)
  })

  it('refuses a proof by another device than the one the credential binds', () => {
    const other = strangerJwk()
    expect(verifyPresentation(qr(credential({ k: { x: other.x, y: other.y } })), checks)).toMatchObject({
      reason: 'device signature',
    })
  })

  it('refuses a proof older than 60 s (expired) or from the future (invalid), and one bound to another credential', () => {
    expect(verifyPresentation(qr(credential(), nowSeconds - 61), checks)).toMatchObject({ failure: 'expired' })
    expect(verifyPresentation(qr(credential(), nowSeconds - 60), checks)).toMatchObject({ ok: true })
    expect(verifyPresentation(qr(credential(), nowSeconds + 30), checks)).toMatchObject({ failure: 'invalid' })
    const [, proof] = qr().split('~') as [string, string]
    expect(verifyPresentation(`${credential({ e: nowSeconds + 7200 })}~${proof}`, checks)).toMatchObject({
      reason: 'proof claims',
    })
  })

  it('refuses a profile or disclosed field it does not know, inherited names included', () => {
    for (const claims of [{ p: 'toString' }, { p: 'customs' }, { t: 7 }]) {
      expect(verifyPresentation(qr(credential({ claims })), checks)).toMatchObject({ reason: 'credential claims' })
    }
    expect(verifyPresentation(qr(credential({ d: { ...DISCLOSED, zz: 1 } })), checks)).toMatchObject({
      reason: 'credential claims',
    })
  })

  it('refuses text that is not credential~proof', () => {
    for (const text of ['', 'abc', credential(), `${qr()}~x`, 'a.b.c~d.e.f']) {
      expect(verifyPresentation(text, checks).ok).toBe(false)
    }
  })
})

describe('粤康码 status codes', () => {
  it('accepts a genuine code and gives its colour and rule version, for each colour', () => {
    expect(verifyHealthCode(qr(healthCredential()), checks)).toMatchObject({
      ok: true,
      claims: { colour: 'yellow', ruleVersion: '2026.11' },
      credentialId: 'hc-1',
      issuedAt: nowSeconds - 5,
    })
    for (const [hc, colour] of [
      ['g', 'green'],
      ['r', 'red'],
    ]) {
      expect(verifyHealthCode(qr(healthCredential({ hc })), checks)).toMatchObject({ ok: true, claims: { colour } })
    }
  })

  it('refuses a colour or rule version it does not know', () => {
    for (const claims of [{ hc: 'b' }, { hc: 'green' }, { hc: 'toString' }, { hc: undefined }, { v: 3 }]) {
      expect(verifyHealthCode(qr(healthCredential(claims)), checks)).toEqual({
        ok: false,
        failure: 'invalid',
        reason: 'credential claims',
      })
    }
  })

  it('keeps the two credential types apart', () => {
    expect(verifyPresentation(qr(healthCredential()), checks)).toMatchObject({ reason: 'credential header' })
    expect(verifyHealthCode(qr(credential()), checks)).toMatchObject({ reason: 'credential header' })
  })
})

describe('the verifiers of both builds (node:crypto as the BFF runs it)', () => {
  it('agree on a genuine code and on every one-character mutation of it', () => {
    const text = qr()
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~'
    fc.assert(
      fc.property(fc.nat(text.length - 1), fc.constantFrom(...alphabet), (at, char) => {
        fc.pre(text[at] !== char)
        const mutant = `${text.slice(0, at)}${char}${text.slice(at + 1)}`
        const pure = verifyPresentation(mutant, checks)
        const node = verifyPresentation(mutant, { ...checks, es256: nodeEs256Verify })
        expect(node).toEqual(pure)
        expect(pure.ok).toBe(false)
      }),
      { numRuns: 300, seed: 20261202 },
    )
    expect(verifyPresentation(text, checks)).toMatchObject({ ok: true })
    expect(verifyPresentation(text, { ...checks, es256: nodeEs256Verify })).toMatchObject({ ok: true })
  })
})

// The table of boundary and malformed device-bound codes, for every verifier of both builds: the shared checks with
// @noble/curves (the mini-program) and with node:crypto (the BFF), through verifyPresentation and verifyHealthCode, and
// the mini-program's offline verifier over the same rows (miniapp/test/verify-offline-table.test.ts).
//
// Every key is fixed (private scalars derived from a label), so a row's code is the same on every run; node:crypto
// signs the issuer's credentials (as the BFF does), the phone's proofs are signed as the phone signs them (es256Sign).
// Each row names what it proves and the exact outcome: `{ ok: false, failure, reason }`, or accepted.
import { createHash, createHmac, type KeyObject, sign } from 'node:crypto'
import { nodeEs256Verify } from '../../../bff/src/platform/es256'
import {
  type CodeFailure,
  type CodeVerified,
  credentialHash,
  type Es256Verify,
  es256Sign,
  type IssuerKey,
  nobleEs256Verify,
  verifyHealthCode,
  verifyPresentation,
} from '../../src/credential'
import { fixedKey, NOW, nowSeconds } from './fixtures'

/** The ES256 verifiers of both builds: the mini-program's (the shared default) and the BFF's. */
export const ES256: [string, Es256Verify][] = [
  ['@noble/curves (mini-program)', nobleEs256Verify],
  ['node:crypto (BFF)', nodeEs256Verify],
]

// P-256 (SEC 2 §2.4.2 / FIPS 186-4 D.1.2.3), written out here so the table does not take them from the code it tests.
export const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn
export const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn

const b64u = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64url')
const bigOf = (b64: string) => BigInt(`0x${Buffer.from(b64, 'base64url').toString('hex') || '0'}`)
const bytes32 = (n: bigint) => Buffer.from(n.toString(16).padStart(64, '0'), 'hex')
const mod = (a: bigint) => ((a % P) + P) % P

/** Whether (x, y) satisfies y² = x³ − 3x + b over P-256's field (independently of both verifiers). */
export function onCurve(key: { x: string; y: string }): boolean {
  const x = bigOf(key.x)
  const y = bigOf(key.y)
  return x < P && y < P && mod(y * y) === mod(x * x * x - 3n * x + B)
}

export { NOW, nowSeconds }
export const KID = 'k-2026-11'
const issuer = fixedKey('ysx test issuer 2026-11')
const impostor = fixedKey('ysx test impostor')
const device = fixedKey('ysx test device')
const otherDevice = fixedKey('ysx test other device')
export const KEYS: IssuerKey[] = [{ kid: KID, x: issuer.jwk.x, y: issuer.jwk.y }]
const deviceK = { x: device.jwk.x, y: device.jwk.y }

/** y + 1: the same x with a y that is not on the curve (checked below, not assumed). */
const offCurve = (k: { x: string; y: string }) => ({ x: k.x, y: b64u(bytes32(mod(bigOf(k.y) + 1n))) })
const OFF_CURVE_ISSUER = offCurve(issuer.jwk)
const OFF_CURVE_DEVICE = offCurve(deviceK)
if (onCurve(OFF_CURVE_ISSUER) || onCurve(OFF_CURVE_DEVICE) || !onCurve(issuer.jwk) || !onCurve(deviceK)) {
  throw new Error('the off-curve fixtures must be off the curve, and the real keys on it')
}

/** JSON text as it is, for what JSON.stringify cannot write (`__proto__` keys, non-objects, broken JSON). */
export class Raw {
  constructor(readonly text: string) {}
}
const seg = (v: unknown) => b64u(Buffer.from(v instanceof Raw ? v.text : JSON.stringify(v)))
const nodeSig = (input: string, key: KeyObject) =>
  new Uint8Array(sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }))

/** A compact JWS signed by `key` (node:crypto, as the BFF signs) over the segments as given. */
export function jws(header: unknown, payload: unknown, key: KeyObject = issuer.key): string {
  const input = `${seg(header)}.${seg(payload)}`
  return `${input}.${b64u(nodeSig(input, key))}`
}

/** The signature r‖s with s replaced by n − s: as valid a signature, other bytes (ECDSA malleability). */
export function malleated(signature: string): string {
  const raw = Buffer.from(signature, 'base64url')
  const s = bigOf(b64u(raw.subarray(32)))
  return b64u(Buffer.concat([raw.subarray(0, 32), bytes32(N - s)]))
}

/** The two credential types: their typ, their own claims, a claim to tamper with, and their check. */
export interface Kind {
  name: string
  typ: string
  claims: Record<string, unknown>
  /** the claim a verifier shows, changed */
  tampered: Record<string, unknown>
  verify: (
    text: string,
    o: { keys: readonly IssuerKey[]; nowMs: number; es256?: Es256Verify },
  ) => CodeVerified<unknown> | CodeFailure
}
export const KINDS: Kind[] = [
  {
    name: '亮证 (verifyPresentation)',
    typ: 'ysx-vc',
    claims: {
      t: 'driving_licence',
      p: 'traffic_police',
      d: { n: '张三', lc: 'C1', vf: '2020-01-01', vu: '2032-01-01', pr: 12 },
    },
    tampered: { d: { n: '李四', lc: 'A1', vf: '2020-01-01', vu: '2032-01-01', pr: 12 } },
    verify: verifyPresentation,
  },
  {
    name: '粤康码 (verifyHealthCode)',
    typ: 'ysx-hc',
    claims: { hc: 'r', v: '2026.11' },
    tampered: { hc: 'g' },
    verify: verifyHealthCode,
  },
]

export const EXPIRES = nowSeconds + 3600
export const IAT = nowSeconds - 5
export const JTI = 'j-123456789'

/** A QR's parts, each replaceable: the credential's header, claims and signer; the proof's header, claims, signer. */
export interface Parts {
  credHeader?: unknown
  credClaims?: unknown
  credKey?: KeyObject
  proofHeader?: unknown
  proofClaims?: (cred: string) => unknown
  devicePrivate?: Uint8Array
}

export function credentialOf(kind: Kind, p: Parts = {}): string {
  const header = 'credHeader' in p ? p.credHeader : { alg: 'ES256', typ: kind.typ, kid: KID }
  const claims = 'credClaims' in p ? p.credClaims : { c: 'cred-1', ...kind.claims, k: deviceK, e: EXPIRES }
  return jws(header, claims, p.credKey)
}

/** The proof over `cred`, as the phone signs it (es256Sign). */
export function proofOf(cred: string, p: Parts = {}): string {
  const header = 'proofHeader' in p ? p.proofHeader : { alg: 'ES256', typ: 'ysx-kb' }
  const claims = p.proofClaims ? p.proofClaims(cred) : { i: IAT, j: JTI, h: credentialHash(cred) }
  const input = `${seg(header)}.${seg(claims)}`
  return `${input}.${es256Sign(input, p.devicePrivate ?? device.d)}`
}

export const qrOf = (kind: Kind, p: Parts = {}) => {
  const cred = credentialOf(kind, p)
  return `${cred}~${proofOf(cred, p)}`
}

/** A compact JWS with one segment (0 header, 1 payload, 2 signature) replaced. */
const withSegment = (text: string, at: number, value: string) =>
  text
    .split('.')
    .map((s, i) => (i === at ? value : s))
    .join('.')
/** The QR with its credential (0) or proof (1) JWS changed. */
const editPart = (qr: string, part: 0 | 1, edit: (jwsText: string) => string) =>
  qr
    .split('~')
    .map((s, i) => (i === part ? edit(s) : s))
    .join('~')
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
/** The same segment with its last character's unused low bit set: the same bytes, read leniently. */
const strayBits = (segment: string) => `${segment.slice(0, -1)}${ALPHABET[ALPHABET.indexOf(segment.slice(-1)) | 1]!}`
/** A base64url segment in the standard alphabet (- → +, _ → /). */
const standard = (segment: string) => segment.replaceAll('-', '+').replaceAll('_', '/')
const sigBytes = (text: string) => Buffer.from(text.split('.')[2] ?? '', 'base64url')

export type Outcome = { ok: true; credentialId: string } | { ok: false; failure: 'invalid' | 'expired'; reason: string }
const invalid = (reason: string): Outcome => ({ ok: false, failure: 'invalid', reason })
const expired = (reason: string): Outcome => ({ ok: false, failure: 'expired', reason })
const ACCEPTED: Outcome = { ok: true, credentialId: 'cred-1' }

export interface Row {
  /** what the row proves */
  proves: string
  text: string
  /** the issuer's keys the verifier holds (KEYS unless said) */
  keys?: IssuerKey[]
  /** when it is checked (NOW unless said) */
  nowMs?: number
  outcome: Outcome
}

/** The rows for one credential type. */
export function rowsFor(kind: Kind): Row[] {
  const cred = credentialOf(kind)
  const qr = `${cred}~${proofOf(cred)}`
  const [h, p, s] = cred.split('.') as [string, string, string]
  const proof = proofOf(cred)
  const claims = { c: 'cred-1', ...kind.claims, k: deviceK, e: EXPIRES }
  const header = { alg: 'ES256', typ: kind.typ, kid: KID }
  const proofWith = (claimsOf: (c: string) => unknown) => qrOf(kind, { proofClaims: claimsOf })
  const proofClaims = (o: Record<string, unknown>) => (c: string) => ({ i: IAT, j: JTI, h: credentialHash(c), ...o })
  const hs256 = (input: string) =>
    b64u(createHmac('sha256', Buffer.from(issuer.jwk.x, 'base64url')).update(input).digest())
  const hsHeader = seg({ alg: 'HS256', typ: kind.typ, kid: KID })
  const otherKind = KINDS.find((k) => k !== kind) as Kind
  const sig = sigBytes(cred)
  const der = (() => {
    const r = sig.subarray(0, 32)
    const sv = sig.subarray(32)
    const int = (b: Buffer) => (b[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b)
    const body = Buffer.concat([Buffer.from([2, int(r).length]), int(r), Buffer.from([2, int(sv).length]), int(sv)])
    return b64u(Buffer.concat([Buffer.from([0x30, body.length]), body]))
  })()
  // A credential whose claims segment has a 63 in it ('_'): twelve '?' (0x3F) give one at any alignment.
  const padded = qrOf(kind, { credClaims: { ...claims, pad: '?'.repeat(12) } })
  if (!padded.split('.')[1]!.includes('_')) throw new Error('the padded claims must encode a _')
  const rs = (r: bigint, sv: bigint) => b64u(Buffer.concat([bytes32(r), bytes32(sv)]))

  return [
    // Controls: the genuine code, as it is and as a scanner hands it over.
    { proves: 'the genuine code is accepted', text: qr, outcome: ACCEPTED },
    {
      proves: 'whitespace and a newline a scanner adds around the text are ignored',
      text: ` ${qr}\n`,
      outcome: ACCEPTED,
    },

    // The text's shape.
    { proves: 'empty text is not a code', text: '', outcome: invalid('not credential~proof') },
    { proves: 'a credential without its proof is refused', text: cred, outcome: invalid('not credential~proof') },
    { proves: 'an empty proof part is refused', text: `${cred}~`, outcome: invalid('not credential~proof') },
    { proves: 'an empty credential part is refused', text: `~${proof}`, outcome: invalid('not credential~proof') },
    { proves: 'a third ~ part is refused', text: `${qr}~${proof}`, outcome: invalid('not credential~proof') },
    {
      proves: 'a credential missing its signature segment is refused',
      text: `${h}.${p}~${proof}`,
      outcome: invalid('credential header'),
    },
    {
      proves: 'a credential with an empty signature segment is refused',
      text: `${h}.${p}.~${proof}`,
      outcome: invalid('credential header'),
    },
    {
      proves: 'a credential with an extra segment is refused',
      text: `${cred}.${s}~${proof}`,
      outcome: invalid('credential header'),
    },
    {
      proves: 'a credential with an empty header segment is refused',
      text: `.${p}.${s}~${proof}`,
      outcome: invalid('credential header'),
    },
    {
      proves: 'a proof missing its signature segment is refused',
      text: editPart(qr, 1, (t) => t.split('.').slice(0, 2).join('.')),
      outcome: invalid('proof header'),
    },
    {
      proves: 'a proof with an extra segment is refused',
      text: editPart(qr, 1, (t) => `${t}.${t.split('.')[2]!}`),
      outcome: invalid('proof header'),
    },
    {
      proves: 'the parts in the wrong order (proof~credential) are refused',
      text: `${proof}~${cred}`,
      outcome: invalid('credential header'),
    },
    {
      proves: 'the credential in place of the proof is refused',
      text: `${cred}~${cred}`,
      outcome: invalid('proof header'),
    },

    // base64url: only the canonical form of each segment.
    {
      proves: 'standard base64 (+ and /, not - and _) in a segment is refused',
      text: editPart(padded, 0, (t) => withSegment(t, 1, standard(t.split('.')[1]!))),
      outcome: invalid('credential header'),
    },
    {
      proves: 'base64 padding (=) after a segment is refused',
      text: editPart(qr, 0, (t) => withSegment(t, 0, `${h}==`)),
      outcome: invalid('credential header'),
    },
    {
      proves: 'a segment whose length is 1 mod 4 (no whole byte) is refused',
      text: editPart(qr, 0, (t) => withSegment(t, 0, `${h}${'A'.repeat((5 - (h.length % 4)) % 4)}`)),
      outcome: invalid('credential header'),
    },
    {
      proves: 'a non-canonical last character (stray low bits) is refused: one signature has one text',
      text: editPart(qr, 0, (t) => withSegment(t, 2, strayBits(s))),
      outcome: invalid('credential header'),
    },
    {
      proves: 'a character outside the alphabet is refused',
      text: editPart(qr, 0, (t) => withSegment(t, 1, `${p.slice(0, 4)}*${p.slice(5)}`)),
      outcome: invalid('credential header'),
    },

    // JSON that is not an object, or not JSON, or not UTF-8 (each signed by the issuer: the shape is refused, not the signature).
    {
      proves: 'a header that is a JSON array is refused',
      text: qrOf(kind, { credHeader: ['ES256', kind.typ, KID] }),
      outcome: invalid('credential header'),
    },
    {
      proves: 'claims that are a JSON string are refused',
      text: qrOf(kind, { credClaims: 'cred-1' }),
      outcome: invalid('credential header'),
    },
    {
      proves: 'claims that are JSON null are refused',
      text: qrOf(kind, { credClaims: null }),
      outcome: invalid('credential header'),
    },
    {
      proves: 'claims that are a JSON number are refused',
      text: qrOf(kind, { credClaims: 42 }),
      outcome: invalid('credential header'),
    },
    {
      proves: 'claims that are not JSON are refused',
      text: qrOf(kind, { credClaims: new Raw('{"c":"cred-1",') }),
      outcome: invalid('credential header'),
    },
    {
      proves: 'a header that is not UTF-8 is refused',
      text: editPart(qr, 0, (t) => withSegment(t, 0, b64u(Buffer.from([0x7b, 0xff, 0x7d])))),
      outcome: invalid('credential header'),
    },
    {
      proves: 'a header with a UTF-8 sequence beyond U+10FFFF is refused, not thrown on',
      text: editPart(qr, 0, (t) => withSegment(t, 0, b64u(Buffer.from([0x22, 0xf7, 0xbf, 0xbf, 0xbf, 0x22])))),
      outcome: invalid('credential header'),
    },
    {
      proves: 'proof claims that are a JSON array are refused',
      text: proofWith(() => [IAT, JTI]),
      outcome: invalid('proof header'),
    },

    // alg: ES256 and nothing else, whatever signs it.
    {
      proves: 'alg none with no signature is refused',
      text: `${seg({ alg: 'none', typ: kind.typ, kid: KID })}.${p}.~${proof}`,
      outcome: invalid('credential header'),
    },
    {
      proves: 'alg none over the genuine signature is refused',
      text: `${seg({ alg: 'none', typ: kind.typ, kid: KID })}.${p}.${s}~${proof}`,
      outcome: invalid('credential header'),
    },
    {
      proves: 'alg none is refused even when the issuer signed that header',
      text: qrOf(kind, { credHeader: { alg: 'none', typ: kind.typ, kid: KID } }),
      outcome: invalid('credential header'),
    },
    {
      proves: 'HS256 keyed with the public key (key confusion) is refused',
      text: `${hsHeader}.${p}.${hs256(`${hsHeader}.${p}`)}~${proof}`,
      outcome: invalid('credential header'),
    },
    {
      proves: 'alg HS256 is refused even when the issuer signed that header with ES256',
      text: qrOf(kind, { credHeader: { alg: 'HS256', typ: kind.typ, kid: KID } }),
      outcome: invalid('credential header'),
    },
    {
      proves: 'a header without alg is refused',
      text: qrOf(kind, { credHeader: { typ: kind.typ, kid: KID } }),
      outcome: invalid('credential header'),
    },
    {
      proves: 'alg is compared exactly: es256 is refused',
      text: qrOf(kind, { credHeader: { alg: 'es256', typ: kind.typ, kid: KID } }),
      outcome: invalid('credential header'),
    },
    {
      proves: 'a proof with alg none is refused',
      text: qrOf(kind, { proofHeader: { alg: 'none', typ: 'ysx-kb' } }),
      outcome: invalid('proof header'),
    },
    {
      proves: 'a proof with alg HS256 is refused',
      text: qrOf(kind, { proofHeader: { alg: 'HS256', typ: 'ysx-kb' } }),
      outcome: invalid('proof header'),
    },
    {
      proves: 'a proof without alg is refused',
      text: qrOf(kind, { proofHeader: { typ: 'ysx-kb' } }),
      outcome: invalid('proof header'),
    },

    // typ and kid.
    {
      proves: 'a credential without typ is refused',
      text: qrOf(kind, { credHeader: { alg: 'ES256', kid: KID } }),
      outcome: invalid('credential header'),
    },
    {
      proves: 'the other credential type is refused (the two are not interchangeable)',
      text: qrOf(kind, {
        credHeader: { alg: 'ES256', typ: otherKind.typ, kid: KID },
        credClaims: { c: 'cred-1', ...otherKind.claims, k: deviceK, e: EXPIRES },
      }),
      outcome: invalid('credential header'),
    },
    {
      proves: 'a device proof signed by the issuer is not a credential',
      text: qrOf(kind, { credHeader: { alg: 'ES256', typ: 'ysx-kb', kid: KID } }),
      outcome: invalid('credential header'),
    },
    {
      proves: 'a proof whose typ is not ysx-kb is refused',
      text: qrOf(kind, { proofHeader: { alg: 'ES256', typ: kind.typ } }),
      outcome: invalid('proof header'),
    },
    {
      proves: 'a credential without kid is refused',
      text: qrOf(kind, { credHeader: { alg: 'ES256', typ: kind.typ } }),
      outcome: invalid('credential header'),
    },
    {
      proves: 'a kid that is not a string is refused',
      text: qrOf(kind, { credHeader: { alg: 'ES256', typ: kind.typ, kid: 1 } }),
      outcome: invalid('credential header'),
    },
    {
      proves: 'a kid the JWKS does not have is refused',
      text: qrOf(kind, { credHeader: { alg: 'ES256', typ: kind.typ, kid: 'k-2027-01' } }),
      outcome: invalid('unknown kid'),
    },
    {
      proves: 'an inherited property name as kid names no key',
      text: qrOf(kind, { credHeader: { alg: 'ES256', typ: kind.typ, kid: '__proto__' } }),
      outcome: invalid('unknown kid'),
    },
    {
      proves: 'a header whose fields are only under __proto__ is refused',
      text: qrOf(kind, { credHeader: new Raw(`{"__proto__":${JSON.stringify(header)}}`) }),
      outcome: invalid('credential header'),
    },

    // The issuer's signature: its length, its values, its key.
    {
      proves: 'a truncated signature (63 bytes) is refused',
      text: editPart(qr, 0, (t) => withSegment(t, 2, b64u(sig.subarray(0, 63)))),
      outcome: invalid('credential header'),
    },
    {
      proves: 'an over-long signature (65 bytes) is refused',
      text: editPart(qr, 0, (t) => withSegment(t, 2, b64u(Buffer.concat([sig, Buffer.from([0])])))),
      outcome: invalid('credential header'),
    },
    {
      proves: 'a half signature (r alone, 32 bytes) is refused',
      text: editPart(qr, 0, (t) => withSegment(t, 2, b64u(sig.subarray(0, 32)))),
      outcome: invalid('credential header'),
    },
    {
      proves: 'a DER-encoded signature (not JWS r‖s) is refused',
      text: editPart(qr, 0, (t) => withSegment(t, 2, der)),
      outcome: invalid('credential header'),
    },
    {
      proves: 'a signature of zeros (r = s = 0) is refused',
      text: editPart(qr, 0, (t) => withSegment(t, 2, rs(0n, 0n))),
      outcome: invalid('credential signature'),
    },
    {
      proves: 'a signature with s = n (out of range) is refused',
      text: editPart(qr, 0, (t) => withSegment(t, 2, rs(bigOf(b64u(sig.subarray(0, 32))), N))),
      outcome: invalid('credential signature'),
    },
    {
      proves: 'a signature with r = n (out of range, ≡ 0) is refused',
      text: editPart(qr, 0, (t) => withSegment(t, 2, rs(N, bigOf(b64u(sig.subarray(32)))))),
      outcome: invalid('credential signature'),
    },
    {
      proves: 'r and s swapped are refused',
      text: editPart(qr, 0, (t) => withSegment(t, 2, b64u(Buffer.concat([sig.subarray(32), sig.subarray(0, 32)])))),
      outcome: invalid('credential signature'),
    },
    {
      proves:
        'the malleated twin (r, n − s) of the issuer’s signature is accepted with a proof over it: ES256 takes high S',
      text: `${h}.${p}.${malleated(s)}~${proofOf(`${h}.${p}.${malleated(s)}`)}`,
      outcome: ACCEPTED,
    },
    {
      proves:
        'the malleated twin of the issuer’s signature under the phone’s proof of the original is refused: the proof binds the exact text',
      text: `${h}.${p}.${malleated(s)}~${proof}`,
      outcome: invalid('proof claims'),
    },
    {
      proves: 'the malleated twin of the device’s signature is accepted',
      text: editPart(qr, 1, (t) => withSegment(t, 2, malleated(t.split('.')[2]!))),
      outcome: ACCEPTED,
    },
    {
      proves: 'the tampered claim a verifier shows, under the original signature, is refused',
      text: `${h}.${seg({ ...claims, ...kind.tampered })}.${s}~${proof}`,
      outcome: invalid('credential signature'),
    },
    {
      proves: 'a later expiry under the original signature is refused',
      text: `${h}.${seg({ ...claims, e: EXPIRES + 86_400 })}.${s}~${proof}`,
      outcome: invalid('credential signature'),
    },
    {
      proves: 'another credential’s signature is refused',
      text: `${h}.${p}.${credentialOf(kind, { credClaims: { ...claims, c: 'cred-2' } }).split('.')[2]!}~${proof}`,
      outcome: invalid('credential signature'),
    },
    {
      proves: 'a credential signed by another key under the same kid is refused',
      text: qrOf(kind, { credKey: impostor.key }),
      outcome: invalid('credential signature'),
    },
    {
      proves: 'an issuer key off the curve (x, y + 1) verifies nothing',
      text: qr,
      keys: [{ kid: KID, ...OFF_CURVE_ISSUER }],
      outcome: invalid('credential signature'),
    },
    {
      proves: 'an issuer key with x ≥ p verifies nothing',
      text: qr,
      keys: [{ kid: KID, x: b64u(bytes32(P)), y: issuer.jwk.y }],
      outcome: invalid('credential signature'),
    },
    {
      proves: 'an issuer key of 31-byte coordinates verifies nothing',
      text: qr,
      keys: [{ kid: KID, x: b64u(Buffer.from(issuer.jwk.x, 'base64url').subarray(1)), y: issuer.jwk.y }],
      outcome: invalid('credential signature'),
    },
    {
      proves: 'an issuer key that is not base64url verifies nothing',
      text: qr,
      keys: [{ kid: KID, x: `${issuer.jwk.x.slice(0, -1)}+`, y: issuer.jwk.y }],
      outcome: invalid('credential signature'),
    },
    {
      proves: 'the key is chosen by kid: the impostor’s key listed under another kid does not help',
      text: qrOf(kind, { credKey: impostor.key }),
      keys: [...KEYS, { kid: 'k-impostor', x: impostor.jwk.x, y: impostor.jwk.y }],
      outcome: invalid('credential signature'),
    },

    // The credential's own claims.
    {
      proves: 'claims only under a __proto__ key are refused (read as own properties, never inherited)',
      text: qrOf(kind, { credClaims: new Raw(`{"__proto__":${JSON.stringify(claims)}}`) }),
      outcome: invalid('credential claims'),
    },
    {
      proves: 'a credential without the device key k is refused',
      text: qrOf(kind, { credClaims: { ...claims, k: undefined } }),
      outcome: invalid('credential claims'),
    },
    {
      proves: 'a device key whose y is not a string is refused',
      text: qrOf(kind, { credClaims: { ...claims, k: { x: deviceK.x, y: 7 } } }),
      outcome: invalid('credential claims'),
    },
    {
      proves: 'a device key whose x is not a string is refused',
      text: qrOf(kind, { credClaims: { ...claims, k: { x: null, y: deviceK.y } } }),
      outcome: invalid('credential claims'),
    },
    {
      proves: 'an expiry that is a string is refused',
      text: qrOf(kind, { credClaims: { ...claims, e: String(EXPIRES) } }),
      outcome: invalid('credential claims'),
    },
    {
      proves: 'a credential id that is not a string is refused',
      text: qrOf(kind, { credClaims: { ...claims, c: 1 } }),
      outcome: invalid('credential claims'),
    },
    {
      proves: 'a credential that expires at this very second is expired',
      text: qr,
      nowMs: EXPIRES * 1000,
      outcome: expired('credential expired'),
    },
    {
      proves: 'a credential 1 ms before its expiry is accepted',
      text: qrOf(kind, { proofClaims: proofClaims({ i: EXPIRES - 10 }) }),
      nowMs: EXPIRES * 1000 - 1,
      outcome: ACCEPTED,
    },

    // The device's proof.
    {
      proves: 'a truncated proof signature (63 bytes) is refused',
      text: editPart(qr, 1, (t) => withSegment(t, 2, b64u(sigBytes(t).subarray(0, 63)))),
      outcome: invalid('proof header'),
    },
    {
      proves: 'an over-long proof signature (65 bytes) is refused',
      text: editPart(qr, 1, (t) => withSegment(t, 2, b64u(Buffer.concat([sigBytes(t), Buffer.from([1])])))),
      outcome: invalid('proof header'),
    },
    {
      proves: 'a proof whose time is moved, under the original signature, is refused',
      text: editPart(qr, 1, (t) => withSegment(t, 1, seg({ i: IAT + 30, j: JTI, h: credentialHash(cred) }))),
      outcome: invalid('device signature'),
    },
    {
      proves: 'a proof signed by another device than the credential binds is refused',
      text: qrOf(kind, { devicePrivate: otherDevice.d }),
      outcome: invalid('device signature'),
    },
    {
      proves: 'a credential binding a device key off the curve is refused at the proof',
      text: qrOf(kind, { credClaims: { ...claims, k: OFF_CURVE_DEVICE } }),
      outcome: invalid('device signature'),
    },
    {
      proves: 'proof claims only under __proto__ are refused',
      text: proofWith((c) => new Raw(`{"__proto__":${JSON.stringify({ i: IAT, j: JTI, h: credentialHash(c) })}}`)),
      outcome: invalid('proof claims'),
    },
    {
      proves: 'a proof time that is a string is refused',
      text: proofWith(proofClaims({ i: String(IAT) })),
      outcome: invalid('proof claims'),
    },
    {
      proves: 'a proof id that is not a string is refused',
      text: proofWith(proofClaims({ j: 123456789 })),
      outcome: invalid('proof claims'),
    },
    {
      proves: 'a proof id of 7 characters is refused',
      text: proofWith(proofClaims({ j: 'j-12345' })),
      outcome: invalid('proof claims'),
    },
    {
      proves: 'a proof id of 8 characters is accepted',
      text: proofWith(proofClaims({ j: 'j-123456' })),
      outcome: ACCEPTED,
    },
    {
      proves: 'a proof id of 64 characters is accepted',
      text: proofWith(proofClaims({ j: 'j'.repeat(64) })),
      outcome: ACCEPTED,
    },
    {
      proves: 'a proof id of 65 characters is refused',
      text: proofWith(proofClaims({ j: 'j'.repeat(65) })),
      outcome: invalid('proof claims'),
    },
    {
      proves: 'a proof without the credential hash is refused',
      text: proofWith(proofClaims({ h: undefined })),
      outcome: invalid('proof claims'),
    },
    {
      proves: 'a proof bound to another credential is refused',
      text: proofWith(proofClaims({ h: credentialHash(`${cred}x`) })),
      outcome: invalid('proof claims'),
    },
    {
      proves: 'a proof bound by the full SHA-256 (not its 128-bit prefix) is refused',
      text: proofWith((c) => ({ i: IAT, j: JTI, h: b64u(createHash('sha256').update(c).digest()) })),
      outcome: invalid('proof claims'),
    },

    // The proof's age: 60 s at most, 5 s of clock skew ahead at most, to the millisecond.
    { proves: 'a proof exactly 60 s old is accepted', text: qr, nowMs: (IAT + 60) * 1000, outcome: ACCEPTED },
    {
      proves: 'a proof 60 s + 1 ms old is expired',
      text: qr,
      nowMs: (IAT + 60) * 1000 + 1,
      outcome: expired('proof older than 60 s'),
    },
    {
      proves: 'a proof exactly 5 s ahead of the clock (the skew) is accepted',
      text: qr,
      nowMs: (IAT - 5) * 1000,
      outcome: ACCEPTED,
    },
    {
      proves: 'a proof 5 s + 1 ms ahead of the clock is refused as from the future',
      text: qr,
      nowMs: (IAT - 5) * 1000 - 1,
      outcome: invalid('proof from the future'),
    },
    {
      proves: 'a proof made a day ahead is refused as from the future',
      text: proofWith(proofClaims({ i: nowSeconds + 86_400 })),
      outcome: invalid('proof from the future'),
    },
    {
      proves: 'a proof time of 1e400 (Infinity once parsed) is refused as from the future',
      text: proofWith((c) => new Raw(`{"i":1e400,"j":"${JTI}","h":"${credentialHash(c)}"}`)),
      outcome: invalid('proof from the future'),
    },
  ]
}

/** The rows of each credential type, built once. */
export const KIND_ROWS = new Map(KINDS.map((kind) => [kind, rowsFor(kind)]))

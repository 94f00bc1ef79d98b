// The credential format's encoding and proofs agree with node:crypto and Buffer: what the phone makes, the BFF and
// any JOSE library can read.
import { createHash, createPublicKey, verify } from 'node:crypto'
import {
  credentialHash,
  fromBase64url,
  fromShortKeys,
  presentationText,
  proofSigningInput,
  toBase64url,
  toShortKeys,
  utf8Decode,
  utf8Encode,
} from '../../src/credential'
import { devicePrivate, deviceJwk, presented } from './fixtures'

it('encodes base64url and UTF-8 like Buffer, and refuses malformed base64url', () => {
  for (const text of ['', 'f', 'fo', 'foo', 'foob', '驾驶证 C1 ✓ 🚗']) {
    const bytes = utf8Encode(text)
    expect(Buffer.from(bytes).toString('utf8')).toBe(text)
    expect(toBase64url(bytes)).toBe(Buffer.from(text).toString('base64url'))
    expect(utf8Decode(fromBase64url(toBase64url(bytes)) ?? new Uint8Array([255]))).toBe(text)
  }
  expect(fromBase64url('ab+c')).toBeNull()
  expect(fromBase64url('a')).toBeNull()
})

it('makes a proof node:crypto verifies with the device JWK, binding the credential by its SHA-256 prefix', () => {
  const credential = 'eyJhbGciOiJFUzI1NiJ9.eyJjIjoiMSJ9.sig'
  const text = presented(credential, 1_800_000_000, 'abcdefghijkl')
  const [cred, proof] = text.split('~') as [string, string]
  expect(cred).toBe(credential)
  const [h, p, s] = proof.split('.') as [string, string, string]
  expect(`${h}.${p}`).toBe(proofSigningInput(credential, { iat: 1_800_000_000, jti: 'abcdefghijkl' }))
  expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toEqual({ alg: 'ES256', typ: 'ysx-kb' })
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString())
  const nodeHash = createHash('sha256').update(credential).digest().subarray(0, 16).toString('base64url')
  expect(claims).toEqual({ i: 1_800_000_000, j: 'abcdefghijkl', h: nodeHash })
  expect(credentialHash(credential)).toBe(nodeHash)
  const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', ...deviceJwk }, format: 'jwk' })
  const check = (input: string) =>
    verify('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'))
  expect(check(`${h}.${p}`)).toBe(true)
  expect(check(`${h}.${p}x`)).toBe(false)
  expect(presentationText(credential, `${h}.${p}`, s)).toBe(text)
  expect(devicePrivate).toHaveLength(32)
})

it('carries disclosed fields under short keys and reads them back, leaving unknown keys for the schema to refuse', () => {
  const disclosed = { name: '张三', licenceClass: 'C1', pointsRemaining: 12, over18: true }
  expect(toShortKeys(disclosed)).toEqual({ n: '张三', lc: 'C1', pr: 12, a18: true })
  expect(fromShortKeys(toShortKeys(disclosed))).toEqual(disclosed)
  expect(fromShortKeys({ n: '张三', zz: 1 })).toEqual({ name: '张三', zz: 1 })
})

// The phone's device key (kept once in storage) and the QR proof it signs agree with node:crypto and the shared format.
import { createECDH, createHash, createPublicKey, verify } from 'node:crypto'
import { credentialHash } from '@ysx/shared/credential'
import { DEVICE_KEY_STORAGE, deviceKey, presentation } from '../src/services/device-key'
import { randomBytes } from '../src/platform'
import { storage } from './taro-mock'

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: jest.requireActual<typeof import('./taro-mock')>('./taro-mock').taro,
}))
// The platform's random bytes, fixed: the same device key on every run.
jest.mock('../src/platform', () => ({
  ...jest.requireActual<typeof import('../src/platform')>('../src/platform'),
  randomBytes: jest.fn((n: number) => Promise.resolve(Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) % 256))),
}))

beforeEach(() => {
  storage.clear()
  jest.mocked(randomBytes).mockClear()
})

it('makes the device key once from the platform’s random bytes, stores it under a ysx. key, and keeps it', async () => {
  const first = await deviceKey()
  expect(randomBytes).toHaveBeenCalledTimes(1)
  expect([...storage.keys()]).toEqual([DEVICE_KEY_STORAGE])
  expect(DEVICE_KEY_STORAGE.startsWith('ysx.')).toBe(true)
  // The JWK is the stored private key's public half, as OpenSSL computes it.
  const stored = Buffer.from(storage.get(DEVICE_KEY_STORAGE) as string, 'base64url')
  expect(Buffer.from(first.privateKey)).toEqual(stored)
  const ecdh = createECDH('prime256v1')
  ecdh.setPrivateKey(stored)
  const point = ecdh.getPublicKey()
  expect(first.publicJwk).toEqual({
    kty: 'EC',
    crv: 'P-256',
    x: point.subarray(1, 33).toString('base64url'),
    y: point.subarray(33).toString('base64url'),
  })
  const again = await deviceKey()
  expect(again.publicJwk).toEqual(first.publicJwk)
  expect(randomBytes).toHaveBeenCalledTimes(1)
})

it('builds a QR text whose proof node:crypto verifies with the JWK, binding the credential by its hash', async () => {
  const key = await deviceKey()
  const credential = 'eyJhbGciOiJFUzI1NiJ9.eyJjIjoiMSJ9.sig'
  const text = presentation(credential, key.privateKey, { iatSeconds: 1_800_000_000, jti: 'abcdefghijkl' })
  const [cred, proof] = text.split('~') as [string, string]
  expect(cred).toBe(credential)
  const [h, p, s] = proof.split('.') as [string, string, string]
  expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toEqual({ alg: 'ES256', typ: 'ysx-kb' })
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString())
  expect(claims).toEqual({
    i: 1_800_000_000,
    j: 'abcdefghijkl',
    h: createHash('sha256').update(credential).digest().subarray(0, 16).toString('base64url'),
  })
  expect(claims.h).toBe(credentialHash(credential))
  const publicKey = createPublicKey({ key: key.publicJwk, format: 'jwk' })
  expect(
    verify(
      'sha256',
      Buffer.from(`${h}.${p}`),
      { key: publicKey, dsaEncoding: 'ieee-p1363' },
      Buffer.from(s, 'base64url'),
    ),
  ).toBe(true)
  expect(
    verify(
      'sha256',
      Buffer.from(`${h}.${p}x`),
      { key: publicKey, dsaEncoding: 'ieee-p1363' },
      Buffer.from(s, 'base64url'),
    ),
  ).toBe(false)
})

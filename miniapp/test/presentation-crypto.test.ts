// The phone's device key (kept once in storage) and the QR proof it signs agree with node:crypto and the shared format.
import { createHash, createPublicKey, verify } from 'node:crypto'
import { credentialHash } from '@ysx/shared/credential'
import { DEVICE_KEY_STORAGE, deviceKey, presentation } from '../src/services/device-key'
import { storage } from './taro-mock'

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: jest.requireActual<typeof import('./taro-mock')>('./taro-mock').taro,
}))

beforeEach(() => storage.clear())

it('makes the device key once, stores it under a ysx. key, and returns the same key afterwards', async () => {
  const first = await deviceKey()
  expect([...storage.keys()]).toEqual([DEVICE_KEY_STORAGE])
  expect(DEVICE_KEY_STORAGE.startsWith('ysx.')).toBe(true)
  expect(first.publicJwk.x).toMatch(/^[A-Za-z0-9_-]{43}$/)
  expect(first.publicJwk.y).toMatch(/^[A-Za-z0-9_-]{43}$/)
  const again = await deviceKey()
  expect(again.publicJwk).toEqual(first.publicJwk)
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

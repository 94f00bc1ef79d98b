// services/credential-store.ts: a credential is kept per card and profile for offline 亮证, and dropped near expiry.
import { CREDENTIALS_STORAGE, keepCredential, storedCredential } from '../src/services/credential-store'
import { storage } from './taro-mock'

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: jest.requireActual<typeof import('./taro-mock')>('./taro-mock').taro,
}))

const NOW = Date.UTC(2026, 10, 23, 9)
const issued = (expiresInMs: number) => ({
  credential: 'a.b.c',
  credentialId: 'cred-1',
  profile: 'traffic_police' as const,
  disclosed: { name: '张三', pointsRemaining: 12 },
  expiresAt: new Date(NOW + expiresInMs).toISOString(),
})

beforeEach(() => storage.clear())

it('keeps a credential under one ysx. key and finds it for its card and profile only', () => {
  keepCredential('card-1', issued(3_600_000))
  expect([...storage.keys()]).toEqual([CREDENTIALS_STORAGE])
  expect(CREDENTIALS_STORAGE.startsWith('ysx.')).toBe(true)
  expect(storedCredential('card-1', 'traffic_police', NOW)?.credentialId).toBe('cred-1')
  expect(storedCredential('card-1', 'age_check', NOW)).toBeNull()
  expect(storedCredential('card-2', 'traffic_police', NOW)).toBeNull()
})

it('drops a credential within two minutes of its expiry, so a new one is issued', () => {
  keepCredential('card-1', issued(60_000))
  expect(storedCredential('card-1', 'traffic_police', NOW)).toBeNull()
  expect(storage.get(CREDENTIALS_STORAGE)).toEqual({})
})

it('ignores a corrupt stored value', () => {
  storage.set(CREDENTIALS_STORAGE, 'garbage')
  expect(storedCredential('card-1', 'traffic_police', NOW)).toBeNull()
})

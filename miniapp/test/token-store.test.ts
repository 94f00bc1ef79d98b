// services/token-store.ts: tokens kept under one namespaced key, read back only while usable, cleared as a whole.
import { clearTokens, readTokens, saveTokens, STORAGE_KEYS } from '../src/services/token-store'
import { storage } from './taro-mock'

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: jest.requireActual<typeof import('./taro-mock')>('./taro-mock').taro,
}))

const NOW = Date.UTC(2026, 10, 23, 9)
const tokens = { accessToken: 'access-1', accessExpiresIn: 900, refreshToken: 'refresh-1', refreshExpiresIn: 3600 }

beforeEach(() => storage.clear())

it('stores the tokens under one ysx.-namespaced key and reads them back', () => {
  saveTokens(tokens, NOW)
  expect([...storage.keys()]).toEqual([STORAGE_KEYS.tokens])
  expect(STORAGE_KEYS.tokens.startsWith('ysx.')).toBe(true)
  expect(readTokens(NOW)).toEqual({
    accessToken: 'access-1',
    refreshToken: 'refresh-1',
    refreshExpiresAt: NOW + 3_600_000,
  })
})

it('reads nothing when nothing is stored', () => {
  expect(readTokens(NOW)).toBeNull()
})

it('reads the tokens until the last millisecond of the refresh token, and nothing from the moment it lapses', () => {
  saveTokens(tokens, NOW)
  expect(readTokens(NOW + 3_599_999)).toMatchObject({ refreshToken: 'refresh-1' })
  expect(readTokens(NOW + 3_600_000)).toBeNull()
})

it('reads nothing from a corrupt or foreign value under its key', () => {
  storage.set(STORAGE_KEYS.tokens, 'not-an-object')
  expect(readTokens(NOW)).toBeNull()
  storage.set(STORAGE_KEYS.tokens, { accessToken: '', refreshToken: 'r', refreshExpiresAt: NOW + 1 })
  expect(readTokens(NOW)).toBeNull()
})

it('clears only its own key', () => {
  storage.set('other.app.key', 'kept')
  saveTokens(tokens, NOW)
  clearTokens()
  expect(readTokens(NOW)).toBeNull()
  expect(storage.get('other.app.key')).toBe('kept')
})

it.each([
  ['null', null],
  ['an array', ['access', 'refresh']],
  ['no refresh token', { accessToken: 'a', refreshExpiresAt: NOW + 1 }],
  ['a numeric access token', { accessToken: 7, refreshToken: 'r', refreshExpiresAt: NOW + 1 }],
  ['a lapse time as text', { accessToken: 'a', refreshToken: 'r', refreshExpiresAt: String(NOW + 1) }],
  ['a lapse time that is not a number', { accessToken: 'a', refreshToken: 'r', refreshExpiresAt: Number.NaN }],
])('reads nothing from a stored value with %s', (_case, value) => {
  storage.set(STORAGE_KEYS.tokens, value)
  expect(readTokens(NOW)).toBeNull()
})

// The session's tokens in Taro storage under one namespaced key, written and cleared as a whole.
import Taro from '@tarojs/taro'
import type { Tokens } from '@ysx/shared'

export const STORAGE_KEYS = {
  tokens: 'ysx.auth.tokens',
  loginState: 'ysx.auth.loginState',
} as const

/** The tokens as kept on the device. */
export interface StoredTokens {
  accessToken: string
  refreshToken: string
  /** When the refresh token goes idle (ms since epoch): past it, the session is gone without asking the BFF. */
  refreshExpiresAt: number
}

// Checked by hand, not with zod: every page reads the tokens before its first call, and the first paint must not wait
// for zod (see miniapp/config and scripts/bench/size).
const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.length > 0
function isStoredTokens(value: unknown): value is StoredTokens {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return nonEmpty(v.accessToken) && nonEmpty(v.refreshToken) && Number.isFinite(v.refreshExpiresAt)
}

/** The stored tokens, or null when there are none, they are unreadable, or the refresh token has lapsed. */
export function readTokens(now = Date.now()): StoredTokens | null {
  const stored = Taro.getStorageSync<unknown>(STORAGE_KEYS.tokens)
  if (!isStoredTokens(stored) || stored.refreshExpiresAt <= now) return null
  return stored
}

export function saveTokens(tokens: Tokens, now = Date.now()): StoredTokens {
  const stored: StoredTokens = {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    refreshExpiresAt: now + tokens.refreshExpiresIn * 1000,
  }
  Taro.setStorageSync(STORAGE_KEYS.tokens, stored)
  return stored
}

export function clearTokens(): void {
  Taro.removeStorageSync(STORAGE_KEYS.tokens)
}

// The session's tokens in Taro storage under one namespaced key, written and cleared as a whole.
import Taro from '@tarojs/taro'
import { type Tokens, z } from '@ysx/shared'

export const STORAGE_KEYS = {
  tokens: 'ysx.auth.tokens',
  loginState: 'ysx.auth.loginState',
} as const

const StoredTokensSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  /** When the refresh token goes idle (ms since epoch): past it, the session is gone without asking the BFF. */
  refreshExpiresAt: z.number(),
})
export type StoredTokens = z.infer<typeof StoredTokensSchema>

/** The stored tokens, or null when there are none, they are unreadable, or the refresh token has lapsed. */
export function readTokens(now = Date.now()): StoredTokens | null {
  const parsed = StoredTokensSchema.safeParse(Taro.getStorageSync<unknown>(STORAGE_KEYS.tokens))
  if (!parsed.success || parsed.data.refreshExpiresAt <= now) return null
  return parsed.data
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

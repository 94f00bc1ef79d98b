// Login, logout and the signed-in citizen's profile: the BFF's auth routes, with the tokens kept in the token store.
import Taro from '@tarojs/taro'
import { type AuthConfigSchema, authContracts, type Profile } from '@ysx/shared'
import type { z } from 'zod'
import { request } from './client'
import { clearTokens, readTokens, saveTokens, STORAGE_KEYS } from './token-store'

export type AuthConfig = z.infer<typeof AuthConfigSchema>

/** Where the H5 build sends a citizen to authorize with WeChat. */
export function config(): Promise<AuthConfig> {
  return request(authContracts.config)
}

/** Exchanges a one-time WeChat code for a session; the tokens are stored, the profile returned. */
export async function login(code: string): Promise<Profile> {
  const { profile, ...tokens } = await request(authContracts.login, { body: { code } })
  saveTokens(tokens)
  return profile
}

/** Ends the session at the BFF; the local tokens go whatever the BFF answers. */
export async function logout(): Promise<void> {
  try {
    if (hasSession()) await request(authContracts.logout)
  } finally {
    clearTokens()
  }
}

export function me(): Promise<Profile> {
  return request(authContracts.me)
}

/** The full ID number; needs a face verification in the last few minutes (else STEP_UP_REQUIRED). */
export async function revealIdNumber(): Promise<string> {
  return (await request(authContracts.revealIdNumber)).idNumber
}

/** True while tokens are stored: the BFF may still reject them, which the client turns into AUTH_REQUIRED. */
export function hasSession(): boolean {
  return readTokens() !== null
}

/** H5: a fresh random state for the authorize redirect, kept until the citizen comes back with it. */
export function newLoginState(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  const state = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  Taro.setStorageSync(STORAGE_KEYS.loginState, state)
  return state
}

/** H5: whether `state` is the one this browser sent; the kept state is single use either way. */
export function takeLoginState(state: string): boolean {
  const kept = Taro.getStorageSync<unknown>(STORAGE_KEYS.loginState)
  Taro.removeStorageSync(STORAGE_KEYS.loginState)
  return typeof kept === 'string' && kept.length > 0 && kept === state
}

/** H5: the WeChat authorize page's address for this app, coming back to `redirectUri`. */
export function authorizeUrl(cfg: AuthConfig, redirectUri: string, state: string): string {
  const query = Object.entries({ appid: cfg.appId, redirect_uri: redirectUri, state })
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&')
  return `${cfg.authorizeUrl}${cfg.authorizeUrl.includes('?') ? '&' : '?'}${query}`
}

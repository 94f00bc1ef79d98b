// Offline 核验 (亮证 and 粤康码): the shared credential checks against the issuer's keys cached on this device (the
// JWKS, fetched while online), so a verifier works with the network cut.
import Taro from '@tarojs/taro'
import { JwksSchema, type PublicJwk } from '@ysx/shared'
import { type CodeFailure, type CodeVerified, type IssuerKey } from '@ysx/shared/credential'
import { jwks } from './wallet'

export const JWKS_STORAGE = 'ysx.verify.jwks'

/** What an offline check can fail with: the shared checks' failures, or no keys on this device at all. */
export type OfflineFailure = CodeFailure['failure'] | 'keys_unavailable'
export type OfflineResult<T> = CodeVerified<T> | { ok: false; failure: OfflineFailure; reason: string }
/** One of the shared checks (verifyPresentation, verifyHealthCode) */
export type CodeCheck<T> = (
  text: string,
  o: { keys: readonly IssuerKey[]; nowMs: number },
) => CodeVerified<T> | CodeFailure

export function cachedKeys(): PublicJwk[] | null {
  const parsed = JwksSchema.safeParse(Taro.getStorageSync<unknown>(JWKS_STORAGE))
  return parsed.success ? parsed.data.keys : null
}

/** Fetches the JWKS and caches it; null when it cannot be reached (offline). */
export async function refreshKeys(): Promise<PublicJwk[] | null> {
  try {
    const fetched = await jwks()
    Taro.setStorageSync(JWKS_STORAGE, fetched)
    return fetched.keys
  } catch {
    return null
  }
}

/** A check with the cached keys; fetches them once first when none are cached or the code names a new kid. */
export async function verifyWithCachedKeys<T>(
  text: string,
  check: CodeCheck<T>,
  nowMs = Date.now(),
): Promise<OfflineResult<T>> {
  const cached = cachedKeys()
  const first = cached ? check(text, { keys: cached, nowMs }) : null
  if (first && (first.ok || first.reason !== 'unknown kid')) return first
  const fetched = await refreshKeys()
  if (!fetched) return first ?? { ok: false, failure: 'keys_unavailable', reason: 'no keys cached' }
  return check(text, { keys: fetched, nowMs })
}

// Credentials kept on the phone per card and profile, so 亮证 works offline until each one expires.
import Taro from '@tarojs/taro'
import { z } from '@ysx/shared/z'
import { CredentialIssuedSchema, type DisclosureProfile } from '@ysx/shared'
import type { CredentialIssued } from './wallet'

export const CREDENTIALS_STORAGE = 'ysx.wallet.credentials'
/** Renew a little before expiry, so a QR never carries a credential about to lapse. */
const MARGIN_MS = 120_000

const StoredSchema = z.record(z.string(), CredentialIssuedSchema)
const slot = (cardId: string, profile: DisclosureProfile) => `${cardId}:${profile}`

function readAll(): Record<string, CredentialIssued> {
  const parsed = StoredSchema.safeParse(Taro.getStorageSync<unknown>(CREDENTIALS_STORAGE))
  return parsed.success ? parsed.data : {}
}

/** The stored credential for a card and profile while it is still good; expired ones are dropped. */
export function storedCredential(
  cardId: string,
  profile: DisclosureProfile,
  now = Date.now(),
): CredentialIssued | null {
  const all = readAll()
  const live = Object.fromEntries(Object.entries(all).filter(([, c]) => Date.parse(c.expiresAt) - MARGIN_MS > now))
  if (Object.keys(live).length !== Object.keys(all).length) Taro.setStorageSync(CREDENTIALS_STORAGE, live)
  return live[slot(cardId, profile)] ?? null
}

export function keepCredential(cardId: string, issued: CredentialIssued): void {
  Taro.setStorageSync(CREDENTIALS_STORAGE, { ...readAll(), [slot(cardId, issued.profile)]: issued })
}

// 卡包, 亮证 and 核验 routes: one function per route.
import { type DisclosureProfile, keysContracts, presentationContracts, walletContracts } from '@ysx/shared'
import { request, type ResponseOf } from './client'
import type { DeviceKey } from './device-key'

export type WalletList = ResponseOf<typeof walletContracts.list>
export type WalletCardDetail = ResponseOf<typeof walletContracts.show>
export type WalletRevealed = ResponseOf<typeof walletContracts.reveal>
export type CredentialIssued = ResponseOf<typeof presentationContracts.issue>
export type OnlineVerification = ResponseOf<typeof presentationContracts.verify>
export type Jwks = ResponseOf<typeof keysContracts.jwks>
export type PresentationLog = ResponseOf<typeof presentationContracts.log>

export function list(): Promise<WalletList> {
  return request(walletContracts.list)
}

export function show(id: string): Promise<WalletCardDetail> {
  return request(walletContracts.show, { params: { id } })
}

/** The full card: needs a face verification in the last 5 minutes (STEP_UP_REQUIRED otherwise). */
export function reveal(id: string): Promise<WalletRevealed> {
  return request(walletContracts.reveal, { params: { id } })
}

/** A credential for one profile, bound to this device's public key (needs a recent face verification). */
export function issueCredential(
  id: string,
  profile: DisclosureProfile,
  key: DeviceKey['publicJwk'],
): Promise<CredentialIssued> {
  return request(presentationContracts.issue, { params: { id }, body: { profile, deviceKey: key } })
}

/** Every online verification of this card, newest first. */
export function presentations(id: string): Promise<PresentationLog> {
  return request(presentationContracts.log, { params: { id } })
}

export function verifyOnline(presentation: string): Promise<OnlineVerification> {
  return request(presentationContracts.verify, { body: { presentation } })
}

export function jwks(): Promise<Jwks> {
  return request(keysContracts.jwks)
}

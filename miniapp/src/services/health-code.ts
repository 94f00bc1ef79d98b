// 粤康码 routes: the code (colour, reasons, status credential), declarations, check-ins, appeals, 粤澳转码, entrance
// verification, venue codes and 代亲友 — one function per route.
import { type HealthDeclaration, healthCodeContracts } from '@ysx/shared'
import { base64urlToJson } from '@ysx/shared/credential'
import { request, requestUnlessMatch, type RequestInput, type ResponseOf } from './client'
import type { DeviceKey } from './device-key'

type C = typeof healthCodeContracts

/** Whose code: 'self', or a family member's id. */
export type Holder = string
export const SELF: Holder = 'self'

export type HealthCodeShown = ResponseOf<C['code']>
export type DeclarationAccepted = ResponseOf<C['declare']>
export type CheckInDone = ResponseOf<C['checkIn']>
export type CheckInList = ResponseOf<C['checkIns']>
export type CheckInRecord = CheckInList['checkIns'][number]
export type AppealFiled = ResponseOf<C['appeal']>
export type AppealList = ResponseOf<C['appeals']>
export type AppealInput = RequestInput<C['appeal']>['body']
export type Transfer = ResponseOf<C['transfer']>
export type HealthVerification = ResponseOf<C['verify']>
export type Venue = ResponseOf<C['registerVenue']>
export type VenueList = ResponseOf<C['venues']>
export type VenueInput = RequestInput<C['registerVenue']>['body']
export type VenuePreview = ResponseOf<C['previewVenue']>
export type FamilyList = ResponseOf<C['family']>
export type FamilyMember = FamilyList['members'][number]
export type FamilyInput = RequestInput<C['addFamily']>['body']
export type FamilyFaceChallenge = ResponseOf<C['familyFaceChallenge']>
export type FamilyRequestList = ResponseOf<C['familyRequests']>
export type FamilyRequest = FamilyRequestList['requests'][number]

/** The id of a status credential (its `c` claim, read from the payload; no signature checked): the BFF's ETag. */
export function credentialIdOf(credential: string): string | undefined {
  const c = base64urlToJson(credential.split('.')[1] ?? '')?.c
  return typeof c === 'string' ? c : undefined
}

/**
 * The code for a holder, with a status credential bound to this device's key (re-issued only when something changed).
 * A conditional display: with the code the phone `held` for this holder, the BFF answers 304 while its credential is
 * still current, and `held` is returned as it is.
 */
export async function show(
  holder: Holder,
  key: DeviceKey['publicJwk'],
  held?: HealthCodeShown,
): Promise<HealthCodeShown> {
  const id = held?.holder === holder ? credentialIdOf(held.credential) : undefined
  const query = { x: key.x, y: key.y }
  const code = await requestUnlessMatch(healthCodeContracts.code, { params: { holder }, query }, id && `"${id}"`)
  if (code) return code
  if (!held) throw new Error('304 without a held code') // unreachable: a 304 answers only a conditional request
  return held
}

export function declare(holder: Holder, declaration: HealthDeclaration): Promise<DeclarationAccepted> {
  return request(healthCodeContracts.declare, { params: { holder }, body: declaration })
}

export function checkIn(holder: Holder, venueCode: string): Promise<CheckInDone> {
  return request(healthCodeContracts.checkIn, { params: { holder }, body: { venueCode } })
}

export function checkIns(holder: Holder): Promise<CheckInList> {
  return request(healthCodeContracts.checkIns, { params: { holder } })
}

export function appeal(holder: Holder, input: AppealInput): Promise<AppealFiled> {
  return request(healthCodeContracts.appeal, { params: { holder }, body: input })
}

export function appeals(holder: Holder): Promise<AppealList> {
  return request(healthCodeContracts.appeals, { params: { holder } })
}

export function transfer(holder: Holder): Promise<Transfer> {
  return request(healthCodeContracts.transfer, { params: { holder }, body: { destination: 'macau', consent: true } })
}

/** Entrance verification (no login): the colour and when the QR was made, nothing about the person. */
export function verify(code: string): Promise<HealthVerification> {
  return request(healthCodeContracts.verify, { body: { code } })
}

export function registerVenue(input: VenueInput): Promise<Venue> {
  return request(healthCodeContracts.registerVenue, { body: input })
}

/** The venue a scanned code names (its name and area), for the citizen to confirm: no check-in is written. */
export function previewVenue(venueCode: string): Promise<VenuePreview> {
  return request(healthCodeContracts.previewVenue, { body: { venueCode } })
}

export function venues(): Promise<VenueList> {
  return request(healthCodeContracts.venues)
}

export function family(): Promise<FamilyList> {
  return request(healthCodeContracts.family)
}

export function addFamily(input: FamilyInput): Promise<FamilyMember> {
  return request(healthCodeContracts.addFamily, { body: input })
}

export function removeFamily(holder: Holder): Promise<null> {
  return request(healthCodeContracts.removeFamily, { params: { holder } })
}

/** Digits for the member to read aloud in the face check on this phone */
export function familyFaceChallenge(): Promise<FamilyFaceChallenge> {
  return request(healthCodeContracts.familyFaceChallenge)
}

/** The member's side: who asked to show my code, and whom I allowed */
export function familyRequests(): Promise<FamilyRequestList> {
  return request(healthCodeContracts.familyRequests)
}

export function acceptFamily(holder: Holder): Promise<FamilyRequest> {
  return request(healthCodeContracts.acceptFamily, { params: { holder } })
}

/** Declines a request, or withdraws a consent given */
export function withdrawFamily(holder: Holder): Promise<null> {
  return request(healthCodeContracts.withdrawFamily, { params: { holder } })
}

// What a holder does that the colour rules read: health and trip declarations, and check-ins at venues by scanning
// a venue code (场所码). A venue code is `YSXV1.<venue id>.<keyed MAC>`, so a code cannot be made up; the H5 link
// printed in the venue's QR (…?v=<code>) is accepted as well. Each write is followed by a fresh evaluation.
// A venue is registered only by the legal representative of a business 市场监管 confirms (its 营业执照's 统一社会
// 信用代码), at most VENUES_PER_BUSINESS per business, in a division picked by its GB/T 2260 code: a venue code
// cannot be printed for a place in someone else's name or a made-up area to turn the codes of strangers yellow.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { z } from '@ysx/shared/z'
import {
  type CheckInSchema,
  chinaDate,
  endOfChinaDay,
  type HealthDeclaration,
  divisionName,
  type HealthStatus,
  type Locale,
  shichangContracts,
  type VenuePreviewSchema,
  type VenueSchema,
} from '@ysx/shared'
import type { HealthCodeRepository, VenueRow } from './health-code-repository'
import type { DataUseService } from '../data-use'
import { AppError } from '../platform/app-error'
import type { ShichangClient } from '../platform/departments'
import type { FieldCipher } from '../platform/field-cipher'
import type { ProfileService } from '../identity'
import type { Holder } from './holders-service'
import type { HealthStatusService } from './status-service'

const TRIP_LOOKBACK_DAYS = 30
const DAY_MS = 86_400_000
const CHECK_IN_LIST_DAYS = 14
const CODE = /^YSXV1\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/
/** Venue codes one business (one 营业执照) may hold */
export const VENUES_PER_BUSINESS = 20
const REPRESENTATIVE_KIND = shichangContracts.representative.summary

type Venue = z.infer<typeof VenueSchema>
type VenuePreview = z.infer<typeof VenuePreviewSchema>
export interface VenueInput {
  creditCode: string
  name: string
  areaCode: string
  address: string
}
type CheckIn = z.infer<typeof CheckInSchema>

export interface ActivityService {
  declare(
    holder: Holder,
    input: HealthDeclaration,
    locale: Locale,
  ): Promise<{ declarationId: string; declaredAt: string; status: HealthStatus }>
  registerVenue(userId: string, input: VenueInput): Promise<Venue>
  venues(userId: string): Promise<Venue[]>
  /** The venue a scanned code names (name and area), for the citizen to confirm before checking in: writes nothing */
  previewVenue(venueCode: string): Promise<VenuePreview>
  checkIn(holder: Holder, venueCode: string, locale: Locale): Promise<{ checkIn: CheckIn; status: HealthStatus }>
  checkIns(holder: Holder): Promise<CheckIn[]>
}

export function createActivityService(d: {
  repo: HealthCodeRepository
  status: HealthStatusService
  profiles: ProfileService
  cipher: FieldCipher
  dataUse: DataUseService
  businesses: ShichangClient
  now: () => Date
}): ActivityService {
  const mac = (venueId: string) => d.cipher.lookupHash(`venue-code:${venueId}`).slice(0, 22)
  const codeOf = (id: string) => `YSXV1.${id}.${mac(id)}`
  const areaName = (code: string) => divisionName(code) ?? code
  const toVenue = (v: VenueRow): Venue => ({
    venueId: v.id,
    name: v.name,
    areaCode: v.areaCode,
    area: areaName(v.areaCode),
    address: v.address,
    code: codeOf(v.id),
    createdAt: v.createdAt.toISOString(),
  })

  /** The venue a scanned text names, or VENUE_CODE_INVALID. */
  async function venueFor(text: string): Promise<VenueRow> {
    let code = text.trim()
    const inLink = /[?&]v=([^&#]+)/.exec(code)
    if (inLink) {
      try {
        code = decodeURIComponent(inLink[1]!)
      } catch {
        throw new AppError('VENUE_CODE_INVALID', 'malformed link') // a broken %-escape is a bad code, not a server error
      }
    }
    const m = CODE.exec(code)
    if (!m || !timingSafeEqual(Buffer.from(m[2]!), Buffer.from(mac(m[1]!)))) throw new AppError('VENUE_CODE_INVALID')
    const venue = await d.repo.venue(m[1]!)
    if (!venue) throw new AppError('VENUE_CODE_INVALID', 'venue gone')
    return venue
  }

  return {
    async declare(holder, input, locale) {
      const at = d.now()
      let effectiveAt = at
      if (input.kind === 'trip') {
        const today = chinaDate(at.getTime())
        const earliest = chinaDate(at.getTime() - TRIP_LOOKBACK_DAYS * DAY_MS)
        if (input.returnedOn > today || input.departedOn < earliest) throw new AppError('DECLARATION_DATES_INVALID')
        // A trip counts from the end of its last day (China time), or from now when that is still today.
        effectiveAt = new Date(Math.min(at.getTime(), endOfChinaDay(input.returnedOn)))
      }
      const { kind, ...payload } = input
      const id = randomBytes(16).toString('base64url')
      await holder.subject() // a real-name holder, before anything is written
      await d.repo.addDeclaration({
        id,
        holder: holder.key,
        kind,
        payload: JSON.stringify(payload),
        declaredAt: at,
        effectiveAt,
        voidedAt: null,
      })
      const { status } = await d.status.reevaluate(holder, locale)
      return { declarationId: id, declaredAt: at.toISOString(), status }
    },

    async registerVenue(userId, input) {
      const subject = await d.profiles.subject(userId) // real-name citizens only
      // 市场监管 confirms the citizen is the business's registered legal representative; recorded for the citizen.
      const why = { purpose: '场所码申领：核验营业执照法定代表人' }
      const call = { userId, department: 'shichang' as const, dataKind: REPRESENTATIVE_KIND, why }
      const check = await d.dataUse.track(call, () =>
        d.businesses.representative({ idNumber: subject.idNumber, creditCode: input.creditCode }, why),
      )
      if (!check?.representative) throw new AppError('VENUE_NOT_REPRESENTATIVE')
      if (check.licenceStatus !== 'valid') throw new AppError('VENUE_LICENCE_NOT_VALID')
      const row: VenueRow = { id: randomBytes(16).toString('base64url'), ownerId: userId, ...input, createdAt: d.now() }
      if (!(await d.repo.addVenueWithin(row, VENUES_PER_BUSINESS))) throw new AppError('VENUE_LIMIT_REACHED')
      return toVenue(row)
    },

    async venues(userId) {
      await d.profiles.subject(userId)
      return (await d.repo.venuesOf(userId)).map(toVenue)
    },

    async previewVenue(venueCode) {
      const venue = await venueFor(venueCode)
      return { name: venue.name, areaCode: venue.areaCode, area: areaName(venue.areaCode) }
    },

    async checkIn(holder, venueCode, locale) {
      const venue = await venueFor(venueCode)
      await holder.subject()
      const at = d.now()
      const id = randomBytes(16).toString('base64url')
      await d.repo.addCheckIn({ id, holder: holder.key, venueId: venue.id, at, voidedAt: null })
      const { status } = await d.status.reevaluate(holder, locale)
      const checkIn = {
        checkInId: id,
        venueName: venue.name,
        areaCode: venue.areaCode,
        area: areaName(venue.areaCode),
        at: at.toISOString(),
      }
      return { checkIn, status }
    },

    async checkIns(holder) {
      await holder.subject()
      const since = new Date(d.now().getTime() - CHECK_IN_LIST_DAYS * DAY_MS)
      return (await d.repo.checkInsSince(holder.key, since)).map((c) => ({
        checkInId: c.id,
        venueName: c.venueName,
        areaCode: c.areaCode,
        area: areaName(c.areaCode),
        at: c.at.toISOString(),
      }))
    },
  }
}

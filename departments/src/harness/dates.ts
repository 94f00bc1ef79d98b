// Calendar arithmetic for the synthetic data, on ISO dates (YYYY-MM-DD), and the seed's reference date ("today").
import { mix } from './population'

// Integer civil-date conversions (H. Hinnant's algorithms): several times faster than going through Date, which
// matters when a 1 M-citizen seed computes tens of millions of dates.
const pad = (n: number, width = 2) => String(n).padStart(width, '0')

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const m = mp < 10 ? mp + 3 : mp - 9
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, doy - Math.floor((153 * mp + 2) / 5) + 1]
}

const daysInMonth = (y: number, m: number) =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31

/** Days since 1970-01-01 for an ISO date. */
export const dayOf = (iso: string): number =>
  daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)))
/** The ISO date of a day number. */
export function isoOf(day: number): string {
  const [y, m, d] = civilFromDays(day)
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`
}
export const addDays = (iso: string, days: number): string => isoOf(dayOf(iso) + days)

/** The same calendar day `n` months later (clamped to the month's last day). */
export function addMonths(iso: string, n: number): string {
  const total = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + n
  const y = Math.floor(total / 12)
  const m = (total % 12) + 1
  return `${pad(y, 4)}-${pad(m)}-${pad(Math.min(Number(iso.slice(8, 10)), daysInMonth(y, m)))}`
}
export const addYears = (iso: string, n: number): string => addMonths(iso, n * 12)

/** Whole years of age on a date. */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4))
  return on.slice(5) >= birthDate.slice(5) ? years : years - 1
}

/** The month (YYYY-MM) `n` months before the month of `iso`. */
export const monthBefore = (iso: string, n: number): string => addMonths(`${iso.slice(0, 7)}-01`, -n).slice(0, 7)

/** An ISO date and time in Beijing time for a day and a minute of that day. */
export const dateTimeOf = (iso: string, minute: number): string =>
  `${iso}T${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+08:00`

export const maxDate = (a: string, b: string): string => (a > b ? a : b)
export const minDate = (a: string, b: string): string => (a < b ? a : b)

/**
 * The synthetic world's "today": fixed by the seed (never the clock), so the data — and which certificates have
 * expired — is the same on every run. A seed that reads as a date from 2025 to 2099 (20261123) is that date;
 * any other seed picks a day in the year from 2025-07-01.
 */
export function referenceDate(seed: number): string {
  const s = String(seed)
  const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`
  const isDate =
    /^20(2[5-9]|[3-9]\d)\d{4}$/.test(s) && !Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) && isoOf(dayOf(iso)) === iso
  return isDate ? iso : addDays('2025-07-01', mix(seed, 0x7e7) % 365)
}

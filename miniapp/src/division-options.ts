// The area picker's options (components/division-picker.tsx), from the GB/T 2260 divisions in @ysx/shared: first a
// Guangdong city (for a trip, or a province outside Guangdong), then its districts or counties. 东莞市 and 中山市 have
// no districts: the city is the place. For a trip, 全市 picks the whole city.
import { GUANGDONG_CITIES, OTHER_PROVINCES } from '@ysx/shared'

/** A venue is in a district (or a city without districts); a trip may go to a whole city or another province. */
export type DivisionScope = 'venue' | 'trip'
export interface DivisionOption {
  code: string
  name: string
}

const CITIES: DivisionOption[] = Object.entries(GUANGDONG_CITIES).map(([code, c]) => ({ code, name: c.name }))
const PROVINCES: DivisionOption[] = Object.entries(OTHER_PROVINCES).map(([code, name]) => ({ code, name }))

/** The first column: Guangdong's 21 cities, and for a trip the other provinces after them. */
export const firstLevel = (scope: DivisionScope): DivisionOption[] =>
  scope === 'trip' ? [...CITIES, ...PROVINCES] : CITIES

/**
 * The second column for a first-level pick: the city's districts (for a trip after 全市, the city itself); empty
 * when the first pick is already the place (a city without districts, a province).
 */
export function secondLevel(first: string, scope: DivisionScope, wholeCity: string): DivisionOption[] {
  const city = GUANGDONG_CITIES[first]
  if (!city) return []
  const districts = Object.entries(city.divisions).map(([code, name]) => ({ code, name }))
  if (districts.length === 0) return []
  return scope === 'trip' ? [{ code: first, name: wholeCity }, ...districts] : districts
}

/** The first-level division a picked code lies in ('' for none). */
export function firstOf(code: string, scope: DivisionScope): string {
  if (!/^\d{6}$/.test(code)) return ''
  const own = firstLevel(scope).find((o) => o.code === code)
  if (own) return own.code
  return CITIES.find((c) => code.startsWith(c.code.slice(0, 4)))?.code ?? ''
}

/** The code a first-level pick stands for by itself: a place without districts, else none yet. */
export const placeOf = (first: string, scope: DivisionScope): string =>
  secondLevel(first, scope, '').length === 0 ? first : ''

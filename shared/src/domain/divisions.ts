// Administrative divisions (GB/T 2260, 中华人民共和国行政区划代码): Guangdong's 21 prefecture-level cities with their
// districts, counties and county-level cities, and the other provincial-level divisions as wholes (trips outside
// Guangdong are declared by province). Six-digit codes; a code's prefix names every division inside it: 440100 广州市
// holds 4401xx, 440000 广东省 holds 44xxxx. 东莞市 and 中山市 have no districts (不设区的地级市): the city is the leaf.
// Names are the official ones (zh-CN); a place a citizen picks is always one of these codes, never typed text.
import { z } from '../z'

import { GUANGDONG, GUANGDONG_CITIES, OTHER_PROVINCES } from './division-names'

export { GUANGDONG, GUANGDONG_CITIES, OTHER_PROVINCES }

const CITY_OF = new Map<string, string>()
for (const [city, c] of Object.entries(GUANGDONG_CITIES)) {
  CITY_OF.set(city, city)
  for (const code of Object.keys(c.divisions)) CITY_OF.set(code, city)
}

/** Every code listed here: Guangdong, its cities and their divisions, and the other provinces. */
export const isDivisionCode = (code: string): boolean =>
  code === GUANGDONG || CITY_OF.has(code) || Object.hasOwn(OTHER_PROVINCES, code)

/**
 * A place precise enough for a venue: a district, county or county-level city of Guangdong, or a city without
 * districts (东莞市, 中山市). A city that has districts is not a place a venue is in.
 */
export const isVenueAreaCode = (code: string): boolean => {
  const city = CITY_OF.get(code)
  if (city === undefined) return false
  return city !== code || Object.keys(GUANGDONG_CITIES[city]!.divisions).length === 0
}

/** The full name of a division: 广州市荔湾区, 东莞市, 广东省, 北京市; undefined for a code not listed. */
export function divisionName(code: string): string | undefined {
  if (code === GUANGDONG) return '广东省'
  // Own entries only: `in` would also find toString, constructor and __proto__ on the table's prototype.
  if (Object.hasOwn(OTHER_PROVINCES, code)) return OTHER_PROVINCES[code]
  const city = CITY_OF.get(code)
  if (city === undefined) return undefined
  const c = GUANGDONG_CITIES[city]!
  return city === code ? c.name : `${c.name}${c.divisions[code]!}`
}

/** The code's prefix that names every division inside it: 440100 → 4401, 440000 → 44, 440103 → 440103. */
export const divisionPrefix = (code: string): string => code.replace(/(00)+$/, '')

/**
 * Whether the place `code` lies within the flagged division `area`: the flagged code's prefix starts the place's
 * code. A city-level flag (440100) covers its districts (440103); a district (440104) covers only itself, never a
 * sibling (440103) nor its city as a whole (440100).
 */
export const withinDivision = (code: string, area: string): boolean =>
  isDivisionCode(code) && isDivisionCode(area) && code.startsWith(divisionPrefix(area))

export const DivisionCodeSchema = z
  .string()
  .regex(/^\d{6}$/, { message: '请选择行政区划（6 位代码）' })
  .refine(isDivisionCode, { message: '不是已知的行政区划代码' })
  .describe('行政区划代码（GB/T 2260，6 位，如 440103 广州市荔湾区）')

export const VenueAreaCodeSchema = z
  .string()
  .regex(/^\d{6}$/, { message: '请选择场所所在的区县' })
  .refine(isVenueAreaCode, { message: '请选择广东省内的区县（东莞市、中山市选城市本身）' })
  .describe('场所所在区县的行政区划代码（GB/T 2260，6 位；东莞市 441900、中山市 442000 不设区）')

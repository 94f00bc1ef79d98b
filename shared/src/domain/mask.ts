// The masking policy (脱敏规则): ONE rule per kind of personal field, used by every masked reply (卡包 list and card,
// /v1/me, 亲友, 核验). A value of a kind is masked the same way wherever it appears, so masked copies of it never
// combine into more than one copy shows; anything a kind's rule hides is only shown by a step-up reveal.
//
// | kind             | keeps                                              | example                          |
// |------------------|----------------------------------------------------|----------------------------------|
// | idNumber         | first 3 + last 4 (positions 1–3, 15–18)            | 440***********123X               |
// | name             | the last character                                 | *三, ***华                       |
// | phone            | first 3 + last 4                                   | 138****5678                      |
// | address          | up to the city (省 + 市); the rest is ****           | 广东省广州市****                 |
// | birthDate        | nothing (a masked view leaves the field out)       | **********                       |
// | plate            | province + city letter + last 2                    | 粤A·***45                        |
// | vin              | last 4                                             | *************2345                |
// | cardNumber       | last 4 (社保卡号, 公积金账号 and other account numbers) | *****5678                        |
// | documentNumber   | first 2 + last 4, never more than half of it       | GJ**********0052, *****0008      |
//
// Why these: GB/T 35273-2020 §7.2 asks for de-identified display but sets no digit rule. The ID number's positions
// 7–14 are the birth date (GB 11643) and 4–6 the district: both stay hidden, and as the 18th character is a check
// over the first 17, a rule must hide at least two positions of any value (a single hidden digit is computable).
// Addresses, and issuing authorities that name a place, stop at the city: a city names at most ID positions 3–4
// (for cities without districts, 东莞 and 中山, 5–6 as well), never the birth date. A value too short for its rule
// to hide two characters (one, for a name) is all stars.
export type FieldKind =
  'idNumber' | 'name' | 'phone' | 'address' | 'birthDate' | 'plate' | 'vin' | 'cardNumber' | 'documentNumber'

interface EndsRule {
  /** characters kept at the start */
  keepStart: number
  /** characters kept at the end */
  keepEnd: number
  /** at most this share of the characters is kept (the start gives way first) */
  maxShown?: number
  /** a value that would hide fewer characters than this is all stars (2 unless said) */
  minHidden?: number
}

/** The policy: which characters of each kind a masked view keeps. */
export const MASKING_POLICY = {
  idNumber: { keepStart: 3, keepEnd: 4 },
  name: { keepStart: 0, keepEnd: 1, minHidden: 1 },
  phone: { keepStart: 3, keepEnd: 4 },
  plate: { keepStart: 3, keepEnd: 2 },
  vin: { keepStart: 0, keepEnd: 4 },
  cardNumber: { keepStart: 0, keepEnd: 4, maxShown: 0.5 },
  documentNumber: { keepStart: 2, keepEnd: 4, maxShown: 0.5 },
  address: { level: 'city' },
  birthDate: { keepStart: 0, keepEnd: 0 },
} as const satisfies Record<FieldKind, EndsRule | { level: 'city' }>

/** `keepStart` and `keepEnd` characters stay; the rest become `*`. Too short to keep both ends: all stars. */
export function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const chars = [...value]
  if (chars.length <= keepStart + keepEnd) return '*'.repeat(chars.length)
  return `${chars.slice(0, keepStart).join('')}${'*'.repeat(chars.length - keepStart - keepEnd)}${chars.slice(chars.length - keepEnd).join('')}`
}

/** The positions (0-based) a kind's rule keeps of a value `length` characters long; every other one is a `*`. */
export function keptPositions(kind: Exclude<FieldKind, 'address'>, length: number): number[] {
  const rule: EndsRule = MASKING_POLICY[kind]
  if (length - rule.keepStart - rule.keepEnd < (rule.minHidden ?? 2)) return []
  let start = rule.keepStart
  let end = rule.keepEnd
  const cap = rule.maxShown === undefined ? length : Math.floor(length * rule.maxShown)
  while (start + end > cap) {
    if (start > 0) start -= 1
    else end -= 1
  }
  return [...Array.from({ length: start }, (_, i) => i), ...Array.from({ length: end }, (_, i) => length - end + i)]
}

// Province (省/自治区) then city (市/自治州/地区/盟); a place with neither keeps nothing.
const TO_CITY = /^(?:[^省市]{2,7}?(?:省|自治区))?[^省市区县]{1,7}?(?:市|自治州|地区|盟)/u

/** An address, or an authority named after a place, to the city: 广东省广州市天河区… → 广东省广州市****. */
export function maskAddress(value: string): string {
  const city = TO_CITY.exec(value)?.[0] ?? ''
  return value.length > city.length ? `${city}****` : value
}

/** A value masked by its kind's rule. Idempotent, so an already-masked copy may be masked again. */
export function maskAs(kind: FieldKind, value: string): string {
  if (kind === 'address') return maskAddress(value)
  const chars = [...value]
  const kept = new Set(keptPositions(kind, chars.length))
  return chars.map((ch, i) => (kept.has(i) ? ch : '*')).join('')
}

/** Certificate and document numbers (证照编号, 户号, 档案编号, 统一社会信用代码…): the documentNumber rule. */
export const maskCertificateNumber = (value: string) => maskAs('documentNumber', value)

// 公民身份号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence, ISO 7064 MOD 11-2 check.
import { maskAs } from './mask'
import { checkedString, maskedString } from './string-schemas'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const CHECK_CHARS = '10X98765432'

/** The check character for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!
  return CHECK_CHARS[sum % 11]!
}

function isRealDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4))
  const m = Number(yyyymmdd.slice(4, 6))
  const d = Number(yyyymmdd.slice(6, 8))
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** True for an 18-character number with a real birth date and a correct check character. */
export function isValidIdNumber(value: string): boolean {
  if (!/^[1-9]\d{16}[\dX]$/.test(value)) return false
  if (!isRealDate(value.slice(6, 14))) return false
  return idNumberCheckChar(value.slice(0, 17)) === value[17]
}

/** Builds a valid number from region, birth date (YYYYMMDD) and sequence (odd for men, even for women). */
export function makeIdNumber(region: string, birthDate: string, sequence: number): string {
  const first17 = `${region}${birthDate}${String(sequence).padStart(3, '0')}`
  return first17 + idNumberCheckChar(first17)
}

/** Masked form, by the policy's idNumber rule (./mask): first 3 and last 4 stay; the district and birth date never. */
export function maskIdNumber(value: string): string {
  return maskAs('idNumber', value)
}

export const IdNumberSchema = checkedString(isValidIdNumber, '身份证号码格式或校验位不正确', {
  upperCase: true,
}).describe('18 位公民身份号码（GB 11643，含校验位）')

export const MaskedIdNumberSchema = maskedString(/^\d{3}\*{11}\d{3}[\dX]$/, '脱敏后的身份证号码：前 3 位与后 4 位')

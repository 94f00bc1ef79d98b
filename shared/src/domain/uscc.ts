// 统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character over a 31-character alphabet.
import { checkedString } from './string-schemas'

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const

/** The GB 32100 check character for the first 17 characters. */
export function usccCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i += 1) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!
  return ALPHABET[(31 - (sum % 31)) % 31]!
}

/** GB 11714 values a digit as itself and a letter A–Z as 10–35 (every letter: not GB 32100's 31-character order). */
const ORG_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'

/** The GB 11714 check character of an 8-character organisation code body (the code's 9th character). */
export function orgCodeCheckChar(body8: string): string {
  let sum = 0
  for (let i = 0; i < 8; i += 1) sum += ORG_CHARS.indexOf(body8[i]!) * ORG_WEIGHTS[i]!
  const c = 11 - (sum % 11)
  return c === 10 ? 'X' : c === 11 ? '0' : String(c)
}

/** True for 18 characters of the GB 32100 alphabet whose last is the right check character. */
export function isValidUscc(value: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value) && usccCheckChar(value.slice(0, 17)) === value[17]
}

/** Builds a code from the authority and entity-type characters, the 6-digit region and an 8-character body. */
export function makeUscc(authorityAndType: string, region: string, orgBody8: string): string {
  const first17 = `${authorityAndType}${region}${orgBody8}${orgCodeCheckChar(orgBody8)}`
  return first17 + usccCheckChar(first17)
}

export const UsccSchema = checkedString(isValidUscc, '统一社会信用代码格式或校验位不正确', {
  upperCase: true,
}).describe('18 位统一社会信用代码（GB 32100，含校验码）')

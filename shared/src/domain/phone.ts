// Mainland mobile numbers (11 digits, 1[3-9]…) and their masked form.
import { maskAs } from './mask'
import { checkedString, maskedString } from './string-schemas'

export function isValidPhone(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value)
}

/** Masked form: 138****5678 (first 3 and last 4 digits). */
export function maskPhone(value: string): string {
  return maskAs('phone', value)
}

export const PhoneSchema = checkedString(isValidPhone, '手机号码应为 11 位大陆手机号').describe('11 位大陆手机号码')

export const MaskedPhoneSchema = maskedString(/^1\d{2}\*{4}\d{4}$/, '脱敏后的手机号码，如 138****5678')

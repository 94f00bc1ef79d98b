// Scrubs personal identifiers out of free text (log lines): ID numbers and mobile numbers become masked forms.
import { maskIdNumber } from './id-number'
import { maskPhone } from './phone'

// Candidates are found by shape; ID-shaped runs are masked whether or not the check digit holds,
// because a mistyped ID number is still personal data.
const ID_LIKE = /(?<![0-9])[1-9]\d{16}[\dXx](?![0-9])/g
const PHONE_LIKE = /(?<![0-9])1[3-9]\d{9}(?![0-9])/g

export function scrubText(text: string): string {
  if (text.length < 11) return text
  return text.replace(ID_LIKE, (m) => maskIdNumber(m.toUpperCase())).replace(PHONE_LIKE, maskPhone)
}

// The two schema shapes of the personal identifiers (names, phone and ID numbers, credit codes): the value as typed,
// normalised and checked, and its masked form.
import { z } from '../z'

/** A typed-in value: trimmed (and upper-cased, for codes with a letter), then checked; `message` tells the citizen. */
export function checkedString(isValid: (value: string) => boolean, message: string, { upperCase = false } = {}) {
  const trimmed = z.string().trim()
  return (upperCase ? trimmed.toUpperCase() : trimmed).refine(isValid, { message })
}

/** A masked value as the API returns it: only its starred pattern is checked. */
export const maskedString = (pattern: RegExp, description: string) => z.string().regex(pattern).describe(description)

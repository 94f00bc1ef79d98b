// 身份证号 (GB 11643): check digit, real birth dates, every single-digit mutation rejected, and the masked form.
import fc from 'fast-check'
import { IdNumberSchema, idNumberCheckChar, isValidIdNumber, makeIdNumber, maskIdNumber } from '../src'

const region = fc.constantFrom('440103', '440305', '441900', '110101', '310104')
const birth = fc
  .date({ min: new Date('1900-01-01'), max: new Date('2025-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''))
const validId = fc.tuple(region, birth, fc.integer({ min: 0, max: 999 })).map(([r, b, s]) => makeIdNumber(r, b, s))

test('published example numbers validate (check digits X and 0–9)', () => {
  expect(idNumberCheckChar('44010619900307116')).toBe('X')
  expect(idNumberCheckChar('44010619900307123')).toBe('1')
  expect(isValidIdNumber('44010619900307116X')).toBe(true)
  expect(isValidIdNumber('11010519491231002X')).toBe(true)
})

test('every generated number with a correct check digit is accepted', () => {
  fc.assert(fc.property(validId, (id) => isValidIdNumber(id)))
})

test('every single-character mutation of a valid number is rejected', () => {
  fc.assert(
    fc.property(validId, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'0123456789X'), (id, pos, ch) => {
      fc.pre(id[pos] !== ch)
      const mutated = id.slice(0, pos) + ch + id.slice(pos + 1)
      return !isValidIdNumber(mutated)
    }),
    { numRuns: 5000 },
  )
})

test.each([
  ['an impossible date (Feb 30)', makeIdNumber('440103', '19900230', 12).slice(0, 17)],
  ['17 digits', '44010619900307123'],
  ['19 characters', '44010619900307123X1'],
  ['letters inside', '4401061990030712AX'],
  ['a leading zero', '04010619900307123X'],
])('rejects %s', (_what, value) => {
  expect(isValidIdNumber(value)).toBe(false)
})

test('the schema accepts a lower-case x and normalises it to X', () => {
  expect(IdNumberSchema.parse(' 44010619900307116x ')).toBe('44010619900307116X')
})

test('the masked form keeps the first 3 and last 4 characters and hides the birth date', () => {
  fc.assert(
    fc.property(validId, (id) => {
      const masked = maskIdNumber(id)
      return (
        masked.length === 18 &&
        masked.startsWith(id.slice(0, 3)) &&
        masked.endsWith(id.slice(-4)) &&
        !masked.includes(id.slice(6, 14))
      )
    }),
  )
})

// 身份证号 (GB 11643-1999): the check character against the standard's own examples and an independent ISO 7064
// MOD 11-2 written here, real birth dates, every single-character mutation rejected, and the masked form.
import fc from 'fast-check'
import { IdNumberSchema, idNumberCheckChar, isValidIdNumber, makeIdNumber, maskIdNumber } from '../src'

const SEED = 20261202

/**
 * ISO 7064 MOD 11-2 as the standard states it, not as the code tabulates it: the weight of position i (1-based from
 * the left, of 18) is 2^(18−i) mod 11, and the check value a1 satisfies (Σ aᵢ·Wᵢ) ≡ 1 (mod 11); 10 is written X.
 */
function mod11_2(first17: string): string {
  let sum = 0n
  for (let i = 0; i < 17; i += 1) sum += BigInt(first17.charCodeAt(i) - 48) * (2n ** BigInt(17 - i) % 11n)
  const a1 = Number((12n - (sum % 11n)) % 11n)
  return a1 === 10 ? 'X' : String(a1)
}

const region = fc.constantFrom('440103', '440305', '441900', '110101', '310104')
const birth = fc
  .date({ min: new Date('1900-01-01'), max: new Date('2025-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''))
const validId = fc.tuple(region, birth, fc.integer({ min: 0, max: 999 })).map(([r, b, s]) => makeIdNumber(r, b, s))

test.each([
  ['GB 11643-1999’s example of 北京市朝阳区, 1949-12-31 (check X)', '11010519491231002', 'X'],
  ['GB 11643-1999’s example of 广东省汕头市潮阳县, 1880-01-01 (check 4)', '44052418800101001', '4'],
])('the check character of %s', (_what, first17, check) => {
  expect(idNumberCheckChar(first17)).toBe(check)
  expect(mod11_2(first17)).toBe(check)
})

test('the standard’s 1949 example validates; its 1880 one is refused only for the birth year (before 1900)', () => {
  expect(isValidIdNumber('11010519491231002X')).toBe(true)
  expect(isValidIdNumber('440524188001010014')).toBe(false)
  expect(isValidIdNumber('440524190001010014'.slice(0, 17) + mod11_2('44052419000101001'))).toBe(true)
})

test('the check character equals an independent MOD 11-2 for every 17 digits, each of the 11 values reached', () => {
  const seen = new Set<string>()
  fc.assert(
    fc.property(fc.stringMatching(/^\d{17}$/), (first17) => {
      const check = idNumberCheckChar(first17)
      seen.add(check)
      expect(check).toBe(mod11_2(first17))
    }),
    { seed: SEED, numRuns: 2000 },
  )
  expect([...seen].sort()).toEqual([...'0123456789X'].sort())
})

test('every generated number is accepted and ends in the independent check character', () => {
  fc.assert(
    fc.property(validId, (id) => {
      expect(id).toMatch(/^[1-9]\d{16}[\dX]$/)
      expect(id[17]).toBe(mod11_2(id.slice(0, 17)))
      expect(isValidIdNumber(id)).toBe(true)
    }),
    { seed: SEED },
  )
})

test('makeIdNumber lays out region, birth date and a zero-padded sequence', () => {
  expect(makeIdNumber('440103', '19900307', 12)).toBe(`44010319900307012${mod11_2('44010319900307012')}`)
  expect(makeIdNumber('110105', '19491231', 2)).toBe('11010519491231002X')
})

test('every single-character mutation of a valid number is rejected', () => {
  fc.assert(
    fc.property(validId, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'0123456789X'), (id, pos, ch) => {
      fc.pre(id[pos] !== ch)
      const mutated = id.slice(0, pos) + ch + id.slice(pos + 1)
      expect(isValidIdNumber(mutated)).toBe(false)
    }),
    { seed: SEED, numRuns: 5000 },
  )
})

// Each with the right check character, so only the named defect can refuse it.
const withCheck = (first17: string) => first17 + mod11_2(first17)
test.each([
  ['an impossible date (Feb 30)', withCheck('44010319900230012')],
  ['Feb 29 of a year that is not leap (1900)', withCheck('44010319000229012')],
  ['month 00', withCheck('44010319900007012')],
  ['month 13', withCheck('44010319901307012')],
  ['day 00', withCheck('44010319900300012')],
  ['day 32', withCheck('44010319900332012')],
  ['April 31', withCheck('44010319900431012')],
  ['a birth year before 1900 (1899-12-31)', withCheck('44010318991231012')],
  ['17 digits', '44010619900307123'],
  ['19 characters', '44010619900307123X1'],
  ['letters inside', '4401061990030712AX'],
  ['a leading zero', withCheck('04010619900307123')],
  ['a lower-case x (the schema upper-cases it, the check does not)', '11010519491231002x'],
  ['a space before it', ' 11010519491231002X'],
])('rejects %s', (_what, value) => {
  expect(isValidIdNumber(value)).toBe(false)
})

test.each([
  ['Feb 29 of a leap year (2000)', withCheck('44010320000229012')],
  ['Dec 31', withCheck('44010319991231012')],
  ['Jan 1 1900, the earliest birth date taken', withCheck('44010319000101012')],
])('accepts %s', (_what, value) => {
  expect(isValidIdNumber(value)).toBe(true)
})

test('the schema trims, upper-cases a lower-case x to X, and refuses a wrong check character with its message', () => {
  expect(IdNumberSchema.parse(' 11010519491231002x ')).toBe('11010519491231002X')
  const refused = IdNumberSchema.safeParse('110105194912310021')
  expect(refused.success).toBe(false)
  expect(refused.error?.issues.map((i) => i.message)).toEqual(['身份证号码格式或校验位不正确'])
})

test('the masked form keeps the first 3 and last 4 characters and hides the district and the birth date', () => {
  expect(maskIdNumber('11010519491231002X')).toBe('110***********002X')
  fc.assert(
    fc.property(validId, (id) => {
      expect(maskIdNumber(id)).toBe(`${id.slice(0, 3)}${'*'.repeat(11)}${id.slice(14)}`)
    }),
    { seed: SEED },
  )
})

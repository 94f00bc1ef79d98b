// 统一社会信用代码 (GB 32100-2015) and the organisation code inside it (GB 11714-1997): the check characters of real
// published codes, and of every code against the two standards' rules written out here independently.
import fc from 'fast-check'
import { isValidUscc, makeUscc, orgCodeCheckChar, usccCheckChar, UsccSchema } from '../src'

const SEED = 20261202
/** GB 32100's 31 characters (no I, O, S, V, Z), valued 0–30 in this order. */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'

/** GB 32100 §4: C18 = 31 − (Σ Cᵢ·Wᵢ mod 31), Wᵢ = 3^(i−1) mod 31; 31 is written 0. */
function gb32100(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i += 1) sum += USCC_CHARS.indexOf(first17[i]!) * Number(3n ** BigInt(i) % 31n)
  return USCC_CHARS[(31 - (sum % 31)) % 31]!
}

/** GB 11714 §5: C9 = 11 − (Σ Cᵢ·Wᵢ mod 11), W = 3 7 9 10 5 8 4 2, a digit its value, a letter A–Z 10–35; 10 is X, 11 is 0. */
function gb11714(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2]
  const value = (c: string) => (c >= '0' && c <= '9' ? Number(c) : c.charCodeAt(0) - 55)
  const c9 = 11 - ([...body8].reduce((s, c, i) => s + value(c) * weights[i]!, 0) % 11)
  return c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9)
}

test.each(['9144030071526726XG', '914403001922038216', '91110000802100433B', '91350100M000100Y43'])(
  'the published code %s passes, and each other check character fails',
  (code) => {
    expect(isValidUscc(code)).toBe(true)
    expect(usccCheckChar(code.slice(0, 17))).toBe(code[17])
    expect(gb32100(code.slice(0, 17))).toBe(code[17])
    // The organisation code inside (characters 9–17) carries its own GB 11714 check character.
    expect(orgCodeCheckChar(code.slice(8, 16))).toBe(code[16])
    for (const other of [...USCC_CHARS].filter((c) => c !== code[17]))
      expect(isValidUscc(code.slice(0, 17) + other)).toBe(false)
  },
)

test('GB 11714’s own example D2143569 has the check character X', () => {
  expect(orgCodeCheckChar('D2143569')).toBe('X')
})

test('the GB 32100 check character equals the standard’s rule for any 17 characters, all 31 values reached', () => {
  const seen = new Set<string>()
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom(...USCC_CHARS), minLength: 17, maxLength: 17 }), (first17) => {
      seen.add(usccCheckChar(first17))
      expect(usccCheckChar(first17)).toBe(gb32100(first17))
    }),
    { seed: SEED, numRuns: 3000 },
  )
  expect(seen.size).toBe(31)
})

test('the GB 11714 check character equals the standard’s rule for any body, letters J–Z included, X and 0 reached', () => {
  const seen = new Set<string>()
  fc.assert(
    fc.property(
      fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'), minLength: 8, maxLength: 8 }),
      (body) => {
        seen.add(orgCodeCheckChar(body))
        expect(orgCodeCheckChar(body)).toBe(gb11714(body))
      },
    ),
    { seed: SEED, numRuns: 3000 },
  )
  expect([...seen].sort()).toEqual([...'0123456789X'].sort())
})

test('makeUscc lays out authority, type, region, body and both check characters', () => {
  const code = makeUscc('92', '440106', 'MA5D2Y1K')
  expect(code.slice(0, 16)).toBe(`92440106MA5D2Y1K`)
  expect(code[16]).toBe(gb11714('MA5D2Y1K'))
  expect(code[17]).toBe(gb32100(code.slice(0, 17)))
})

test('every code makeUscc builds is valid, and changing any one character breaks it', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 17 }), (n, at) => {
      const code = makeUscc('92', '440106', String(n).padStart(8, '0'))
      expect(isValidUscc(code)).toBe(true)
      const swapped = code.slice(0, at) + (code[at] === '3' ? '4' : '3') + code.slice(at + 1)
      expect(isValidUscc(swapped)).toBe(false)
    }),
    { seed: SEED },
  )
})

test.each([
  ['17 characters', '91440300192203821'],
  ['19 characters', '9144030019220382160'],
  ['a letter GB 32100 leaves out (I)', '9144030019220382I6'],
  ['a lower-case letter', '9144030071526726xG'],
])('refuses %s', (_what, code) => {
  expect(isValidUscc(code)).toBe(false)
})

test('the schema trims and upper-cases, then refuses a wrong check character with its message', () => {
  expect(UsccSchema.parse(' 9144030071526726xg ')).toBe('9144030071526726XG')
  const refused = UsccSchema.safeParse('91440300192203821X')
  expect(refused.error?.issues.map((i) => i.message)).toEqual(['统一社会信用代码格式或校验位不正确'])
})

// 统一社会信用代码 (GB 32100): the check character of real published codes, and codes built by makeUscc.
import fc from 'fast-check'
import { isValidUscc, makeUscc, UsccSchema } from '../src'

test('published codes pass and a changed check character fails', () => {
  for (const code of ['9144030071526726XG', '914403001922038216', '91110000802100433B']) {
    expect(isValidUscc(code)).toBe(true)
    expect(isValidUscc(code.slice(0, 17) + (code[17] === '0' ? '1' : '0'))).toBe(false)
  }
  expect(UsccSchema.safeParse('91440300192203821X').success).toBe(false)
})

test('every code makeUscc builds is valid, and changing any one character breaks it', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 16 }), (n, at) => {
      const code = makeUscc('92', '440106', String(n).padStart(8, '0'))
      expect(isValidUscc(code)).toBe(true)
      const swapped = code.slice(0, at) + (code[at] === '3' ? '4' : '3') + code.slice(at + 1)
      expect(isValidUscc(swapped)).toBe(false)
    }),
  )
})

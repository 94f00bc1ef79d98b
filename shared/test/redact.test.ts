// Scrubbing personal identifiers out of log lines: ID-shaped runs (check digit or not, x or X) and mobile numbers
// are masked wherever they stand in text; longer digit runs, and runs glued to other digits, are not identifiers.
import { scrubText } from '../src/domain/redact'

test.each([
  ['a mobile number alone (11 characters, the shortest text scrubbed)', '13812345678', '138****5678'],
  ['a mobile number in Chinese text', '电话13812345678。', '电话138****5678。'],
  ['an ID number whose check digit is wrong (still personal data)', 'id=440106199003071231', 'id=440***********1231'],
  ['an ID number with a lower-case x, masked as X', '44010619900307123x', '440***********123X'],
  ['an ID number next to letters', 'a11010519491231002Xb', 'a110***********002Xb'],
  ['two numbers in one line', '13812345678,13912345678', '138****5678,139****5678'],
  [
    'a phone and an ID number',
    '身份证 44010619900307123X 电话 13812345678',
    '身份证 440***********123X 电话 138****5678',
  ],
])('masks %s', (_what, text, scrubbed) => {
  expect(scrubText(text)).toBe(scrubbed)
})

test.each([
  ['text shorter than a phone number', '1381234567'],
  ['a 12-digit run (an order number, not a phone)', '138123456789'],
  ['a phone number glued to a digit before', '013812345678'],
  ['a number starting 12 (no mobile network)', '12812345678'],
  ['a 19-digit run (not an ID number)', '4401061990030712345'],
  ['an ID-shaped run starting with 0', '040106199003071234'],
  ['an ID-shaped run glued to a digit after', '4401061990030712345x'],
  ['a date and an amount that starts with 2', '2026-11-23 金额 22345678901.00元'],
])('leaves %s alone', (_what, text) => {
  expect(scrubText(text)).toBe(text)
})

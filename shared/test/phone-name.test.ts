// Phone numbers and Chinese names: validation and masking.
import {
  ChineseNameSchema,
  isValidChineseName,
  isValidPhone,
  maskCertificateNumber,
  maskName,
  maskPhone,
  PhoneSchema,
  scrubText,
} from '../src'

test('mainland mobile numbers validate; landlines and short numbers do not', () => {
  expect(isValidPhone('13812345678')).toBe(true)
  expect(isValidPhone('19912345678')).toBe(true)
  for (const bad of ['12812345678', '1381234567', '138123456789', '02012345678', '+8613812345678']) {
    expect(isValidPhone(bad)).toBe(false)
  }
  expect(PhoneSchema.safeParse('1381234567').success).toBe(false)
})

test('a phone is masked to its first 3 and last 4 digits', () => {
  expect(maskPhone('13812345678')).toBe('138****5678')
})

test.each([
  ['张三', '*三'],
  ['欧阳明华', '***华'],
  ['阿依古丽·买买提', '*******提'],
])('name %s masks to %s', (name, masked) => {
  expect(isValidChineseName(name)).toBe(true)
  expect(maskName(name)).toBe(masked)
})

test('names must be 2–20 Han characters, with the middle dot only between parts', () => {
  for (const bad of ['张', 'Zhang San', '张3', '·张三', '张三·', '张'.repeat(21)]) {
    expect(ChineseNameSchema.safeParse(bad).success).toBe(false)
  }
})

test('free text has ID and phone numbers masked, other digits left alone', () => {
  const text = '身份证 44010619900307123X 电话 13812345678 订单 2024010112345'
  expect(scrubText(text)).toBe('身份证 440***********123X 电话 138****5678 订单 2024010112345')
})

test('certificate numbers keep their first 2 and last 4 characters; one too short to keep both is all stars', () => {
  expect(maskCertificateNumber('GJ20261123000052')).toBe('GJ**********0052')
  expect(maskCertificateNumber('C01234')).toBe('******')
  expect(maskPhone('1381234')).toBe('*******')
})

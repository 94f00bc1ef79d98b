// Phone numbers and Chinese names: validation, the schemas' normalising and messages, and masking.
import {
  ChineseNameSchema,
  isValidChineseName,
  isValidPhone,
  maskCertificateNumber,
  MaskedIdNumberSchema,
  MaskedNameSchema,
  MaskedPhoneSchema,
  maskName,
  maskPhone,
  PhoneSchema,
} from '../src'

test.each(['13012345678', '13812345678', '14512345678', '19912345678'])('the mobile number %s validates', (phone) => {
  expect(isValidPhone(phone)).toBe(true)
  expect(PhoneSchema.parse(` ${phone} `)).toBe(phone)
})

test.each([
  ['a 12 prefix (no mobile network)', '12812345678'],
  ['a 10 prefix', '10812345678'],
  ['10 digits', '1381234567'],
  ['12 digits', '138123456789'],
  ['a Guangzhou landline', '02012345678'],
  ['the +86 form', '+8613812345678'],
  ['a letter inside', '1381234567a'],
])('%s is not a mainland mobile number', (_what, phone) => {
  expect(isValidPhone(phone)).toBe(false)
  expect(PhoneSchema.safeParse(phone).error?.issues.map((i) => i.message)).toEqual(['手机号码应为 11 位大陆手机号'])
})

test('a phone is masked to its first 3 and last 4 digits, and only that form passes the masked schema', () => {
  expect(maskPhone('13812345678')).toBe('138****5678')
  expect(MaskedPhoneSchema.safeParse('138****5678').success).toBe(true)
  for (const bad of ['13812345678', '138***5678', '238****5678', '138****567X', ' 138****5678'])
    expect([bad, MaskedPhoneSchema.safeParse(bad).success]).toEqual([bad, false])
})

test.each([
  ['张三', '*三'],
  ['欧阳明华', '***华'],
  ['阿依古丽·买买提', '*******提'],
  ['阿依古丽•买买提', '*******提'],
  ['䶮三', '*三'],
])('name %s is valid and masks to %s', (name, masked) => {
  expect(isValidChineseName(name)).toBe(true)
  expect(maskName(name)).toBe(masked)
  expect(MaskedNameSchema.safeParse(masked).success).toBe(true)
})

test('a name of 20 characters is valid, 21 is not; 2 is valid, 1 is not (counted in characters, not UTF-16 units)', () => {
  expect(isValidChineseName('张'.repeat(20))).toBe(true)
  expect(isValidChineseName('张'.repeat(21))).toBe(false)
  expect(isValidChineseName('张三')).toBe(true)
  expect(isValidChineseName('张')).toBe(false)
  // 𠀀 (U+20000, outside the accepted ranges) is two UTF-16 units: it must not make a one-character name pass.
  expect(isValidChineseName('张𠀀')).toBe(false)
})

test.each([
  ['one character', '张'],
  ['Latin letters', 'Zhang San'],
  ['a digit', '张3'],
  ['a leading dot', '·张三'],
  ['a trailing dot', '张三·'],
  ['two dots together', '阿依古丽··买买提'],
  ['a space inside', '张 三'],
])('a name with %s is refused', (_what, name) => {
  expect(isValidChineseName(name)).toBe(false)
  expect(ChineseNameSchema.safeParse(name).error?.issues.map((i) => i.message)).toEqual([
    '姓名应为 2–20 个汉字，少数民族姓名可含间隔号“·”',
  ])
})

test('the name schema trims before checking', () => {
  expect(ChineseNameSchema.parse(' 张三 ')).toBe('张三')
})

test('the masked name schema takes stars then one character only', () => {
  for (const ok of ['*三', '***华']) expect([ok, MaskedNameSchema.safeParse(ok).success]).toEqual([ok, true])
  for (const bad of ['张三', '三', '*三 ', '*张三', ''])
    expect([bad, MaskedNameSchema.safeParse(bad).success]).toEqual([bad, false])
})

test('the masked ID number schema takes the first 3 and last 4 with 11 stars only', () => {
  for (const ok of ['440***********123X', '110***********0021'])
    expect([ok, MaskedIdNumberSchema.safeParse(ok).success]).toEqual([ok, true])
  for (const bad of ['44010619900307123X', '440**********123X', '440***********123x', '44***********1234X'])
    expect([bad, MaskedIdNumberSchema.safeParse(bad).success]).toEqual([bad, false])
})

test('certificate numbers keep their first 2 and last 4 characters; one too short to keep both is all stars', () => {
  expect(maskCertificateNumber('GJ20261123000052')).toBe('GJ**********0052')
  expect(maskCertificateNumber('C01234')).toBe('******')
  expect(maskPhone('1381234')).toBe('*******')
})

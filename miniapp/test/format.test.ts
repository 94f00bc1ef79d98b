// format.ts per locale: money, dates, months, times and raw values (genders, statuses, yes/no, a department's Chinese
// terms) as zh-CN, zh-HK and English readers read them — never a code, never an ISO timestamp.
import type { Locale } from '@ysx/shared'
import {
  certificateTitle,
  formatClock,
  formatDate,
  formatDateTime,
  formatGender,
  formatMonth,
  formatStatus,
  formatValue,
  formatYuan,
} from '../src/format'
import { setLocale } from '../src/i18n'
import { fieldLabel, fieldValue } from '../src/wallet-labels'

afterEach(async () => {
  await setLocale('zh-CN')
})

const inLocale = async (locale: Locale) => setLocale(locale)

test.each([
  ['zh-CN', '¥1,234.50', '2026年1月5日', '2026年11月', '男', '已过期'],
  ['zh-HK', 'CN¥1,234.50', '2026年1月5日', '2026年11月', '男', '已過期'],
  ['en', 'CN¥1,234.50', '5 January 2026', 'November 2026', 'Male', 'Expired'],
] as const)(
  '%s: money %s, the date %s, the month %s, male as %s, expired as %s',
  async (locale, yuan, day, month, male, expired) => {
    await inLocale(locale)
    expect(formatYuan(1234.5)).toBe(yuan)
    expect(formatDate('2026-01-05')).toBe(day)
    expect(formatMonth('2026-11')).toBe(month)
    expect(formatGender('male')).toBe(male)
    expect(formatStatus('expired')).toBe(expired)
  },
)

test('a date is the date as written, whatever the device’s time zone (no UTC shift to the day before)', async () => {
  await inLocale('en')
  expect(formatDate('2026-12-31')).toBe('31 December 2026')
  expect(formatDate('not a date')).toBe('not a date')
})

test('times are read in the device’s time zone with a 24-hour clock, in each locale', async () => {
  const at = '2026-11-23T08:05:09.000Z'
  expect(formatDateTime(at)).toMatch(/^2026年11月23日 \d{2}:05$/)
  expect(formatClock(Date.parse(at))).toMatch(/^2026年11月23日 \d{2}:05:09$/)
  await inLocale('en')
  expect(formatDateTime(at)).toMatch(/^23 November 2026 at \d{2}:05$/)
  expect(formatClock(Date.parse(at))).toMatch(/^23 November 2026 at \d{2}:05:09$/)
})

test.each([
  ['2026-01-05', '5 January 2026'],
  ['2026-01', 'January 2026'],
  ['female', 'Female'],
  ['revoked', 'Revoked'],
  ['true', 'Yes'],
  ['false', 'No'],
  ['香港', 'Hong Kong'],
  ['个人旅游', 'Individual visit'],
  ['缴存', 'Active'],
  ['C1', 'C1'],
  ['粤A·12345', '粤A·12345'],
])('formatValue in English: %s is shown as %s', async (raw, shown) => {
  await inLocale('en')
  expect(formatValue(raw)).toBe(shown)
})

test('formatValue turns an ISO timestamp into a reading time, never leaving it as is', async () => {
  await inLocale('zh-HK')
  expect(formatValue('2026-03-01T10:30:00+08:00')).toMatch(/^2026年3月1日 \d{2}:30$/)
  expect(formatValue('2026-03-01T10:30:00+08:00')).not.toMatch(/T\d{2}:/)
})

test('a wallet field says its label and value in the locale: sex, endorsement dates and amounts', async () => {
  await inLocale('en')
  expect([fieldLabel('gender'), fieldValue('gender', 'male')]).toEqual(['Sex', 'Male'])
  expect([fieldLabel('endorsements.0.issueDate'), fieldValue('endorsements.0.issueDate', '2025-06-01')]).toEqual([
    'Endorsements · Date of issue',
    '1 June 2025',
  ])
  expect(fieldValue('monthlyDeposit', '1520.5')).toBe('CN¥1,520.50')
  await inLocale('zh-CN')
  expect([fieldLabel('gender'), fieldValue('gender', 'female')]).toEqual(['性别', '女'])
  expect(fieldValue('monthlyDeposit', '1520.5')).toBe('¥1,520.50')
})

test('a certificate’s title follows the locale from its type; an unknown type keeps the title sent', async () => {
  await inLocale('zh-HK')
  expect(certificateTitle('driving_licence', '机动车驾驶证')).toBe('機動車駕駛證')
  await inLocale('en')
  expect(certificateTitle('id_card', '居民身份证')).toBe('Resident identity card')
  expect(certificateTitle('unknown_type', '某证')).toBe('某证')
})

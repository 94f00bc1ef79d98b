// China Standard Time (UTC+8, no daylight saving) whatever the server's zone: the calendar day turns at 16:00 UTC.
import { chinaDate, chinaDateTime, endOfChinaDay } from '../src/domain/china-time'

test.each([
  [
    'the last millisecond of 22 November in China (15:59:59.999 UTC)',
    Date.UTC(2026, 10, 22, 15, 59, 59, 999),
    '2026-11-22',
    '2026-11-22T23:59:59+08:00',
  ],
  [
    'midnight of 23 November in China (16:00 UTC the day before)',
    Date.UTC(2026, 10, 22, 16),
    '2026-11-23',
    '2026-11-23T00:00:00+08:00',
  ],
  [
    '09:00 UTC, 17:00 in China the same day',
    Date.UTC(2026, 10, 23, 9, 30, 15),
    '2026-11-23',
    '2026-11-23T17:30:15+08:00',
  ],
  [
    'New Year in China while still 31 December in UTC',
    Date.UTC(2025, 11, 31, 16, 0, 1),
    '2026-01-01',
    '2026-01-01T00:00:01+08:00',
  ],
  ['a summer date: no daylight saving', Date.UTC(2026, 6, 1, 0), '2026-07-01', '2026-07-01T08:00:00+08:00'],
])('%s', (_what, ms, day, time) => {
  expect(chinaDate(ms)).toBe(day)
  expect(chinaDateTime(ms)).toBe(time)
})

test('the end of a China day is its 23:59:59 at +08:00, i.e. 15:59:59 UTC of that date', () => {
  expect(endOfChinaDay('2026-11-23')).toBe(Date.UTC(2026, 10, 23, 15, 59, 59))
  expect(chinaDate(endOfChinaDay('2026-11-23'))).toBe('2026-11-23')
  expect(chinaDate(endOfChinaDay('2026-11-23') + 1000)).toBe('2026-11-24')
})

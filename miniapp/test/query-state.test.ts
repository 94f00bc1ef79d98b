// The pure parts of the query pages: settle() (loading result → state), unseen() for paging, and the display formats.
import { formatDateTime, formatMonth, formatYuan } from '../src/format'
import { unseen } from '../src/hooks/use-data-access'
import { settle } from '../src/hooks/use-query'
import { ApiError } from '../src/services/client'

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: jest.requireActual<typeof import('./taro-mock')>('./taro-mock').taro,
}))

describe('settle', () => {
  it('shows data, and treats null or what isEmpty rejects as empty', () => {
    expect(settle({ ok: true, data: { n: 1 } })).toEqual({ status: 'ready', data: { n: 1 } })
    expect(settle({ ok: true, data: null })).toEqual({ status: 'empty' })
    expect(settle({ ok: true, data: [] as number[] }, (d) => d.length === 0)).toEqual({ status: 'empty' })
  })

  it('keeps an ApiError’s code and message, and reads anything else as a bad response', () => {
    const error = new ApiError({ code: 'UPSTREAM_TIMEOUT', message: '部门系统响应超时，请稍后重试', status: 504 })
    expect(settle({ ok: false, error })).toEqual({
      status: 'error',
      code: 'UPSTREAM_TIMEOUT',
      message: '部门系统响应超时，请稍后重试',
    })
    expect(settle({ ok: false, error: new TypeError('x') })).toMatchObject({ status: 'error', code: 'BAD_RESPONSE' })
  })
})

describe('unseen', () => {
  const record = (id: string) => ({
    id,
    department: 'yibao',
    dataKind: '医保余额',
    purpose: '首页概览',
    caseId: null,
    askedBy: null,
    outcome: 'served' as const,
    at: '2026-11-23T08:00:00.000Z',
  })
  it('drops records already shown (the page boundary may repeat one)', () => {
    expect(
      unseen([record('a'), record('b')], { records: [record('b'), record('c')], nextBefore: null }).map((r) => r.id),
    ).toEqual(['c'])
  })
})

describe('formats', () => {
  it('writes money as ¥ with thousands and two decimals', () => {
    expect(formatYuan(1234.5)).toBe('¥1,234.50')
    expect(formatYuan(0)).toBe('¥0.00')
    expect(formatYuan(1234567.891)).toBe('¥1,234,567.89')
    expect(formatYuan(-20)).toBe('-¥20.00')
  })
  it('writes months and times as read in China (zh-CN, the default locale)', () => {
    expect(formatMonth('2026-11')).toBe('2026年11月')
    expect(formatDateTime('not a date')).toBe('not a date')
    expect(formatDateTime('2026-11-23T08:05:00.000Z')).toMatch(/^2026年11月23日 \d{2}:05$/)
  })
})

/** @jest-environment jsdom */
// The app shell's hooks and what builds on them: useQuery (loading, empty, ready, failed; a reload keeps what is
// shown; only the latest load counts), the department queries and the dashboard, 我的数据使用记录's paging
// (useDataAccess), useFormSubmit and 意见反馈 (useFeedbackForm). No build branches: they run in the H5 build.
import { act, renderHook, waitFor } from '@testing-library/react'
import { useDashboard } from '../../src/hooks/use-dashboard'
import { PAGE_SIZE, useDataAccess } from '../../src/hooks/use-data-access'
import { useFeedbackForm } from '../../src/hooks/use-feedback-form'
import { useFormSubmit } from '../../src/hooks/use-form-submit'
import {
  useContributions,
  useHousingFund,
  useMedicalInsurance,
  usePension,
  useViolations,
} from '../../src/hooks/use-queries'
import { useQuery } from '../../src/hooks/use-query'
import { t } from '../../src/i18n'
import { ApiError } from '../../src/services/client'
import { answer, messageOf, ok, refusal, resetBff, sentTo } from '../fake-bff'
import { inBuild, resetPlatform } from '../platform-double'
import { page, resetPage } from '../taro-page'

jest.mock('@tarojs/taro', () => jest.requireActual<typeof import('../taro-page')>('../taro-page').taroModule)
jest.mock(
  '../../src/platform',
  () => jest.requireActual<typeof import('../platform-double')>('../platform-double').platform,
)

inBuild('h5')

beforeEach(() => {
  resetBff()
  resetPlatform()
  resetPage()
})

/** A promise the test settles when it chooses. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined
  let reject: (error: unknown) => void = () => undefined
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('useQuery', () => {
  it('loads on mount: loading, then the data', async () => {
    const { result } = renderHook(() => useQuery(async () => ({ n: 1 })))
    expect(result.current.state).toEqual({ status: 'loading' })
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ready', data: { n: 1 } }))
  })

  it('null, or what isEmpty calls empty, is "nothing to show"', async () => {
    const none = renderHook(() => useQuery(async () => null))
    await waitFor(() => expect(none.result.current.state).toEqual({ status: 'empty' }))
    const blank = renderHook(() =>
      useQuery(async () => ({ items: [] as number[] }), { isEmpty: (d) => d.items.length === 0 }),
    )
    await waitFor(() => expect(blank.result.current.state).toEqual({ status: 'empty' }))
  })

  it('a refusal keeps its code and message; anything else is a bad response', async () => {
    const refused = renderHook(() =>
      useQuery(async () => {
        throw new ApiError({ code: 'UPSTREAM_TIMEOUT', message: messageOf('UPSTREAM_TIMEOUT'), status: 504 })
      }),
    )
    await waitFor(() =>
      expect(refused.result.current.state).toEqual({
        status: 'error',
        code: 'UPSTREAM_TIMEOUT',
        message: messageOf('UPSTREAM_TIMEOUT'),
      }),
    )
    const broken = renderHook(() =>
      useQuery(async () => {
        throw new TypeError('boom')
      }),
    )
    await waitFor(() =>
      expect(broken.result.current.state).toEqual({
        status: 'error',
        code: 'BAD_RESPONSE',
        message: t('common.badResponse'),
      }),
    )
  })

  it('a reload keeps the data on screen while it runs, marked refreshing', async () => {
    const second = deferred<{ n: number }>()
    const load = jest
      .fn<Promise<{ n: number }>, []>()
      .mockResolvedValueOnce({ n: 1 })
      .mockReturnValueOnce(second.promise)
    const { result } = renderHook(() => useQuery(load))
    await waitFor(() => expect(result.current.state.status).toBe('ready'))
    act(() => result.current.reload())
    expect(result.current).toMatchObject({ state: { status: 'ready', data: { n: 1 } }, refreshing: true })
    await act(async () => second.resolve({ n: 2 }))
    expect(result.current).toMatchObject({ state: { status: 'ready', data: { n: 2 } }, refreshing: false })
  })

  it('only the latest load counts: an earlier one finishing later is dropped', async () => {
    const slow = deferred<string>()
    const fast = deferred<string>()
    const load = jest.fn<Promise<string>, []>().mockReturnValueOnce(slow.promise).mockReturnValueOnce(fast.promise)
    const { result } = renderHook(() => useQuery(load))
    act(() => result.current.reload())
    await act(async () => fast.resolve('latest'))
    await act(async () => slow.resolve('stale'))
    expect(result.current.state).toEqual({ status: 'ready', data: 'latest' })
  })

  it('with onShow, loads each time the page shows and not on mount', async () => {
    const load = jest.fn(async () => 'x')
    renderHook(() => useQuery(load, { onShow: true }))
    expect(load).not.toHaveBeenCalled()
    await page.show()
    await page.show()
    expect(load).toHaveBeenCalledTimes(2)
  })
})

describe('the department queries and the dashboard', () => {
  it.each([
    [
      '医保 without an account or spending',
      useMedicalInsurance,
      'GET /v1/medical-insurance',
      { account: null, spending: [] },
    ],
    ['公积金 without an account', useHousingFund, 'GET /v1/housing-fund', { account: null, statement: null }],
    ['社保 without a record', useContributions, 'GET /v1/social-security/contributions', null],
    ['养老金 without a record', usePension, 'GET /v1/social-security/pension', null],
    ['交通违法 without a driver record', useViolations, 'GET /v1/traffic/violations', null],
  ] as const)('%s is shown as nothing to show', async (_, hook, route, body) => {
    answer(route, ok(body))
    const { result } = renderHook(() => hook())
    await waitFor(() => expect(result.current.state).toEqual({ status: 'empty' }))
    expect(sentTo(route)).toHaveLength(1)
  })

  it('a department down (UPSTREAM_UNAVAILABLE) is shown with its message, for a retry', async () => {
    answer(
      'GET /v1/traffic/violations',
      refusal('UPSTREAM_UNAVAILABLE'),
      ok({ violations: [], unpaidCount: 0, unpaidFines: 0 }),
    )
    const { result } = renderHook(() => useViolations())
    await waitFor(() =>
      expect(result.current.state).toEqual({
        status: 'error',
        code: 'UPSTREAM_UNAVAILABLE',
        message: messageOf('UPSTREAM_UNAVAILABLE'),
      }),
    )
    act(() => result.current.reload())
    await waitFor(() => expect(result.current.state.status).toBe('ready'))
  })

  it('the dashboard loads each time the tab shows', async () => {
    const board = {
      generatedAt: '2026-11-23T08:00:00.000Z',
      sections: {
        cards: { status: 'ok', data: { cards: [], unavailableFrom: [] } },
        socialSecurity: { status: 'ok', data: null },
        medicalInsurance: { status: 'unavailable', code: 'UPSTREAM_TIMEOUT', message: messageOf('UPSTREAM_TIMEOUT') },
        housingFund: { status: 'ok', data: null },
        violations: { status: 'ok', data: { unpaidCount: 0, unpaidFines: 0 } },
        healthCode: { status: 'ok', data: { color: 'green', lastTestAt: null } },
      },
    }
    answer('GET /v1/dashboard', ok(board))
    const { result } = renderHook(() => useDashboard())
    await page.show()
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ready', data: board }))
    await page.show()
    await waitFor(() => expect(sentTo('GET /v1/dashboard')).toHaveLength(2))
  })
})

describe('useDataAccess', () => {
  const record = (n: number) => ({
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    department: 'yibao',
    dataKind: '医保结算记录',
    purpose: '本人查询',
    caseId: null,
    outcome: 'served',
    at: new Date(Date.UTC(2026, 10, 23, 8) - n * 60_000).toISOString(),
  })
  const ROUTE = 'GET /v1/me/data-access'

  it('pages with 加载更多 from where the last page ended, dropping a record shown twice at the boundary', async () => {
    answer(
      ROUTE,
      ok({ records: [record(1), record(2)], nextBefore: record(2).at }),
      ok({ records: [record(2), record(3)], nextBefore: null }),
    )
    const { result } = renderHook(() => useDataAccess())
    await waitFor(() => expect(result.current.records).toHaveLength(2))
    expect(result.current.hasMore).toBe(true)
    act(() => result.current.loadMore())
    await waitFor(() => expect(result.current.records.map((r) => r.id)).toEqual([1, 2, 3].map((n) => record(n).id)))
    expect(result.current.hasMore).toBe(false)
    expect(sentTo(ROUTE).map((r) => r.url)).toEqual([
      `/v1/me/data-access?limit=${PAGE_SIZE}`,
      `/v1/me/data-access?limit=${PAGE_SIZE}&before=${encodeURIComponent(record(2).at)}`,
    ])
  })

  it('a further page that fails keeps what is shown and says why', async () => {
    answer(ROUTE, ok({ records: [record(1)], nextBefore: record(1).at }), refusal('RATE_LIMITED'))
    const { result } = renderHook(() => useDataAccess())
    await waitFor(() => expect(result.current.records).toHaveLength(1))
    act(() => result.current.loadMore())
    await waitFor(() => expect(result.current.moreFailure).toBe(messageOf('RATE_LIMITED')))
    expect(result.current.records).toHaveLength(1)
    expect(result.current.hasMore).toBe(true)
  })
})

describe('useFormSubmit', () => {
  type F = 'a' | 'b'

  it('the local check’s errors are shown and nothing is sent', async () => {
    const send = jest.fn(async () => undefined)
    const { result } = renderHook(() => useFormSubmit<F>())
    await act(() => result.current.run({ errors: { a: 'bad a' } }, send))
    expect(result.current.errors).toEqual({ a: 'bad a' })
    expect(send).not.toHaveBeenCalled()
  })

  it('a refusal becomes the form’s message and, where mapped, the reported fields’ errors', async () => {
    const { result } = renderHook(() =>
      useFormSubmit<F>({ reported: (paths) => (paths.some((p) => p.includes('b')) ? { b: 'bad b' } : {}) }),
    )
    await act(() =>
      result.current.run({ value: 1 }, async () => {
        throw new ApiError({
          code: 'VALIDATION_FAILED',
          message: messageOf('VALIDATION_FAILED'),
          status: 400,
          details: [{ path: 'body.b', message: 'x' }],
        })
      }),
    )
    expect(result.current).toMatchObject({
      errors: { b: 'bad b' },
      failure: messageOf('VALIDATION_FAILED'),
      submitting: false,
    })
  })

  it('anything but a refusal is a bug: it is rethrown', async () => {
    const { result } = renderHook(() => useFormSubmit<F>())
    await expect(
      act(() =>
        result.current.run({ value: 1 }, async () => {
          throw new TypeError('bug')
        }),
      ),
    ).rejects.toThrow('bug')
  })
})

describe('useFeedbackForm', () => {
  const SUBMIT = 'POST /v1/feedback'
  const RECEIPT = {
    id: '3f2b1c4e-8a9d-4e2f-9b1a-2c3d4e5f6a7b',
    category: 'bug',
    status: 'received',
    contact: '138****0000',
    createdAt: '2026-11-23T08:00:00.000Z',
  }

  it('too short a text and a contact that is not a phone: both messages, nothing sent', async () => {
    const { result } = renderHook(() => useFeedbackForm())
    act(() => result.current.setContent(' 太短 '))
    act(() => result.current.setContact('12345'))
    await act(() => result.current.submit())
    expect(result.current.errors).toEqual({
      content: t('feedback.contentInvalid'),
      contact: t('feedback.contactInvalid'),
    })
    expect(sentTo(SUBMIT)).toEqual([])
  })

  it('sends the category, the trimmed text and the phone, and keeps the receipt', async () => {
    answer(SUBMIT, ok(RECEIPT, 201))
    const { result } = renderHook(() => useFeedbackForm())
    act(() => result.current.setCategory('bug'))
    act(() => result.current.setContent('  亮证页面打不开，请尽快修复  '))
    act(() => result.current.inputs.set('contact', ' 13800000000 '))
    await act(() => result.current.submit())
    expect(sentTo(SUBMIT).map((r) => r.data)).toEqual([
      { category: 'bug', content: '亮证页面打不开，请尽快修复', contact: '13800000000' },
    ])
    expect(result.current.receipt).toEqual(RECEIPT)
  })

  it('without a phone, sends no contact at all', async () => {
    answer(SUBMIT, ok({ ...RECEIPT, contact: null }, 201))
    const { result } = renderHook(() => useFeedbackForm())
    act(() => result.current.setContent('建议增加夜间模式'))
    await act(() => result.current.submit())
    expect(sentTo(SUBMIT).map((r) => r.data)).toEqual([{ category: 'suggestion', content: '建议增加夜间模式' }])
  })

  it('the BFF refuses the contact (VALIDATION_FAILED on body.contact): that field’s message and the BFF’s', async () => {
    answer(SUBMIT, refusal('VALIDATION_FAILED', [{ path: 'body.contact', message: 'invalid' }]))
    const { result } = renderHook(() => useFeedbackForm())
    act(() => result.current.setContent('建议增加夜间模式'))
    act(() => result.current.setContact('13800000000'))
    await act(() => result.current.submit())
    expect(result.current.errors).toEqual({ contact: t('feedback.contactInvalid') })
    expect(result.current.failure).toBe(messageOf('VALIDATION_FAILED'))
    expect(result.current.receipt).toBeNull()
  })
})

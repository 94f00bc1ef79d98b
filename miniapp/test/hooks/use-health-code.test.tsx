/** @jest-environment jsdom */
// 粤康码 display (useHealthCode) in both builds (the device key is the platform's): the code asked for with the
// device's public key, a QR signed again every 30 s, a fresh code before the credential or the evaluation runs out,
// the last code kept while the BFF cannot be reached and only while its credential holds; useHolder and backToCode.
import { act, renderHook, waitFor } from '@testing-library/react'
import { decodeJws } from '@ysx/shared/credential'
import { useHolder } from '../../src/hooks/use-holder'
import { backToCode, useHealthCode } from '../../src/hooks/use-health-code'
import { t } from '../../src/i18n'
import { PAGES } from '../../src/page-paths'
import { answer, messageOf, ok, refusal, resetBff, sentTo } from '../fake-bff'
import { type Build, inBuild, resetPlatform, storedPublicJwk } from '../platform-double'
import { navigation, page, resetPage } from '../taro-page'

jest.mock('@tarojs/taro', () => jest.requireActual<typeof import('../taro-page')>('../taro-page').taroModule)
jest.mock(
  '../../src/platform',
  () => jest.requireActual<typeof import('../platform-double')>('../platform-double').platform,
)

const NOW = Date.parse('2026-11-23T08:00:00.000Z')
const SHOW = 'GET /v1/health-codes/self/code'
const MINUTE = 60_000
const iso = (ms: number) => new Date(ms).toISOString()

/** The code as the BFF shows it: green, evaluated now, valid 6 h, its credential good for `credentialMinutes`. */
function shown(credential: string, { credentialMinutes = 24 * 60, validMinutes = 6 * 60, colour = 'green' } = {}) {
  return {
    holder: 'self',
    maskedName: '*三',
    colour,
    reasons: [],
    negativeTestWithinHours: 24,
    ruleVersion: '2026.11',
    evaluatedAt: iso(NOW),
    validUntil: iso(NOW + validMinutes * MINUTE),
    credential,
    credentialExpiresAt: iso(NOW + credentialMinutes * MINUTE),
  }
}
const CRED_A = 'eyJhbGciOiJFUzI1NiJ9.eyJjIjoiYSJ9.c2ln'
const CRED_B = 'eyJhbGciOiJFUzI1NiJ9.eyJjIjoiYiJ9.c2ln'

beforeEach(() => {
  jest.useFakeTimers({ now: NOW })
  resetBff()
  resetPlatform()
  resetPage()
})
afterEach(() => jest.useRealTimers())

type State = ReturnType<typeof useHealthCode>['state']
const ready = (state: State) => {
  if (state.status !== 'ready') throw new Error(`not ready: ${state.status}`)
  return state
}

describe.each<Build>(['h5', 'weapp'])('useHealthCode (%s)', (build) => {
  inBuild(build)

  it('asks for the code with this device’s public key and shows a QR of its credential signed now', async () => {
    answer(SHOW, ok(shown(CRED_A)))
    const { result } = renderHook(() => useHealthCode('self'))
    expect(result.current.state.status).toBe('loading')
    await waitFor(() => expect(result.current.state.status).toBe('ready'))
    const publicJwk = storedPublicJwk()
    expect(sentTo(SHOW).map((r) => r.url)).toEqual([`/v1/health-codes/self/code?x=${publicJwk.x}&y=${publicJwk.y}`])
    expect(sentTo(SHOW)[0]!.header).not.toHaveProperty('If-None-Match')
    const state = ready(result.current.state)
    expect(state).toMatchObject({ offline: false, secondsLeft: 30, code: { colour: 'green' } })
    const [credential, proof] = state.text.split('~')
    expect(credential).toBe(CRED_A)
    expect(decodeJws(proof ?? '')?.payload).toMatchObject({ i: NOW / 1000 })
  })

  it('signs a new QR every 30 s without asking the BFF again', async () => {
    answer(SHOW, ok(shown(CRED_A)))
    const { result } = renderHook(() => useHealthCode('self'))
    await waitFor(() => expect(result.current.state.status).toBe('ready'))
    const first = ready(result.current.state).text
    await act(() => jest.advanceTimersByTimeAsync(29_000))
    expect(ready(result.current.state)).toMatchObject({ text: first, secondsLeft: 1 })
    await act(() => jest.advanceTimersByTimeAsync(1_000))
    expect(ready(result.current.state).text).not.toBe(first)
    expect(sentTo(SHOW)).toHaveLength(1)
  })

  it('asks again a minute before the credential expires and shows the new credential at once', async () => {
    answer(SHOW, ok(shown(CRED_A, { credentialMinutes: 10 })), ok(shown(CRED_B, { colour: 'yellow' })))
    const { result } = renderHook(() => useHealthCode('self'))
    await waitFor(() => expect(result.current.state.status).toBe('ready'))
    await act(() => jest.advanceTimersByTimeAsync(9 * MINUTE - 1_000))
    expect(sentTo(SHOW)).toHaveLength(1)
    await act(() => jest.advanceTimersByTimeAsync(2_000))
    expect(sentTo(SHOW)).toHaveLength(2)
    await act(() => jest.advanceTimersByTimeAsync(1_000))
    const state = ready(result.current.state)
    expect(state.text.split('~')[0]).toBe(CRED_B)
    expect(state.code.colour).toBe('yellow')
  })

  it('asks again with the credential it holds (If-None-Match) and on 304 keeps showing that code', async () => {
    // CRED_A's id (its `c` claim) is "a".
    answer(SHOW, ok(shown(CRED_A, { credentialMinutes: 10 })), ok(null, 304), ok(shown(CRED_B, { colour: 'yellow' })))
    const { result } = renderHook(() => useHealthCode('self'))
    await waitFor(() => expect(result.current.state.status).toBe('ready'))
    await page.hide()
    await page.show()
    await waitFor(() => expect(sentTo(SHOW)).toHaveLength(2))
    expect(sentTo(SHOW)[1]!.header).toMatchObject({ 'If-None-Match': '"a"' })
    await waitFor(() =>
      expect(ready(result.current.state)).toMatchObject({ offline: false, code: { colour: 'green' } }),
    )
    expect(ready(result.current.state).text.split('~')[0]).toBe(CRED_A)
    // Still held after the 304: the next ask names it again, and a changed status replaces it.
    await act(() => jest.advanceTimersByTimeAsync(9 * MINUTE))
    await waitFor(() => expect(sentTo(SHOW)).toHaveLength(3))
    expect(sentTo(SHOW)[2]!.header).toMatchObject({ 'If-None-Match': '"a"' })
    await act(() => jest.advanceTimersByTimeAsync(1_000))
    expect(ready(result.current.state).text.split('~')[0]).toBe(CRED_B)
  })

  it('back on the page with the BFF unreachable: the last code, labelled offline, while its credential holds', async () => {
    answer(SHOW, ok(shown(CRED_A, { credentialMinutes: 10 })), 'unreachable')
    const { result } = renderHook(() => useHealthCode('self'))
    await waitFor(() => expect(result.current.state.status).toBe('ready'))
    await page.hide()
    await page.show()
    await waitFor(() => expect(sentTo(SHOW)).toHaveLength(2))
    await waitFor(() => expect(ready(result.current.state).offline).toBe(true))
    expect(ready(result.current.state).text.split('~')[0]).toBe(CRED_A)
  })

  it('back on the page after the kept credential expired, with the BFF unreachable: the network message, not the code', async () => {
    answer(SHOW, ok(shown(CRED_A, { credentialMinutes: 10 })), 'unreachable')
    const { result } = renderHook(() => useHealthCode('self'))
    await waitFor(() => expect(result.current.state.status).toBe('ready'))
    await page.hide()
    await act(() => jest.advanceTimersByTimeAsync(10 * MINUTE))
    await page.show()
    await waitFor(() => expect(sentTo(SHOW)).toHaveLength(2))
    await waitFor(() =>
      expect(result.current.state).toEqual({
        status: 'error',
        code: 'NETWORK_ERROR',
        message: t('common.networkError'),
      }),
    )
  })

  it('once the credential has expired with the BFF unreachable, the code gives way to the network message', async () => {
    answer(SHOW, ok(shown(CRED_A, { credentialMinutes: 10 })), 'unreachable')
    const { result } = renderHook(() => useHealthCode('self'))
    await waitFor(() => expect(result.current.state.status).toBe('ready'))
    await act(() => jest.advanceTimersByTimeAsync(10 * MINUTE - 1_000))
    expect(ready(result.current.state).text.split('~')[0]).toBe(CRED_A)
    // The tick at expiry is still waiting for that moment's request; the next one, a second later, gives way.
    await act(() => jest.advanceTimersByTimeAsync(2_000))
    expect(result.current.state).toEqual({ status: 'error', code: 'NETWORK_ERROR', message: t('common.networkError') })
  })

  it('a refusal at first (FAMILY_MEMBER_NOT_CONFIRMED) shows its message; 重试 asks again', async () => {
    answer(SHOW, refusal('FAMILY_MEMBER_NOT_CONFIRMED'), ok(shown(CRED_A)))
    const { result } = renderHook(() => useHealthCode('self'))
    await waitFor(() =>
      expect(result.current.state).toEqual({
        status: 'error',
        code: 'FAMILY_MEMBER_NOT_CONFIRMED',
        message: messageOf('FAMILY_MEMBER_NOT_CONFIRMED'),
      }),
    )
    act(() => result.current.retry())
    expect(result.current.state.status).toBe('loading')
    await waitFor(() => expect(result.current.state.status).toBe('ready'))
  })

  it('a first load with no network and no kept code shows the network message', async () => {
    answer(SHOW, 'unreachable')
    const { result } = renderHook(() => useHealthCode('self'))
    await waitFor(() =>
      expect(result.current.state).toEqual({
        status: 'error',
        code: 'NETWORK_ERROR',
        message: t('common.networkError'),
      }),
    )
  })
})

describe('useHolder and backToCode', () => {
  it('the holder is the page’s ?holder=, else the citizen’s own', () => {
    expect(renderHook(() => useHolder()).result.current).toBe('self')
    page.setParams({ holder: 'm_0123456789abcdef' })
    expect(renderHook(() => useHolder()).result.current).toBe('m_0123456789abcdef')
  })

  it('goes back when the page below is the code, else replaces this page with the holder’s code', () => {
    navigation.getCurrentPages.mockReturnValueOnce([
      { route: 'packages/health/health-code/index' },
      { route: 'packages/health/venue/index' },
    ])
    backToCode('self')
    expect(navigation.navigateBack).toHaveBeenCalledTimes(1)
    navigation.getCurrentPages.mockReturnValueOnce([
      { route: 'pages/home/index' },
      { route: 'packages/health/venue/index' },
    ])
    backToCode('m_0123456789abcdef')
    expect(page.urls('redirectTo')).toEqual([`${PAGES.healthCode}?holder=m_0123456789abcdef`])
    expect(navigation.navigateBack).toHaveBeenCalledTimes(1)
  })
})

/** @jest-environment jsdom */
// 我的 (useProfile: the masked profile, the step-up-guarded ID-number reveal, logout) and the countdown the face
// pages show (useCountdown, on fake timers). Neither has a build branch: they run in the weapp build.
import { act, renderHook, waitFor } from '@testing-library/react'
import { useCountdown } from '../../src/hooks/use-countdown'
import { useProfile } from '../../src/hooks/use-profile'
import { PAGES } from '../../src/page-paths'
import { readTokens } from '../../src/services/token-store'
import { answer, messageOf, ok, refusal, resetBff, routesSent, sentTo } from '../fake-bff'
import { inBuild, resetPlatform } from '../platform-double'
import { page, resetPage } from '../taro-page'

jest.mock('@tarojs/taro', () => jest.requireActual<typeof import('../taro-page')>('../taro-page').taroModule)
jest.mock(
  '../../src/platform',
  () => jest.requireActual<typeof import('../platform-double')>('../platform-double').platform,
)

const NOW = Date.parse('2026-11-23T08:00:00.000Z')
const ME = 'GET /v1/me'
const REVEAL = 'POST /v1/me/id-number/reveal'
const LOGOUT = 'POST /v1/auth/logout'
const profile = (lastFaceVerifiedAt: string | null) => ({
  userId: '3f2b1c4e-8a9d-4e2f-9b1a-2c3d4e5f6a7b',
  level: 'real_name',
  name: '*三',
  idNumber: '440***********116X',
  phone: '138****0000',
  realNameAt: '2026-01-01T00:00:00.000Z',
  lastFaceVerifiedAt,
})
const EARLIER = '2026-11-23T06:00:00.000Z'
const JUST_NOW = '2026-11-23T07:59:30.000Z'

inBuild('weapp')

beforeEach(() => {
  jest.useFakeTimers({ now: NOW })
  resetBff()
  resetPlatform()
  resetPage()
})
afterEach(() => jest.useRealTimers())

describe('useProfile', () => {
  it('signed out: anonymous, and asks the BFF for nothing', async () => {
    resetBff({ signedIn: false })
    const { result } = renderHook(() => useProfile())
    await page.show()
    expect(result.current).toMatchObject({ status: 'anonymous', profile: null, failure: null })
    expect(routesSent()).toEqual([])
  })

  it('signed in: loads the masked profile each time the page shows', async () => {
    answer(ME, ok(profile(EARLIER)))
    const { result } = renderHook(() => useProfile())
    expect(result.current.status).toBe('loading')
    await page.show()
    await waitFor(() => expect(result.current.status).toBe('ready'))
    expect(result.current.profile).toEqual(profile(EARLIER))
    await page.show()
    await waitFor(() => expect(sentTo(ME)).toHaveLength(2))
  })

  it('a session the BFF no longer accepts (AUTH_REQUIRED): anonymous, with its message', async () => {
    answer(ME, refusal('AUTH_REQUIRED'))
    const { result } = renderHook(() => useProfile())
    await page.show()
    await waitFor(() => expect(result.current.status).toBe('anonymous'))
    expect(result.current.failure).toBe(messageOf('AUTH_REQUIRED'))
  })

  it('reveals the full ID number, and hides it when the page hides', async () => {
    answer(ME, ok(profile(JUST_NOW)))
    answer(REVEAL, ok({ idNumber: '44010619900307116X' }))
    const { result } = renderHook(() => useProfile())
    await page.show()
    await waitFor(() => expect(result.current.status).toBe('ready'))
    act(() => result.current.reveal())
    await waitFor(() => expect(result.current.fullIdNumber).toBe('44010619900307116X'))
    await page.hide()
    expect(result.current.fullIdNumber).toBeNull()
  })

  it('STEP_UP_REQUIRED opens the face page; back with a newer face check, the number is revealed without asking', async () => {
    answer(ME, ok(profile(EARLIER)), ok(profile(JUST_NOW)))
    answer(REVEAL, refusal('STEP_UP_REQUIRED'), ok({ idNumber: '44010619900307116X' }))
    const { result } = renderHook(() => useProfile())
    await page.show()
    await waitFor(() => expect(result.current.status).toBe('ready'))
    act(() => result.current.reveal())
    await waitFor(() => expect(page.urls('navigateTo')).toEqual([`${PAGES.face}?purpose=step-up`]))
    await page.show()
    await waitFor(() => expect(result.current.fullIdNumber).toBe('44010619900307116X'))
    expect(page.urls('navigateTo')).toHaveLength(1)
  })

  it('back from the face page without a newer face check (cancelled or failed): nothing is revealed or asked', async () => {
    answer(ME, ok(profile(EARLIER)))
    answer(REVEAL, refusal('STEP_UP_REQUIRED'))
    const { result } = renderHook(() => useProfile())
    await page.show()
    await waitFor(() => expect(result.current.status).toBe('ready'))
    act(() => result.current.reveal())
    await waitFor(() => expect(page.urls('navigateTo')).toHaveLength(1))
    await page.show()
    await waitFor(() => expect(sentTo(ME)).toHaveLength(2))
    expect(sentTo(REVEAL)).toHaveLength(1)
    expect(result.current.fullIdNumber).toBeNull()
  })

  it('logout ends the session at the BFF and forgets it here, even when the BFF cannot be reached', async () => {
    answer(ME, ok(profile(EARLIER)))
    answer(LOGOUT, 'unreachable')
    const { result } = renderHook(() => useProfile())
    await page.show()
    await waitFor(() => expect(result.current.status).toBe('ready'))
    act(() => result.current.logout())
    await waitFor(() => expect(result.current.status).toBe('anonymous'))
    expect(sentTo(LOGOUT)).toHaveLength(1)
    expect(readTokens()).toBeNull()
    expect(result.current.profile).toBeNull()
  })
})

describe('useCountdown', () => {
  it('without an instant: null, and no timer running', () => {
    const { result } = renderHook(() => useCountdown(null))
    expect(result.current).toBeNull()
    expect(jest.getTimerCount()).toBe(0)
  })

  it('whole seconds left, rounded up, ticking once a second down to 0 and no lower', async () => {
    const { result } = renderHook(() => useCountdown(new Date(NOW + 2_500).toISOString()))
    expect(result.current).toBe(3)
    await act(() => jest.advanceTimersByTimeAsync(1_000))
    expect(result.current).toBe(2)
    await act(() => jest.advanceTimersByTimeAsync(1_000))
    expect(result.current).toBe(1)
    await act(() => jest.advanceTimersByTimeAsync(1_000))
    expect(result.current).toBe(0)
    await act(() => jest.advanceTimersByTimeAsync(5_000))
    expect(result.current).toBe(0)
  })

  it('counts on the clock it is given (the BFF’s), not the phone’s', () => {
    const bffClock = () => Date.now() + 10_000
    const { result } = renderHook(() => useCountdown(new Date(NOW + 30_000).toISOString(), bffClock))
    expect(result.current).toBe(20)
  })

  it('stops ticking when the instant goes or the page unmounts', () => {
    const { rerender, unmount } = renderHook(({ until }) => useCountdown(until), {
      initialProps: { until: new Date(NOW + 60_000).toISOString() as string | null },
    })
    expect(jest.getTimerCount()).toBe(1)
    rerender({ until: null })
    expect(jest.getTimerCount()).toBe(0)
    rerender({ until: new Date(NOW + 60_000).toISOString() })
    unmount()
    expect(jest.getTimerCount()).toBe(0)
  })
})

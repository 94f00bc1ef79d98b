/** @jest-environment jsdom */
// 扫码签到 (useCheckIn) with the code box the page draws (CodeInput), in both builds: the weapp scans (扫一扫), H5
// pastes. A code is first shown as the venue it names; only 确认登记 writes the check-in; 取消 writes nothing.
import { createElement, type ReactNode } from 'react'
import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react'
import { CodeInput } from '../../src/components/code-input'
import { useCheckIn } from '../../src/hooks/use-check-in'
import { t } from '../../src/i18n'
import { venueQrText } from '../../src/venue-link'
import { answer, messageOf, ok, refusal, resetBff, sentTo } from '../fake-bff'
import { type Build, inBuild, resetPlatform, scanner } from '../platform-double'
import { resetPage } from '../taro-page'

jest.mock('@tarojs/taro', () => jest.requireActual<typeof import('../taro-page')>('../taro-page').taroModule)
jest.mock(
  '../../src/platform',
  () => jest.requireActual<typeof import('../platform-double')>('../platform-double').platform,
)
// The page's building blocks as plain DOM elements, so that the card can be drawn and pressed in jsdom.
jest.mock('@tarojs/components', () => ({
  __esModule: true,
  View: ({ children }: { children?: ReactNode }) => createElement('div', null, children),
  Text: ({ children }: { children?: ReactNode }) => createElement('span', null, children),
  Textarea: ({ value, onInput }: { value: string; onInput: (e: { detail: { value: string } }) => void }) =>
    createElement('textarea', {
      value,
      onChange: (e: { target: { value: string } }) => onInput({ detail: { value: e.target.value } }),
    }),
}))
jest.mock('@nutui/nutui-react-taro', () => ({
  __esModule: true,
  Button: ({ children, onClick, disabled }: { children?: ReactNode; onClick: () => void; disabled?: boolean }) =>
    createElement('button', { onClick, disabled }, children),
}))

const CODE = `YSXV1.${'a'.repeat(22)}.${'b'.repeat(22)}`
const VENUE = { name: '测试茶餐厅', areaCode: '440104', area: '广州市越秀区' }
const PREVIEW = 'POST /v1/venues/preview'
const CHECK_IN = 'POST /v1/health-codes/self/check-ins'
const LIST = 'GET /v1/health-codes/self/check-ins'
const DONE = {
  checkIn: {
    checkInId: 'c1',
    venueName: VENUE.name,
    areaCode: '440104',
    area: VENUE.area,
    at: '2026-11-23T08:00:00.000Z',
  },
  status: {
    holder: 'self',
    maskedName: '*三',
    colour: 'green',
    reasons: [],
    negativeTestWithinHours: null,
    ruleVersion: '2026.11',
    evaluatedAt: '2026-11-23T08:00:00.000Z',
    validUntil: '2026-11-23T14:00:00.000Z',
  },
}

beforeEach(() => {
  resetBff()
  resetPlatform()
  resetPage()
  answer(LIST, ok({ checkIns: [] }))
})

/** The check-in page: its hook, and the code card drawn from the hook's field. */
function renderCheckInPage() {
  const hook = renderHook(() => useCheckIn('self'))
  const card = () =>
    createElement(CodeInput, {
      block: 'page-check-in',
      texts: 'healthCode.checkIn',
      field: hook.result.current.field,
      scanFirst: true,
    })
  const view = render(card())
  const redraw = () => view.rerender(card())
  return { hook, redraw }
}

describe('weapp: 扫一扫', () => {
  inBuild('weapp')

  it('the card offers 扫一扫; a scanned venue code is shown as its venue, and nothing is written yet', async () => {
    scanner.queue.push(CODE)
    answer(PREVIEW, ok(VENUE))
    const { hook } = renderCheckInPage()
    fireEvent.click(screen.getByText(t('healthCode.checkIn.scan')))
    await waitFor(() =>
      expect(hook.result.current.state).toEqual({ status: 'confirming', venueCode: CODE, venue: VENUE }),
    )
    expect(sentTo(PREVIEW).map((r) => r.data)).toEqual([{ venueCode: CODE }])
    expect(sentTo(CHECK_IN)).toEqual([])
  })

  it('a cancelled scan leaves the page as it was', async () => {
    const { hook } = renderCheckInPage()
    fireEvent.click(screen.getByText(t('healthCode.checkIn.scan')))
    await act(async () => undefined)
    expect(hook.result.current.state).toEqual({ status: 'idle' })
    expect(sentTo(PREVIEW)).toEqual([])
  })
})

describe('h5: pasted', () => {
  inBuild('h5')

  it('the card offers 扫一扫 (the camera in the page) beside the box; a pasted venue link is shown as its venue', async () => {
    answer(PREVIEW, ok(VENUE))
    const { hook, redraw } = renderCheckInPage()
    expect(screen.getByText(t('healthCode.checkIn.scan'))).toBeTruthy()
    fireEvent.change(screen.getByRole('textbox'), { target: { value: venueQrText(CODE, 'https://ysx.test') } })
    redraw()
    fireEvent.click(screen.getByText(t('healthCode.checkIn.submit')))
    await waitFor(() => expect(hook.result.current.state.status).toBe('confirming'))
    expect(sentTo(PREVIEW).map((r) => r.data)).toEqual([{ venueCode: CODE }])
  })
})

describe.each<Build>(['h5', 'weapp'])('useCheckIn (%s)', (build) => {
  inBuild(build)

  const opened = async () => {
    answer(PREVIEW, ok(VENUE))
    const { result } = renderHook(() => useCheckIn('self'))
    act(() => result.current.field.onSubmit(CODE))
    await waitFor(() => expect(result.current.state.status).toBe('confirming'))
    return result
  }

  it('确认登记 checks in once at the venue shown, for the holder, and reloads the recent check-ins', async () => {
    answer(CHECK_IN, ok(DONE, 201))
    const result = await opened()
    await waitFor(() => expect(sentTo(LIST)).toHaveLength(1))
    act(() => result.current.confirm())
    await waitFor(() => expect(result.current.state).toEqual({ status: 'done', result: DONE }))
    expect(sentTo(CHECK_IN).map((r) => r.data)).toEqual([{ venueCode: CODE }])
    await waitFor(() => expect(sentTo(LIST)).toHaveLength(2))
  })

  it('取消 goes back to the box and writes nothing', async () => {
    const result = await opened()
    act(() => result.current.cancel())
    expect(result.current.state).toEqual({ status: 'idle' })
    expect(sentTo(CHECK_IN)).toEqual([])
  })

  it('an unknown venue code (VENUE_CODE_INVALID) shows its message and cannot be confirmed', async () => {
    answer(PREVIEW, refusal('VENUE_CODE_INVALID'))
    const { result } = renderHook(() => useCheckIn('self'))
    act(() => result.current.field.onSubmit('YSXV1.forged'))
    await waitFor(() =>
      expect(result.current.state).toEqual({
        status: 'failed',
        code: 'VENUE_CODE_INVALID',
        message: messageOf('VENUE_CODE_INVALID'),
      }),
    )
    act(() => result.current.confirm())
    expect(sentTo(CHECK_IN)).toEqual([])
  })

  it('an empty box asks for a code and sends nothing', async () => {
    const { result } = renderHook(() => useCheckIn('self'))
    act(() => result.current.field.onSubmit('   '))
    await waitFor(() => expect(result.current.state.status).toBe('failed'))
    expect(result.current.state).toEqual({
      status: 'failed',
      code: 'VALIDATION_FAILED',
      message: t('healthCode.checkIn.emptyInput'),
    })
    expect(sentTo(PREVIEW)).toEqual([])
  })

  it('the check-in refused by the BFF shows its message and the recent check-ins are not reloaded', async () => {
    answer(CHECK_IN, refusal('VENUE_CODE_INVALID'))
    const result = await opened()
    await waitFor(() => expect(sentTo(LIST)).toHaveLength(1))
    act(() => result.current.confirm())
    await waitFor(() =>
      expect(result.current.state).toEqual({
        status: 'failed',
        code: 'VENUE_CODE_INVALID',
        message: messageOf('VENUE_CODE_INVALID'),
      }),
    )
    expect(sentTo(LIST)).toHaveLength(1)
  })
})

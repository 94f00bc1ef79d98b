/** @jest-environment jsdom */
// 扫一扫 on the pages that take a QR code (useQrScanner): the weapp opens WeChat's scanner; H5 the camera in the page,
// which stops when a code is read, on 关闭摄像头, when the page hides and when it goes away, and says in words why it
// cannot run (no camera, permission refused). The text read goes where a pasted text goes: the box, then submitted —
// for 扫码签到 that is the venue shown to confirm, for 核验 the check.
import { act, renderHook, waitFor } from '@testing-library/react'
import { useCheckIn } from '../../src/hooks/use-check-in'
import { useQrScanner } from '../../src/hooks/use-qr-scanner'
import { t } from '../../src/i18n'
import { answer, ok, resetBff, sentTo } from '../fake-bff'
import { inBuild, platform, resetPlatform, scanner } from '../platform-double'
import { page, resetPage } from '../taro-page'

jest.mock('@tarojs/taro', () => jest.requireActual<typeof import('../taro-page')>('../taro-page').taroModule)
jest.mock(
  '../../src/platform',
  () => jest.requireActual<typeof import('../platform-double')>('../platform-double').platform,
)

const CODE = `YSXV1.${'a'.repeat(22)}.${'b'.repeat(22)}`

beforeEach(() => {
  resetBff({ signedIn: true })
  resetPlatform()
  resetPage()
})

/** The hook over a field that records what was entered and submitted, its camera's <video> attached. */
function renderScanner() {
  const field = { onInput: jest.fn<void, [string]>(), onSubmit: jest.fn<void, [string?]>() }
  const view = renderHook(() => useQrScanner(field))
  const video = document.createElement('video')
  act(() => view.result.current.attachVideo(video))
  return { view, field, video }
}

async function startScan(view: ReturnType<typeof renderScanner>['view']) {
  act(() => view.result.current.scan())
  await waitFor(() => expect(view.result.current.state.status).not.toBe('starting'))
}

describe('H5: the camera in the page', () => {
  inBuild('h5')

  it('scans in the <video> and enters and submits the text read, with the camera already stopped', async () => {
    const { view, field, video } = renderScanner()
    await startScan(view)
    expect(view.result.current.state).toEqual({ status: 'scanning' })
    expect(scanner.videos).toEqual([video])
    act(() => scanner.see(CODE))
    expect(scanner.stopped).toBe(1)
    expect(view.result.current.state).toEqual({ status: 'closed' })
    expect(field.onInput).toHaveBeenCalledWith(CODE)
    expect(field.onSubmit).toHaveBeenCalledWith(CODE)
    expect(platform.scanQrCode).not.toHaveBeenCalled()
  })

  it('关闭摄像头 stops the camera and enters nothing', async () => {
    const { view, field } = renderScanner()
    await startScan(view)
    act(() => view.result.current.close())
    expect([scanner.started, scanner.stopped]).toEqual([1, 1])
    expect(view.result.current.state).toEqual({ status: 'closed' })
    expect(field.onInput).not.toHaveBeenCalled()
  })

  it('stops the camera when the page goes away or hides', async () => {
    const first = renderScanner()
    await startScan(first.view)
    first.view.unmount()
    expect(scanner.stopped).toBe(1)
    const second = renderScanner()
    await startScan(second.view)
    await page.hide()
    expect(scanner.stopped).toBe(2)
    expect(second.view.result.current.state).toEqual({ status: 'closed' })
  })

  it.each([
    ['no-camera', 'common.scanner.noCamera'],
    ['denied', 'common.scanner.denied'],
    ['failed', 'common.scanner.failed'],
  ] as const)('says in words why the camera cannot run (%s), and nothing runs', async (failure, key) => {
    scanner.failure = failure
    const { view, field } = renderScanner()
    await startScan(view)
    expect(view.result.current.state).toEqual({ status: 'failed', failure, message: t(key) })
    expect(scanner.started).toBe(0)
    expect(field.onSubmit).not.toHaveBeenCalled()
  })

  it('a refused camera can be tried again once allowed', async () => {
    scanner.failure = 'denied'
    const { view } = renderScanner()
    await startScan(view)
    scanner.failure = null
    await startScan(view)
    expect(view.result.current.state).toEqual({ status: 'scanning' })
  })

  it('a scan closed before its camera started is stopped as soon as it starts', async () => {
    const { view } = renderScanner()
    act(() => {
      view.result.current.scan()
    })
    act(() => view.result.current.close())
    await waitFor(() => expect(scanner.stopped).toBe(1))
    expect(view.result.current.state).toEqual({ status: 'closed' })
  })

  it('扫码签到: the venue code read by the camera is shown to confirm, as a pasted one is, and nothing is written', async () => {
    const venue = { name: '测试茶餐厅', areaCode: '440104', area: '广州市越秀区' }
    answer('GET /v1/health-codes/self/check-ins', ok({ checkIns: [] }))
    answer('POST /v1/venues/preview', ok(venue))
    const view = renderHook(() => {
      const checkIn = useCheckIn('self')
      return { checkIn, scan: useQrScanner(checkIn.field) }
    })
    act(() => view.result.current.scan.attachVideo(document.createElement('video')))
    act(() => view.result.current.scan.scan())
    await waitFor(() => expect(view.result.current.scan.state.status).toBe('scanning'))
    act(() => scanner.see(CODE))
    await waitFor(() => expect(view.result.current.checkIn.state.status).toBe('confirming'))
    expect(view.result.current.checkIn.field.value).toBe(CODE)
    expect(view.result.current.checkIn.state).toMatchObject({ venueCode: CODE, venue })
    expect(sentTo('POST /v1/health-codes/self/check-ins')).toEqual([])
  })
})

describe('weapp: WeChat’s scanner', () => {
  inBuild('weapp')

  it('enters and submits what WeChat’s scanner read; no camera opens in the page', async () => {
    scanner.queue.push(CODE)
    const { view, field } = renderScanner()
    act(() => view.result.current.scan())
    await waitFor(() => expect(field.onSubmit).toHaveBeenCalledWith(CODE))
    expect(field.onInput).toHaveBeenCalledWith(CODE)
    expect(platform.startQrScanner).not.toHaveBeenCalled()
    expect(view.result.current.state).toEqual({ status: 'closed' })
  })

  it('a cancelled scan leaves the box as it was', async () => {
    const { view, field } = renderScanner()
    act(() => view.result.current.scan())
    await waitFor(() => expect(platform.scanQrCode).toHaveBeenCalledTimes(1))
    expect(field.onInput).not.toHaveBeenCalled()
    expect(field.onSubmit).not.toHaveBeenCalled()
  })
})

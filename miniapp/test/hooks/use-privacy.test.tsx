/** @jest-environment jsdom */
// 个人信息与隐私 (usePrivacy) in both builds: the copy of my data saved as a file (H5 downloads it, the weapp writes it
// to the app's folder) and closing the account after a confirmation; both need a fresh face check, and back from the
// face page the action that asked runs once more.
import { act, renderHook, waitFor } from '@testing-library/react'
import { usePrivacy } from '../../src/hooks/use-privacy'
import { t } from '../../src/i18n'
import { PAGES } from '../../src/page-paths'
import { EXPORT_FILE } from '../../src/services/privacy'
import { readTokens } from '../../src/services/token-store'
import { answer, messageOf, ok, refusal, resetBff, routesSent, sentTo } from '../fake-bff'
import { type Build, device, inBuild, resetPlatform, USER_DATA_PATH } from '../platform-double'
import { navigation, page, resetPage } from '../taro-page'

jest.mock('@tarojs/taro', () => jest.requireActual<typeof import('../taro-page')>('../taro-page').taroModule)
jest.mock(
  '../../src/platform',
  () => jest.requireActual<typeof import('../platform-double')>('../platform-double').platform,
)

const EXPORT = 'POST /v1/me/personal-data/export'
const CLOSE = 'POST /v1/me/close-account'
const STEP_UP_PAGE = `${PAGES.face}?purpose=step-up&from=privacy`
const COPY = {
  format: 'ysx-personal-data/1',
  exportedAt: '2026-11-23T08:00:00.000Z',
  account: {
    userId: '3f2b1c4e-8a9d-4e2f-9b1a-2c3d4e5f6a7b',
    level: 'real_name',
    name: '张三',
    idNumber: '44010619900307116X',
    phone: '13800000000',
    createdAt: '2026-01-01T00:00:00.000Z',
    realNameAt: '2026-01-01T00:05:00.000Z',
    lastFaceVerifiedAt: '2026-11-23T07:59:00.000Z',
  },
  sessions: [],
  wallet: { credentials: [], presentations: [] },
  healthCode: { family: [], familyOf: [], declarations: [], checkIns: [], venues: [], appeals: [], statuses: [] },
  feedback: [],
  services: { favourites: [], recent: [] },
  audit: [],
  dataUse: [],
}

beforeEach(() => {
  resetBff()
  resetPlatform()
  resetPage()
})

describe.each<[Build, string, string]>([
  ['h5', EXPORT_FILE, t('privacy.downloaded', { file: EXPORT_FILE })],
  ['weapp', `${USER_DATA_PATH}/${EXPORT_FILE}`, t('privacy.saved', { file: `${USER_DATA_PATH}/${EXPORT_FILE}` })],
])('usePrivacy (%s)', (build, where, notice) => {
  inBuild(build)

  it('下载我的数据 saves the copy as JSON where this build keeps files and says where it went', async () => {
    answer(EXPORT, ok(COPY))
    const { result } = renderHook(() => usePrivacy())
    act(() => result.current.download())
    expect(result.current.busy).toBe('download')
    await waitFor(() => expect(result.current.notice).toBe(notice))
    expect(JSON.parse(device.files.get(where) ?? 'null')).toEqual(COPY)
    expect([...device.files.keys()]).toEqual([where])
    expect(result.current.busy).toBeNull()
  })

  it('STEP_UP_REQUIRED opens the face page; back from a passed check the copy is saved', async () => {
    answer(EXPORT, refusal('STEP_UP_REQUIRED'), ok(COPY))
    const { result } = renderHook(() => usePrivacy())
    act(() => result.current.download())
    await waitFor(() => expect(page.urls('navigateTo')).toEqual([STEP_UP_PAGE]))
    expect(result.current.failure).toBeNull()
    await page.show()
    await waitFor(() => expect(result.current.notice).toBe(notice))
    expect(device.files.has(where)).toBe(true)
  })

  it('back from a failed face check, the refusal is shown and the face page is not opened again', async () => {
    answer(EXPORT, refusal('STEP_UP_REQUIRED'))
    const { result } = renderHook(() => usePrivacy())
    act(() => result.current.download())
    await waitFor(() => expect(page.urls('navigateTo')).toHaveLength(1))
    await page.show()
    await waitFor(() => expect(result.current.failure).toBe(messageOf('STEP_UP_REQUIRED')))
    expect(page.urls('navigateTo')).toHaveLength(1)
    expect(device.files.size).toBe(0)
  })

  it('a page shown without a pending face check runs nothing', async () => {
    renderHook(() => usePrivacy())
    await page.show()
    expect(routesSent().filter((r) => r === EXPORT || r === CLOSE)).toEqual([])
  })

  it('注销账号 asks first; cancelled, nothing is sent', async () => {
    page.answerModals(false)
    const { result } = renderHook(() => usePrivacy())
    act(() => result.current.close())
    await waitFor(() => expect(navigation.showModal).toHaveBeenCalledTimes(1))
    expect(navigation.showModal.mock.calls[0]?.[0]).toMatchObject({ title: t('privacy.confirmTitle') })
    expect(sentTo(CLOSE)).toEqual([])
    expect(readTokens()).not.toBeNull()
  })

  it('注销账号 confirmed: sends the confirmation, forgets the session, says so and restarts at 我的', async () => {
    answer(CLOSE, ok({ closedAt: '2026-11-23T08:00:00.000Z' }))
    const { result } = renderHook(() => usePrivacy())
    act(() => result.current.close())
    await waitFor(() => expect(page.urls('reLaunch')).toEqual([PAGES.me]))
    expect(sentTo(CLOSE).map((r) => r.data)).toEqual([{ confirm: true }])
    expect(readTokens()).toBeNull()
    expect(navigation.showModal.mock.calls[1]?.[0]).toMatchObject({ title: t('privacy.closedTitle') })
  })

  it('注销账号 after a face check: back from it, closes without asking for confirmation again', async () => {
    answer(CLOSE, refusal('STEP_UP_REQUIRED'), ok({ closedAt: '2026-11-23T08:00:00.000Z' }))
    const { result } = renderHook(() => usePrivacy())
    act(() => result.current.close())
    await waitFor(() => expect(page.urls('navigateTo')).toEqual([STEP_UP_PAGE]))
    await page.show()
    await waitFor(() => expect(page.urls('reLaunch')).toEqual([PAGES.me]))
    expect(navigation.showModal).toHaveBeenCalledTimes(2)
    expect(sentTo(CLOSE)).toHaveLength(2)
  })

  it('an account already closed (ACCOUNT_CLOSED): its message, no restart', async () => {
    answer(CLOSE, refusal('ACCOUNT_CLOSED'))
    const { result } = renderHook(() => usePrivacy())
    act(() => result.current.close())
    await waitFor(() => expect(result.current.failure).toBe(messageOf('ACCOUNT_CLOSED')))
    expect(page.urls('reLaunch')).toEqual([])
  })
})

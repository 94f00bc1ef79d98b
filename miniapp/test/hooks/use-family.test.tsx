/** @jest-environment jsdom */
// 代亲友 (useFamily) in both builds (the member's face check on this phone takes the platform's camera photo): the add
// form checked against the contract, each way of consenting, the carer's own step-up, removal and withdrawal only
// after a confirmation, and the member's side (accepting a request).
import { act, renderHook, waitFor } from '@testing-library/react'
import { FAMILY_CONSENT_VERSION } from '@ysx/shared'
import { useCamera } from '../../src/hooks/use-camera'
import { useFamily } from '../../src/hooks/use-family'
import { t } from '../../src/i18n'
import { PAGES } from '../../src/page-paths'
import { answer, messageOf, ok, refusal, resetBff, sentTo } from '../fake-bff'
import { type Build, camera, inBuild, resetPlatform } from '../platform-double'
import { navigation, page, resetPage } from '../taro-page'

jest.mock('@tarojs/taro', () => jest.requireActual<typeof import('../taro-page')>('../taro-page').taroModule)
jest.mock(
  '../../src/platform',
  () => jest.requireActual<typeof import('../platform-double')>('../platform-double').platform,
)

const NOW = Date.parse('2026-11-23T08:00:00.000Z')
const ADD = 'POST /v1/family'
const CHALLENGE = 'POST /v1/family/face-challenges'
const MEMBER_ID = 'm_0123456789abcdef'
const MEMBER = {
  id: MEMBER_ID,
  maskedName: '*四',
  relation: 'parent',
  status: 'pending',
  consentVersion: FAMILY_CONSENT_VERSION,
  consentMethod: 'member',
  addedAt: '2026-11-23T08:00:00.000Z',
}
const REQUEST = {
  id: MEMBER_ID,
  askedBy: '*三',
  relation: 'child',
  status: 'pending',
  consentMethod: 'member',
  consentVersion: FAMILY_CONSENT_VERSION,
  requestedAt: '2026-11-23T07:00:00.000Z',
}
const challenge = (n: number) => ({
  verifyId: `0b6f2c1e-4a5d-4e8f-9a1b-00000000000${n}`,
  digits: `73${n}1`,
  expiresAt: new Date(NOW + 120_000).toISOString(),
  purpose: 'family_consent',
})

beforeEach(() => {
  jest.useFakeTimers({ now: NOW })
  resetBff()
  resetPlatform()
  resetPage()
  answer('GET /v1/family', ok({ members: [] }), ok({ members: [MEMBER] }))
  answer('GET /v1/family/requests', ok({ requests: [REQUEST] }))
})
afterEach(() => jest.useRealTimers())

const fillMember = (result: { current: ReturnType<typeof useFamily> }, method: 'member' | 'face' = 'member') => {
  act(() => result.current.inputs.set('name', ' 李四 '))
  act(() => result.current.inputs.set('idNumber', '44010619900307116x'))
  act(() => result.current.setFields({ relation: 'parent', method, accepted: true }))
}

describe.each<Build>(['h5', 'weapp'])('useFamily (%s)', (build) => {
  inBuild(build)

  it('loads my members and the requests naming me when the page shows', async () => {
    const { result } = renderHook(() => useFamily())
    await page.show()
    await waitFor(() =>
      expect(result.current.requests.state).toEqual({ status: 'ready', data: { requests: [REQUEST] } }),
    )
    expect(result.current.members.state).toEqual({ status: 'empty' })
  })

  it('without the consent tick or a valid ID number: their messages, nothing sent', async () => {
    const { result } = renderHook(() => useFamily())
    act(() => result.current.inputs.set('name', '李四'))
    act(() => result.current.inputs.set('idNumber', '440106199003071161'))
    act(() => result.current.submit())
    await waitFor(() =>
      expect(result.current.errors).toEqual({
        idNumber: t('healthCode.family.idNumberInvalid'),
        consent: t('healthCode.family.consentRequired'),
      }),
    )
    expect(sentTo(ADD)).toEqual([])
  })

  it('adds a member who confirms from their own account: the trimmed, upper-cased input and the consent version', async () => {
    answer(ADD, ok(MEMBER, 201))
    const { result } = renderHook(() => useFamily())
    await page.show()
    fillMember(result)
    act(() => result.current.submit())
    await waitFor(() => expect(result.current.notice).toBe(t('healthCode.family.requested')))
    expect(sentTo(ADD).map((r) => r.data)).toEqual([
      {
        name: '李四',
        idNumber: '44010619900307116X',
        relation: 'parent',
        consent: { accepted: true, method: 'member', version: FAMILY_CONSENT_VERSION },
      },
    ])
    expect(result.current.fields).toMatchObject({ name: '', idNumber: '', accepted: false })
    await waitFor(() => expect(result.current.members.state.status).toBe('ready'))
  })

  it('consent by face on this phone: sends the challenge and the camera’s photo with the digits', async () => {
    camera.photo = 'RkFDRQ'
    answer(CHALLENGE, ok(challenge(1), 201))
    answer(ADD, ok({ ...MEMBER, status: 'active', consentMethod: 'face' }, 201))
    const { result } = renderHook(() => ({ family: useFamily(), camera: useCamera() }))
    fillMember(
      {
        get current() {
          return result.current.family
        },
      },
      'face',
    )
    await waitFor(() => expect(result.current.family.face.challenge).not.toBeNull())
    await waitFor(() => expect(result.current.camera.mode).toBe('live'))
    act(() => result.current.family.submit(result.current.camera.capture))
    await waitFor(() => expect(result.current.family.notice).toBe(t('healthCode.family.added')))
    expect(sentTo(ADD).map((r) => (r.data as { face: unknown }).face)).toEqual([
      {
        verifyId: challenge(1).verifyId,
        sample: { kind: 'camera', image: 'RkFDRQ', spokenDigits: challenge(1).digits },
      },
    ])
  })

  it('consent by face, refused (FACE_NOT_MATCHED): its message, and new digits since a challenge is single use', async () => {
    answer(CHALLENGE, ok(challenge(1), 201), ok(challenge(2), 201))
    answer(ADD, refusal('FACE_NOT_MATCHED'))
    const { result } = renderHook(() => ({ family: useFamily(), camera: useCamera() }))
    fillMember(
      {
        get current() {
          return result.current.family
        },
      },
      'face',
    )
    await waitFor(() => expect(result.current.family.face.challenge?.verifyId).toBe(challenge(1).verifyId))
    await waitFor(() => expect(result.current.camera.mode).toBe('live'))
    act(() => result.current.family.submit(result.current.camera.capture))
    await waitFor(() => expect(result.current.family.failure).toBe(messageOf('FACE_NOT_MATCHED')))
    await waitFor(() => expect(result.current.family.face.challenge?.verifyId).toBe(challenge(2).verifyId))
  })

  it('consent by face once the digits have expired: asks for the face check and sends nothing', async () => {
    answer(CHALLENGE, ok(challenge(1), 201))
    const { result } = renderHook(() => ({ family: useFamily(), camera: useCamera() }))
    fillMember(
      {
        get current() {
          return result.current.family
        },
      },
      'face',
    )
    await waitFor(() => expect(result.current.family.face.challenge).not.toBeNull())
    await act(() => jest.advanceTimersByTimeAsync(120_000))
    expect(result.current.family.face.secondsLeft).toBe(0)
    act(() => result.current.family.submit(result.current.camera.capture))
    expect(result.current.family.failure).toBe(t('healthCode.family.faceRequired'))
    expect(sentTo(ADD)).toEqual([])
  })

  it('the carer’s own step-up: the face page opens, and back from it the member is added', async () => {
    answer(ADD, refusal('STEP_UP_REQUIRED'), ok(MEMBER, 201))
    const { result } = renderHook(() => useFamily())
    fillMember(result)
    act(() => result.current.submit())
    await waitFor(() => expect(page.urls('navigateTo')).toEqual([`${PAGES.face}?purpose=step-up&from=wallet`]))
    await page.show()
    await waitFor(() => expect(result.current.notice).toBe(t('healthCode.family.requested')))
    expect(sentTo(ADD)).toHaveLength(2)
  })

  it.each(['FAMILY_MEMBER_EXISTS', 'FAMILY_LIMIT_REACHED'] as const)('refused with %s: its message', async (code) => {
    answer(ADD, refusal(code))
    const { result } = renderHook(() => useFamily())
    fillMember(result)
    act(() => result.current.submit())
    await waitFor(() => expect(result.current.failure).toBe(messageOf(code)))
    expect(result.current.notice).toBeNull()
  })

  it('removes a member only after the confirmation', async () => {
    answer(`DELETE /v1/family/${MEMBER_ID}`, ok(null, 204))
    page.answerModals(false, true)
    const { result } = renderHook(() => useFamily())
    act(() => result.current.remove(MEMBER as Parameters<typeof result.current.remove>[0]))
    await waitFor(() => expect(navigation.showModal).toHaveBeenCalledTimes(1))
    expect(sentTo(`DELETE /v1/family/${MEMBER_ID}`)).toEqual([])
    act(() => result.current.remove(MEMBER as Parameters<typeof result.current.remove>[0]))
    await waitFor(() => expect(result.current.notice).toBe(t('healthCode.family.removed')))
    expect(sentTo(`DELETE /v1/family/${MEMBER_ID}`)).toHaveLength(1)
  })

  it('the member’s side: accepts a request, and declines one after the confirmation', async () => {
    answer(`POST /v1/family/requests/${MEMBER_ID}/accept`, ok({ ...REQUEST, status: 'active' }))
    answer(`DELETE /v1/family/requests/${MEMBER_ID}`, ok(null, 204))
    const { result } = renderHook(() => useFamily())
    const request = REQUEST as Parameters<typeof result.current.accept>[0]
    act(() => result.current.accept(request))
    await waitFor(() => expect(result.current.notice).toBe(t('healthCode.family.accepted')))
    act(() => result.current.withdraw(request))
    await waitFor(() => expect(result.current.notice).toBe(t('healthCode.family.withdrawn')))
    expect(navigation.showModal.mock.calls[0]?.[0]).toMatchObject({ confirmText: t('healthCode.family.decline') })
  })
})

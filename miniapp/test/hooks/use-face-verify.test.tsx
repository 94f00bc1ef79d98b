/** @jest-environment jsdom */
// The face-verify page's hooks together, as the page uses them, in both builds: useCamera (H5 getUserMedia, weapp
// <Camera>, the stand-in sample where neither runs) feeding useFaceVerify (the digit challenge and its countdown, the
// name and ID number checked before anything is sent, a challenge spent by any answer from the face check).
import { act, renderHook, waitFor } from '@testing-library/react'
import { type CapturedSample, useCamera } from '../../src/hooks/use-camera'
import { useFaceVerify } from '../../src/hooks/use-face-verify'
import { t } from '../../src/i18n'
import { answer, messageOf, ok, refusal, resetBff, sentTo } from '../fake-bff'
import { type Build, camera, inBuild, platform, resetPlatform } from '../platform-double'
import { page, resetPage } from '../taro-page'

jest.mock('@tarojs/taro', () => jest.requireActual<typeof import('../taro-page')>('../taro-page').taroModule)
jest.mock(
  '../../src/platform',
  () => jest.requireActual<typeof import('../platform-double')>('../platform-double').platform,
)

const NOW = Date.parse('2026-11-23T08:00:00.000Z')
const START = 'POST /v1/face/challenges'
const VERIFY = 'POST /v1/face/verifications'
const NAME = '张三'
const ID_NUMBER = '44010619900307116X'
const challenge = (purpose: 'real_name' | 'step_up', n = 1) => ({
  verifyId: `0b6f2c1e-4a5d-4e8f-9a1b-00000000000${n}`,
  digits: `48${n}7`,
  expiresAt: new Date(NOW + 120_000).toISOString(),
  purpose,
})
const VERIFIED = {
  userId: '3f2b1c4e-8a9d-4e2f-9b1a-2c3d4e5f6a7b',
  level: 'real_name',
  name: '*三',
  idNumber: '440***********116X',
  phone: '138****0000',
  realNameAt: '2026-11-23T08:00:00.000Z',
  lastFaceVerifiedAt: '2026-11-23T08:00:00.000Z',
}

beforeEach(() => {
  jest.useFakeTimers({ now: NOW })
  resetBff()
  resetPlatform()
  resetPage()
})
afterEach(() => jest.useRealTimers())

/** The page: the camera and the face check, with the camera's capture handed to submit. */
function renderFacePage() {
  const onVerified = jest.fn()
  const view = renderHook(() => ({ camera: useCamera(), face: useFaceVerify(onVerified) }))
  return { ...view, onVerified }
}

const submit = async (current: { camera: ReturnType<typeof useCamera>; face: ReturnType<typeof useFaceVerify> }) =>
  act(() => current.face.submit(current.camera.capture))

describe.each<Build>(['h5', 'weapp'])('useCamera (%s)', (build) => {
  inBuild(build)

  it('opens the front camera once the page shows and takes the camera’s photo as the sample', async () => {
    camera.photo = 'SlBFRw'
    const { result } = renderHook(() => useCamera())
    await waitFor(() => expect(result.current.mode).toBe('live'))
    expect(camera.opened).toBe(1)
    await expect(result.current.capture()).resolves.toEqual({ kind: 'camera', image: 'SlBFRw' })
  })

  it('without the camera (denied or absent) falls back to the labelled stand-in sample', async () => {
    camera.allowed = false
    const { result } = renderHook(() => useCamera())
    await waitFor(() => expect(result.current.mode).toBe('standin'))
    await expect(result.current.capture()).resolves.toEqual({ kind: 'standin', image: '' })
  })

  it('a failed photo is a CameraError saying the camera is not ready', async () => {
    camera.photo = null
    const { result } = renderHook(() => useCamera())
    await waitFor(() => expect(result.current.mode).toBe('live'))
    await expect(result.current.capture()).rejects.toMatchObject({
      name: 'CameraError',
      message: t('face.cameraNotReady'),
    })
  })

  it('a photo over the contract’s 400,000 characters is refused with the too-large message, not sent', async () => {
    camera.photo = 'A'.repeat(400_001)
    const { result } = renderHook(() => useCamera())
    await waitFor(() => expect(result.current.mode).toBe('live'))
    await expect(result.current.capture()).rejects.toMatchObject({ message: t('errors.PAYLOAD_TOO_LARGE') })
    camera.photo = 'A'.repeat(400_000)
    await expect(result.current.capture()).resolves.toMatchObject({ kind: 'camera' })
  })

  it('before the camera has started, capture says it is not ready', async () => {
    let open: (feed: { stream: null; stop: () => void }) => void = () => undefined
    platform.openFrontCamera.mockImplementationOnce(() => new Promise((resolve) => (open = resolve)))
    const { result } = renderHook(() => useCamera())
    expect(result.current.mode).toBe('starting')
    await expect(result.current.capture()).rejects.toMatchObject({ message: t('face.cameraNotReady') })
    await act(async () => open({ stream: null, stop: () => undefined }))
    expect(result.current.mode).toBe('live')
  })

  it('stops the camera when the page hides and opens it again when the page shows', async () => {
    const { result } = renderHook(() => useCamera())
    await waitFor(() => expect(result.current.mode).toBe('live'))
    await page.hide()
    expect(camera.stopped).toBe(1)
    await page.show()
    await waitFor(() => expect(camera.opened).toBe(2))
    expect(result.current.mode).toBe('live')
  })
})

describe('useCamera: what differs between the builds', () => {
  describe('h5', () => {
    inBuild('h5')

    it('plays the camera’s stream in the <video> the page mounts', async () => {
      const { result } = renderHook(() => useCamera())
      await waitFor(() => expect(result.current.mode).toBe('live'))
      const video = document.createElement('video')
      act(() => result.current.attachVideo(video))
      expect(camera.played).toEqual([video])
    })
  })

  describe('weapp', () => {
    inBuild('weapp')

    it('when the <Camera> component reports it cannot run, switches to the stand-in sample', async () => {
      const { result } = renderHook(() => useCamera())
      await waitFor(() => expect(result.current.mode).toBe('live'))
      act(() => result.current.cameraFailed())
      expect(result.current.mode).toBe('standin')
      await expect(result.current.capture()).resolves.toEqual({ kind: 'standin', image: '' })
    })
  })
})

describe.each<Build>(['h5', 'weapp'])('useFaceVerify with the camera (%s)', (build) => {
  inBuild(build)

  it('real-name binding: checks the name and ID number locally and sends nothing while they are invalid', async () => {
    answer(START, ok(challenge('real_name'), 201))
    const { result } = renderFacePage()
    await waitFor(() => expect(result.current.camera.mode).toBe('live'))
    await waitFor(() => expect(result.current.face.challenge?.purpose).toBe('real_name'))
    expect(result.current.face.needsIdentity).toBe(true)
    act(() => result.current.face.inputs.set('name', 'Zhang San'))
    act(() => result.current.face.inputs.set('idNumber', '440106199003071161'))
    await submit(result.current)
    expect(result.current.face.errors).toEqual({
      name: t('face.nameInvalid'),
      idNumber: t('face.idNumberInvalid'),
    })
    expect(sentTo(VERIFY)).toEqual([])
  })

  it('real-name binding: sends the challenge id, name, ID number and the photo with the digits, then clears them', async () => {
    camera.photo = 'UEhPVE8'
    answer(START, ok(challenge('real_name'), 201))
    answer(VERIFY, ok(VERIFIED))
    const { result, onVerified } = renderFacePage()
    await waitFor(() => expect(result.current.face.challenge).not.toBeNull())
    await waitFor(() => expect(result.current.camera.mode).toBe('live'))
    act(() => result.current.face.setName(NAME))
    act(() => result.current.face.setIdNumber(ID_NUMBER))
    await submit(result.current)
    expect(sentTo(VERIFY).map((r) => r.data)).toEqual([
      {
        verifyId: challenge('real_name').verifyId,
        name: NAME,
        idNumber: ID_NUMBER,
        sample: { kind: 'camera', image: 'UEhPVE8', spokenDigits: challenge('real_name').digits },
      },
    ])
    expect(onVerified).toHaveBeenCalledTimes(1)
    expect(result.current.face.inputs.values).toEqual({ name: '', idNumber: '' })
  })

  it('step-up of a real-name citizen: the face alone, no name or ID number asked or sent', async () => {
    answer(START, ok(challenge('step_up'), 201))
    answer(VERIFY, ok(VERIFIED))
    const { result, onVerified } = renderFacePage()
    await waitFor(() => expect(result.current.face.challenge?.purpose).toBe('step_up'))
    await waitFor(() => expect(result.current.camera.mode).toBe('live'))
    expect(result.current.face.needsIdentity).toBe(false)
    await submit(result.current)
    expect(sentTo(VERIFY).map((r) => r.data)).toEqual([
      {
        verifyId: challenge('step_up').verifyId,
        sample: { kind: 'camera', image: 'AAAA', spokenDigits: challenge('step_up').digits },
      },
    ])
    expect(onVerified).toHaveBeenCalledTimes(1)
  })

  it.each([
    'FACE_NOT_MATCHED',
    'FACE_LIVENESS_FAILED',
    'FACE_DIGITS_MISMATCH',
    'FACE_IDENTITY_MISMATCH',
    'FACE_ATTEMPTS_EXCEEDED',
    'IDENTITY_ALREADY_BOUND',
    'UPSTREAM_UNAVAILABLE',
  ] as const)('the face check answers %s: its message is shown and the challenge is spent', async (code) => {
    answer(START, ok(challenge('step_up'), 201))
    answer(VERIFY, refusal(code))
    const { result, onVerified } = renderFacePage()
    await waitFor(() => expect(result.current.face.challenge).not.toBeNull())
    await waitFor(() => expect(result.current.camera.mode).toBe('live'))
    await submit(result.current)
    expect(result.current.face.failure).toEqual({ code, message: messageOf(code) })
    expect(result.current.face.failure?.message).not.toContain(code)
    expect(result.current.face.spent).toBe(true)
    await submit(result.current)
    expect(sentTo(VERIFY)).toHaveLength(1)
    expect(onVerified).not.toHaveBeenCalled()
  })

  it('a spent challenge is replaced by a new one on request, which can then be answered', async () => {
    answer(START, ok(challenge('step_up', 1), 201), ok(challenge('step_up', 2), 201))
    answer(VERIFY, refusal('FACE_NOT_MATCHED'), ok(VERIFIED))
    const { result, onVerified } = renderFacePage()
    await waitFor(() => expect(result.current.face.challenge).not.toBeNull())
    await waitFor(() => expect(result.current.camera.mode).toBe('live'))
    await submit(result.current)
    await act(() => result.current.face.newChallenge())
    expect(result.current.face.spent).toBe(false)
    await submit(result.current)
    expect(sentTo(VERIFY).map((r) => (r.data as { verifyId: string }).verifyId)).toEqual([
      challenge('step_up', 1).verifyId,
      challenge('step_up', 2).verifyId,
    ])
    expect(onVerified).toHaveBeenCalledTimes(1)
  })

  it('the BFF refuses the ID number (VALIDATION_FAILED): the field’s message, and the challenge is still good', async () => {
    answer(START, ok(challenge('real_name'), 201))
    answer(VERIFY, refusal('VALIDATION_FAILED', [{ path: 'body.idNumber', message: 'invalid' }]), ok(VERIFIED))
    const { result, onVerified } = renderFacePage()
    await waitFor(() => expect(result.current.face.challenge).not.toBeNull())
    await waitFor(() => expect(result.current.camera.mode).toBe('live'))
    act(() => result.current.face.setName(NAME))
    act(() => result.current.face.setIdNumber(ID_NUMBER))
    await submit(result.current)
    expect(result.current.face.errors).toEqual({ idNumber: t('face.idNumberInvalid') })
    expect(result.current.face.spent).toBe(false)
    await submit(result.current)
    expect(onVerified).toHaveBeenCalledTimes(1)
  })

  it('the BFF cannot be reached: the network message, and the same challenge can be sent again', async () => {
    answer(START, ok(challenge('step_up'), 201))
    answer(VERIFY, 'unreachable', ok(VERIFIED))
    const { result, onVerified } = renderFacePage()
    await waitFor(() => expect(result.current.face.challenge).not.toBeNull())
    await waitFor(() => expect(result.current.camera.mode).toBe('live'))
    await submit(result.current)
    expect(result.current.face.failure).toEqual({ code: 'NETWORK_ERROR', message: t('common.networkError') })
    expect(result.current.face.spent).toBe(false)
    await submit(result.current)
    expect(sentTo(VERIFY)).toHaveLength(2)
    expect(onVerified).toHaveBeenCalledTimes(1)
  })

  it('a photo that fails is shown as a camera failure and nothing is sent', async () => {
    camera.photo = null
    answer(START, ok(challenge('step_up'), 201))
    const { result } = renderFacePage()
    await waitFor(() => expect(result.current.face.challenge).not.toBeNull())
    await waitFor(() => expect(result.current.camera.mode).toBe('live'))
    await submit(result.current)
    expect(result.current.face.failure).toEqual({ code: 'CAMERA', message: t('face.cameraNotReady') })
    expect(sentTo(VERIFY)).toEqual([])
  })

  it('counts the challenge down on the BFF’s clock and sends nothing once it has expired', async () => {
    answer(START, ok(challenge('step_up'), 201))
    const { result } = renderFacePage()
    await waitFor(() => expect(result.current.face.challenge).not.toBeNull())
    await waitFor(() => expect(result.current.camera.mode).toBe('live'))
    expect(result.current.face.secondsLeft).toBe(120)
    await act(() => jest.advanceTimersByTimeAsync(119_000))
    expect(result.current.face).toMatchObject({ secondsLeft: 1, expired: false })
    await act(() => jest.advanceTimersByTimeAsync(1_000))
    expect(result.current.face).toMatchObject({ secondsLeft: 0, expired: true })
    await submit(result.current)
    expect(sentTo(VERIFY)).toEqual([])
  })
})

describe('useFaceVerify: no challenge', () => {
  inBuild('h5')

  it('when the BFF limits new challenges (RATE_LIMITED), shows its message and nothing to answer', async () => {
    answer(START, refusal('RATE_LIMITED'))
    const { result } = renderHook(() => useFaceVerify(jest.fn()))
    await waitFor(() => expect(result.current.loading).toBe(false))
    expect(result.current.challenge).toBeNull()
    expect(result.current.failure).toEqual({ code: 'RATE_LIMITED', message: messageOf('RATE_LIMITED') })
    const capture = jest.fn(async (): Promise<CapturedSample> => ({ kind: 'standin', image: '' }))
    await act(() => result.current.submit(capture))
    expect(capture).not.toHaveBeenCalled()
    expect(sentTo(VERIFY)).toEqual([])
  })
})

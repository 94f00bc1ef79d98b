/** @jest-environment jsdom */
// 卡包 hooks: 亮证 (usePresentation: the device key, a kept credential, a QR signed again every 30 s, the step-up
// round trip), the card's reveal (useWalletCard), the step-up hand-over (step-up.ts) and the lists (useWallet,
// usePresentationLog). The device key lives in the platform's storage, so 亮证 runs in both builds.
import { act, renderHook, waitFor } from '@testing-library/react'
import { credentialHash, decodeJws, nobleEs256Verify } from '@ysx/shared/credential'
import { askForStepUp, takeStepUp } from '../../src/hooks/step-up'
import { REFRESH_SECONDS, usePresentation } from '../../src/hooks/use-presentation'
import { usePresentationLog, useWalletCard } from '../../src/hooks/use-wallet-card'
import { useWallet } from '../../src/hooks/use-wallet'
import { t } from '../../src/i18n'
import { PAGES } from '../../src/page-paths'
import { answer, messageOf, ok, refusal, resetBff, sentTo } from '../fake-bff'
import { type Build, inBuild, platform, resetPlatform, storedPublicJwk } from '../platform-double'
import { page, resetPage } from '../taro-page'

jest.mock('@tarojs/taro', () => jest.requireActual<typeof import('../taro-page')>('../taro-page').taroModule)
jest.mock(
  '../../src/platform',
  () => jest.requireActual<typeof import('../platform-double')>('../platform-double').platform,
)

const NOW = Date.parse('2026-11-23T08:00:00.000Z')
const CARD = 'card_0123456789abcdef'
const ISSUE = `POST /v1/wallet/${CARD}/credentials`
const REVEAL = `POST /v1/wallet/${CARD}/reveal`
const STEP_UP_PAGE = `${PAGES.face}?purpose=step-up&from=wallet`
const ISSUED = {
  credential: 'eyJhbGciOiJFUzI1NiJ9.eyJjIjoiMSJ9.c2ln',
  credentialId: 'cred-1',
  profile: 'hotel',
  disclosed: { name: '张三' },
  expiresAt: new Date(NOW + 24 * 3600_000).toISOString(),
}
const CARD_DETAIL = {
  id: CARD,
  type: 'id_card',
  title: '居民身份证',
  department: 'gongan',
  status: 'valid',
  number: '440***********116X',
  holderName: '*三',
  issueDate: '2020-01-01',
  expiryDate: '2040-01-01',
  issuingAuthority: '广州市公安局',
  fields: [],
}
const REVEALED = {
  number: '44010619900307116X',
  holderName: '张三',
  issuingAuthority: '广州市公安局越秀分局',
  fields: [],
}

beforeEach(() => {
  jest.useFakeTimers({ now: NOW })
  resetBff()
  resetPlatform()
  resetPage()
  // A step-up left pending by a test must not reach the next one.
  takeStepUp(`present:${CARD}:hotel`)
  takeStepUp(`reveal:${CARD}`)
})
afterEach(() => jest.useRealTimers())

const ready = (state: ReturnType<typeof usePresentation>['state']) => {
  if (state.status !== 'ready') throw new Error(`not ready: ${state.status}`)
  return state
}

describe.each<Build>(['h5', 'weapp'])('usePresentation (%s)', (build) => {
  inBuild(build)

  it('makes the device key once and asks for a credential bound to its public key, for the profile shown', async () => {
    answer(ISSUE, ok(ISSUED, 201))
    const { result } = renderHook(() => usePresentation(CARD, 'hotel'))
    await waitFor(() => expect(result.current.state.status).toBe('ready'))
    expect(platform.writeDeviceKey).toHaveBeenCalledTimes(1)
    const publicJwk = storedPublicJwk()
    expect(sentTo(ISSUE).map((r) => r.data)).toEqual([{ profile: 'hotel', deviceKey: publicJwk }])
  })

  it('the QR text is the credential with a proof this device’s key signed over it, made now', async () => {
    answer(ISSUE, ok(ISSUED, 201))
    const { result } = renderHook(() => usePresentation(CARD, 'hotel'))
    await waitFor(() => expect(result.current.state.status).toBe('ready'))
    const { text, secondsLeft } = ready(result.current.state)
    const [credential, proof] = text.split('~')
    expect(credential).toBe(ISSUED.credential)
    const decoded = decodeJws(proof ?? '')
    expect(decoded?.payload).toMatchObject({ i: NOW / 1000, h: credentialHash(ISSUED.credential) })
    const publicJwk = storedPublicJwk()
    expect(nobleEs256Verify(publicJwk, decoded?.signingInput ?? '', decoded?.signature ?? new Uint8Array())).toBe(true)
    expect(secondsLeft).toBe(REFRESH_SECONDS)
  })

  it('signs a new QR every 30 s with the same credential, counting the seconds down in between', async () => {
    answer(ISSUE, ok(ISSUED, 201))
    const { result } = renderHook(() => usePresentation(CARD, 'hotel'))
    await waitFor(() => expect(result.current.state.status).toBe('ready'))
    const first = ready(result.current.state).text
    await act(() => jest.advanceTimersByTimeAsync(29_000))
    expect(ready(result.current.state)).toMatchObject({ text: first, secondsLeft: 1 })
    await act(() => jest.advanceTimersByTimeAsync(1_000))
    const second = ready(result.current.state)
    expect(second.text).not.toBe(first)
    expect(second.text.split('~')[0]).toBe(ISSUED.credential)
    expect(second.secondsLeft).toBe(REFRESH_SECONDS)
    expect(sentTo(ISSUE)).toHaveLength(1)
  })

  it('keeps the credential on the phone: showing the card again asks the BFF for nothing (works offline)', async () => {
    answer(ISSUE, ok(ISSUED, 201))
    const first = renderHook(() => usePresentation(CARD, 'hotel'))
    await waitFor(() => expect(first.result.current.state.status).toBe('ready'))
    first.unmount()
    answer(ISSUE, 'unreachable')
    const again = renderHook(() => usePresentation(CARD, 'hotel'))
    await waitFor(() => expect(again.result.current.state.status).toBe('ready'))
    expect(sentTo(ISSUE)).toHaveLength(1)
    expect(ready(again.result.current.state).issued.credentialId).toBe('cred-1')
  })

  it('stops signing while the page is hidden', async () => {
    answer(ISSUE, ok(ISSUED, 201))
    const { result } = renderHook(() => usePresentation(CARD, 'hotel'))
    await waitFor(() => expect(result.current.state.status).toBe('ready'))
    const shown = ready(result.current.state).text
    await page.hide()
    await act(() => jest.advanceTimersByTimeAsync(90_000))
    expect(ready(result.current.state).text).toBe(shown)
  })

  it('STEP_UP_REQUIRED opens the face page once; back from it, asks once more and shows the refusal if it stays', async () => {
    answer(ISSUE, refusal('STEP_UP_REQUIRED'))
    const { result } = renderHook(() => usePresentation(CARD, 'hotel'))
    await waitFor(() => expect(page.urls('navigateTo')).toEqual([STEP_UP_PAGE]))
    expect(result.current.state.status).toBe('preparing')
    await page.show()
    await waitFor(() => expect(result.current.state.status).toBe('error'))
    expect(result.current.state).toEqual({
      status: 'error',
      code: 'STEP_UP_REQUIRED',
      message: messageOf('STEP_UP_REQUIRED'),
    })
    expect(sentTo(ISSUE)).toHaveLength(2)
    expect(page.urls('navigateTo')).toHaveLength(1)
  })

  it('back from a passed face check, the credential is issued and the QR shown', async () => {
    answer(ISSUE, refusal('STEP_UP_REQUIRED'), ok(ISSUED, 201))
    const { result } = renderHook(() => usePresentation(CARD, 'hotel'))
    await waitFor(() => expect(page.urls('navigateTo')).toEqual([STEP_UP_PAGE]))
    await page.show()
    await waitFor(() => expect(result.current.state.status).toBe('ready'))
  })

  it.each(['CERTIFICATE_NOT_VALID', 'PROFILE_NOT_APPLICABLE', 'NOT_FOUND'] as const)(
    'the BFF refuses with %s: its message is shown, no QR',
    async (code) => {
      answer(ISSUE, refusal(code))
      const { result } = renderHook(() => usePresentation(CARD, 'hotel'))
      await waitFor(() => expect(result.current.state).toEqual({ status: 'error', code, message: messageOf(code) }))
      expect(page.urls('navigateTo')).toEqual([])
    },
  )

  it('without a network and no kept credential: the network message; 重试 asks again', async () => {
    answer(ISSUE, 'unreachable', ok(ISSUED, 201))
    const { result } = renderHook(() => usePresentation(CARD, 'hotel'))
    await waitFor(() =>
      expect(result.current.state).toEqual({
        status: 'error',
        code: 'NETWORK_ERROR',
        message: t('common.networkError'),
      }),
    )
    act(() => result.current.retry())
    await waitFor(() => expect(result.current.state.status).toBe('ready'))
  })
})

describe('useWalletCard', () => {
  inBuild('h5')

  it('loads the masked card', async () => {
    answer(`GET /v1/wallet/${CARD}`, ok(CARD_DETAIL))
    const { result } = renderHook(() => useWalletCard(CARD))
    await waitFor(() => expect(result.current.query.state).toEqual({ status: 'ready', data: CARD_DETAIL }))
    expect(result.current.full).toBeNull()
  })

  it('reveals the full card, and hides it again when the page hides', async () => {
    answer(`GET /v1/wallet/${CARD}`, ok(CARD_DETAIL))
    answer(REVEAL, ok(REVEALED))
    const { result } = renderHook(() => useWalletCard(CARD))
    act(() => result.current.reveal())
    await waitFor(() => expect(result.current.full).toEqual(REVEALED))
    await page.hide()
    expect(result.current.full).toBeNull()
  })

  it('STEP_UP_REQUIRED opens the face page; back from a passed check the card is revealed without asking again', async () => {
    answer(`GET /v1/wallet/${CARD}`, ok(CARD_DETAIL))
    answer(REVEAL, refusal('STEP_UP_REQUIRED'), ok(REVEALED))
    const { result } = renderHook(() => useWalletCard(CARD))
    act(() => result.current.reveal())
    await waitFor(() => expect(page.urls('navigateTo')).toEqual([STEP_UP_PAGE]))
    expect(result.current.failure).toBeNull()
    await page.show()
    await waitFor(() => expect(result.current.full).toEqual(REVEALED))
    expect(sentTo(REVEAL)).toHaveLength(2)
  })

  it('back from a failed face check, the refusal is shown instead of opening the face page again', async () => {
    answer(`GET /v1/wallet/${CARD}`, ok(CARD_DETAIL))
    answer(REVEAL, refusal('STEP_UP_REQUIRED'))
    const { result } = renderHook(() => useWalletCard(CARD))
    act(() => result.current.reveal())
    await waitFor(() => expect(page.urls('navigateTo')).toHaveLength(1))
    await page.show()
    await waitFor(() => expect(result.current.failure).toBe(messageOf('STEP_UP_REQUIRED')))
    expect(page.urls('navigateTo')).toHaveLength(1)
    expect(result.current.full).toBeNull()
  })

  it('another citizen’s card (NOT_FOUND): its message, nothing revealed', async () => {
    answer(`GET /v1/wallet/${CARD}`, refusal('NOT_FOUND'))
    answer(REVEAL, refusal('NOT_FOUND'))
    const { result } = renderHook(() => useWalletCard(CARD))
    await waitFor(() =>
      expect(result.current.query.state).toEqual({
        status: 'error',
        code: 'NOT_FOUND',
        message: messageOf('NOT_FOUND'),
      }),
    )
    act(() => result.current.reveal())
    await waitFor(() => expect(result.current.failure).toBe(messageOf('NOT_FOUND')))
    expect(result.current.full).toBeNull()
  })
})

describe('step-up hand-over', () => {
  it('opens the face page and hands the step-up back once, to the action that asked only', () => {
    askForStepUp('reveal:a')
    expect(page.urls('navigateTo')).toEqual([STEP_UP_PAGE])
    expect(takeStepUp('reveal:b')).toBe(false)
    expect(takeStepUp('reveal:a')).toBe(true)
    expect(takeStepUp('reveal:a')).toBe(false)
  })
})

describe('the wallet lists', () => {
  inBuild('weapp')

  it('useWallet loads the cards each time the tab shows', async () => {
    const list = { cards: [{ ...CARD_DETAIL, fields: undefined }], unavailableFrom: ['jiaoguan'] }
    answer('GET /v1/wallet', ok(list))
    const { result } = renderHook(() => useWallet())
    expect(sentTo('GET /v1/wallet')).toHaveLength(0)
    await page.show()
    await waitFor(() => expect(result.current.state.status).toBe('ready'))
    await page.show()
    await waitFor(() => expect(sentTo('GET /v1/wallet')).toHaveLength(2))
  })

  it('usePresentationLog loads the card’s verifications when the page shows', async () => {
    const entries = [{ profile: 'hotel', verifiedAt: '2026-11-23T07:00:00.000Z', outcome: 'accepted' }]
    answer(`GET /v1/wallet/${CARD}/presentations`, ok({ entries }))
    const { result } = renderHook(() => usePresentationLog(CARD))
    await page.show()
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ready', data: { entries } }))
  })
})

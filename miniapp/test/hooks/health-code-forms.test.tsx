/** @jest-environment jsdom */
// The 粤康码 forms' hooks: 健康申报 / 行程申报 (useDeclareForm), 申诉纠错 (useAppeal), 粤澳转码 (useTransfer) and
// 场所码申领 (useVenueForm): what is checked before anything is sent, the request each sends, and the BFF's refusal
// shown in the catalogue's words. They have no build branch (the device key the appeal uses is the platform's).
import { act, renderHook, waitFor } from '@testing-library/react'
import { makeUscc } from '@ysx/shared'
import { useAppeal } from '../../src/hooks/use-appeal'
import { useDeclareForm } from '../../src/hooks/use-declare-form'
import { useTransfer } from '../../src/hooks/use-transfer'
import { useVenueForm } from '../../src/hooks/use-venue-form'
import { t } from '../../src/i18n'
import { PAGES } from '../../src/page-paths'
import { declarationsOf } from '../../src/services/declaration-store'
import { answer, messageOf, ok, refusal, resetBff, sentTo } from '../fake-bff'
import { inBuild, resetPlatform, storedPublicJwk } from '../platform-double'
import { page, resetPage } from '../taro-page'

jest.mock('@tarojs/taro', () => jest.requireActual<typeof import('../taro-page')>('../taro-page').taroModule)
jest.mock(
  '../../src/platform',
  () => jest.requireActual<typeof import('../platform-double')>('../platform-double').platform,
)

const NOW = Date.parse('2026-11-23T08:00:00.000Z')
const STATUS = {
  holder: 'self',
  maskedName: '*三',
  colour: 'yellow',
  reasons: [
    {
      rule: 'yellow.risk_venue',
      colour: 'yellow',
      message: '14 天内签到的场所位于中高风险区域',
      since: null,
      until: null,
    },
  ],
  negativeTestWithinHours: null,
  ruleVersion: '2026.11',
  evaluatedAt: '2026-11-23T08:00:00.000Z',
  validUntil: '2026-11-23T14:00:00.000Z',
}
const SHOWN = { ...STATUS, credential: 'a.b.c', credentialExpiresAt: '2026-11-24T08:00:00.000Z' }

inBuild('h5')

beforeEach(() => {
  jest.useFakeTimers({ now: NOW })
  resetBff()
  resetPlatform()
  resetPage()
})
afterEach(() => jest.useRealTimers())

describe('useDeclareForm', () => {
  const DECLARE = 'POST /v1/health-codes/self/declarations'

  it('dates the trip form on the BFF’s clock: today, and 30 days back at the earliest', () => {
    const { result } = renderHook(() => useDeclareForm('self'))
    expect(result.current).toMatchObject({ today: '2026-11-23', earliest: '2026-10-24' })
    expect(result.current.trip).toMatchObject({ departedOn: '2026-11-23', returnedOn: '2026-11-23' })
  })

  it('a temperature that is not a number and no close-contact answer: both fields’ messages, nothing sent', async () => {
    const { result } = renderHook(() => useDeclareForm('self'))
    act(() => result.current.setHealth({ temperature: '36,5' }))
    await act(() => result.current.submit())
    expect(result.current.errors).toEqual({
      temperature: t('healthCode.declare.temperatureInvalid'),
      closeContact: t('healthCode.declare.closeContactRequired'),
    })
    expect(sentTo(DECLARE)).toEqual([])
  })

  it('a health declaration is sent as the contract wants it, its result shown and the declaration kept for 申诉', async () => {
    answer(DECLARE, ok({ declarationId: 'd-1', declaredAt: '2026-11-23T08:00:00.000Z', status: STATUS }, 201))
    const { result } = renderHook(() => useDeclareForm('self'))
    act(() => result.current.setHealth({ temperature: '36.6', closeContact: false, symptoms: ['cough'] }))
    await act(() => result.current.submit())
    expect(sentTo(DECLARE).map((r) => r.data)).toEqual([
      { kind: 'health', temperature: 36.6, symptoms: ['cough'], closeContact: false },
    ])
    expect(result.current.result?.declarationId).toBe('d-1')
    expect(declarationsOf('self')).toEqual([{ id: 'd-1', kind: 'health', declaredAt: '2026-11-23T08:00:00.000Z' }])
  })

  it('a trip back before it began gets its own message and is not sent', async () => {
    const { result } = renderHook(() => useDeclareForm('self'))
    act(() => result.current.setKind('trip'))
    act(() => result.current.setTrip({ destination: '440106', departedOn: '2026-11-20', returnedOn: '2026-11-19' }))
    await act(() => result.current.submit())
    expect(result.current.errors.returnedOn).toBe(t('healthCode.declare.returnBeforeDeparture'))
    expect(sentTo(DECLARE)).toEqual([])
  })

  it('the BFF refuses a field (VALIDATION_FAILED on body.temperature): that field’s message and the BFF’s', async () => {
    answer(DECLARE, refusal('VALIDATION_FAILED', [{ path: 'body.temperature', message: 'too high' }]))
    const { result } = renderHook(() => useDeclareForm('self'))
    act(() => result.current.setHealth({ temperature: '36.6', closeContact: false }))
    await act(() => result.current.submit())
    expect(result.current.errors).toEqual({ temperature: t('healthCode.declare.temperatureInvalid') })
    expect(result.current.failure).toBe(messageOf('VALIDATION_FAILED'))
    expect(declarationsOf('self')).toEqual([])
  })

  it('editing a field takes its error away', async () => {
    const { result } = renderHook(() => useDeclareForm('self'))
    await act(() => result.current.submit())
    expect(Object.keys(result.current.errors).sort()).toEqual(['closeContact', 'temperature'])
    act(() => result.current.inputs.set('temperature', '36.5'))
    expect(Object.keys(result.current.errors)).toEqual(['closeContact'])
  })
})

describe('useAppeal', () => {
  const APPEALS = 'GET /v1/health-codes/self/appeals'
  const FILE = 'POST /v1/health-codes/self/appeals'
  const FILED = {
    appealId: 'ap-1',
    rule: 'yellow.risk_venue',
    status: 'pending',
    filedAt: '2026-11-23T08:00:00.000Z',
    decidedAt: null,
    note: null,
  }
  const loaded = async () => {
    answer('GET /v1/health-codes/self/code', ok(SHOWN))
    answer('GET /v1/health-codes/self/check-ins', ok({ checkIns: [] }))
    answer(APPEALS, ok({ appeals: [] }), ok({ appeals: [FILED] }))
    const view = renderHook(() => useAppeal('self'))
    await waitFor(() => expect(view.result.current.status.state.status).toBe('ready'))
    return view
  }

  it('asks for the status with the device key, and with one reason picks it and the record kind it is about', async () => {
    const { result } = await loaded()
    const publicJwk = storedPublicJwk()
    expect(sentTo('GET /v1/health-codes/self/code').map((r) => r.url)).toEqual([
      `/v1/health-codes/self/code?x=${publicJwk.x}&y=${publicJwk.y}`,
    ])
    await waitFor(() => expect(result.current.fields).toMatchObject({ rule: 'yellow.risk_venue', kind: 'check_in' }))
  })

  it('without the record or a statement: their messages, nothing sent', async () => {
    const { result } = await loaded()
    await waitFor(() => expect(result.current.fields.rule).toBe('yellow.risk_venue'))
    await act(() => result.current.submit())
    await waitFor(() =>
      expect(result.current.errors).toEqual({
        target: t('healthCode.appeal.targetRequired'),
        statement: t('healthCode.appeal.statementInvalid'),
      }),
    )
    expect(sentTo(FILE)).toEqual([])
  })

  it('files the appeal against the check-in picked, with the statement, then lists it', async () => {
    answer(FILE, ok(FILED, 201))
    const { result } = await loaded()
    await waitFor(() => expect(result.current.fields.rule).toBe('yellow.risk_venue'))
    act(() => result.current.setFields({ targetId: 'ci-1', statement: '当天我不在该场所' }))
    await act(() => result.current.submit())
    await waitFor(() => expect(result.current.filed).toEqual(FILED))
    expect(sentTo(FILE).map((r) => r.data)).toEqual([
      { rule: 'yellow.risk_venue', target: { kind: 'check_in', id: 'ci-1' }, statement: '当天我不在该场所' },
    ])
    expect(result.current.fields.statement).toBe('')
    await waitFor(() => expect(result.current.mine.state).toEqual({ status: 'ready', data: { appeals: [FILED] } }))
  })

  it('卫健 cannot be reached (UPSTREAM_UNAVAILABLE): its message, the statement kept', async () => {
    answer(FILE, refusal('UPSTREAM_UNAVAILABLE'))
    const { result } = await loaded()
    await waitFor(() => expect(result.current.fields.rule).toBe('yellow.risk_venue'))
    act(() => result.current.setFields({ kind: 'test_result', statement: '我已做过核酸检测' }))
    await act(() => result.current.submit())
    await waitFor(() => expect(result.current.failure).toBe(messageOf('UPSTREAM_UNAVAILABLE')))
    expect(result.current.fields.statement).toBe('我已做过核酸检测')
    expect(result.current.filed).toBeNull()
  })
})

describe('useTransfer', () => {
  const TRANSFER = 'POST /v1/health-codes/self/transfers'
  const DONE = {
    payload: 'h.p.s',
    format: 'ysx-hc-transfer+jws',
    colour: 'green',
    negativeTestDate: '2026-11-22',
    expiresAt: '2026-11-24T08:00:00.000Z',
  }

  it('without the consent tick: asks for it and sends nothing', async () => {
    const { result } = renderHook(() => useTransfer('self'))
    act(() => result.current.submit())
    expect(result.current.missingConsent).toBe(true)
    expect(sentTo(TRANSFER)).toEqual([])
    act(() => result.current.setConsent(true))
    expect(result.current.missingConsent).toBe(false)
  })

  it('with consent: asks for the transfer to Macau and shows it', async () => {
    answer(TRANSFER, ok(DONE, 201))
    const { result } = renderHook(() => useTransfer('self'))
    act(() => result.current.setConsent(true))
    act(() => result.current.submit())
    await waitFor(() => expect(result.current.state).toEqual({ status: 'done', transfer: DONE }))
    expect(sentTo(TRANSFER).map((r) => r.data)).toEqual([{ destination: 'macau', consent: true }])
  })

  it('STEP_UP_REQUIRED opens the face page; back from a passed check the transfer is asked for again', async () => {
    answer(TRANSFER, refusal('STEP_UP_REQUIRED'), ok(DONE, 201))
    const { result } = renderHook(() => useTransfer('self'))
    act(() => result.current.setConsent(true))
    act(() => result.current.submit())
    await waitFor(() => expect(page.urls('navigateTo')).toEqual([`${PAGES.face}?purpose=step-up&from=wallet`]))
    expect(result.current.state).toEqual({ status: 'idle' })
    await page.show()
    await waitFor(() => expect(result.current.state.status).toBe('done'))
  })

  it('Macau’s side down (UPSTREAM_TIMEOUT): its message', async () => {
    answer(TRANSFER, refusal('UPSTREAM_TIMEOUT'))
    const { result } = renderHook(() => useTransfer('self'))
    act(() => result.current.setConsent(true))
    act(() => result.current.submit())
    await waitFor(() =>
      expect(result.current.state).toEqual({
        status: 'failed',
        code: 'UPSTREAM_TIMEOUT',
        message: messageOf('UPSTREAM_TIMEOUT'),
      }),
    )
  })
})

describe('useVenueForm', () => {
  const REGISTER = 'POST /v1/venues'
  const creditCode = makeUscc('92', '440106', '12345678')
  const VENUE = {
    venueId: 'v-1',
    name: '石牌社区服务中心',
    areaCode: '440106',
    area: '广州市天河区',
    address: '天河路 100 号',
    code: 'YSXV1.aaa.bbb',
    createdAt: '2026-11-23T08:00:00.000Z',
  }
  const fill = (result: { current: ReturnType<typeof useVenueForm> }) => {
    act(() => result.current.setField('creditCode', creditCode))
    act(() => result.current.setField('name', VENUE.name))
    act(() => result.current.area.set('440106'))
    act(() => result.current.setField('address', VENUE.address))
  }

  it('an empty form: every field’s message, nothing sent', async () => {
    answer('GET /v1/venues', ok({ venues: [] }))
    const { result } = renderHook(() => useVenueForm())
    await act(() => result.current.submit())
    expect(Object.keys(result.current.errors).sort()).toEqual(['address', 'areaCode', 'creditCode', 'name'])
    expect(result.current.area.error).toBe(t('healthCode.venue.areaInvalid'))
    expect(sentTo(REGISTER)).toEqual([])
  })

  it('registers the venue, shows its code, keeps the credit code for the next one and lists my venues again', async () => {
    answer('GET /v1/venues', ok({ venues: [] }), ok({ venues: [VENUE] }))
    answer(REGISTER, ok(VENUE, 201))
    const { result } = renderHook(() => useVenueForm())
    fill(result)
    await act(() => result.current.submit())
    expect(sentTo(REGISTER).map((r) => r.data)).toEqual([
      { creditCode, name: VENUE.name, areaCode: '440106', address: VENUE.address },
    ])
    expect(result.current.created).toEqual(VENUE)
    expect(result.current.fields).toEqual({ creditCode, name: '', areaCode: '', address: '' })
    await waitFor(() => expect(result.current.mine.state).toEqual({ status: 'ready', data: { venues: [VENUE] } }))
  })

  it('not the business’s legal representative (VENUE_NOT_REPRESENTATIVE): its message, the form kept', async () => {
    answer('GET /v1/venues', ok({ venues: [] }))
    answer(REGISTER, refusal('VENUE_NOT_REPRESENTATIVE'))
    const { result } = renderHook(() => useVenueForm())
    fill(result)
    await act(() => result.current.submit())
    expect(result.current.failure).toBe(messageOf('VENUE_NOT_REPRESENTATIVE'))
    expect(result.current.fields.name).toBe(VENUE.name)
    expect(result.current.created).toBeNull()
  })
})

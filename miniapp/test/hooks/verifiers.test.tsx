/** @jest-environment jsdom */
// The 核验 pages' hooks (useVerifier for 亮证, useHealthVerifier for 粤康码, both useCodeVerifier): the keys cached
// on opening, online first, the refusal alone when the platform refuses, and the offline check with the cached keys
// only when it cannot be reached, labelled offline. The code comes from 扫一扫 (weapp) or is pasted (H5).
import { generateKeyPairSync, sign } from 'node:crypto'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { PublicJwk } from '@ysx/shared'
import { useHealthVerifier } from '../../src/hooks/use-health-verifier'
import { useVerifier } from '../../src/hooks/use-verifier'
import { t } from '../../src/i18n'
import { presentation } from '../../src/services/device-key'
import { JWKS_STORAGE } from '../../src/services/verify-offline'
import { answer, messageOf, ok, refusal, resetBff, sentTo } from '../fake-bff'
import { type Build, inBuild, platform, resetPlatform, scanner } from '../platform-double'
import { storage } from '../taro-mock'
import { resetPage } from '../taro-page'

jest.mock('@tarojs/taro', () => jest.requireActual<typeof import('../taro-page')>('../taro-page').taroModule)
jest.mock(
  '../../src/platform',
  () => jest.requireActual<typeof import('../platform-double')>('../platform-double').platform,
)

// The issuer's key (node:crypto, as the BFF signs) and a phone's; the phone's private key is handed to the signing
// code as this realm's Uint8Array (jsdom's, which @noble checks for), not as a node Buffer.
const NOW = Date.UTC(2026, 10, 23, 9)
const nowSeconds = NOW / 1000
const issuer = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const issuerJwk = issuer.publicKey.export({ format: 'jwk' }) as { x: string; y: string }
const KEYS: PublicJwk[] = [
  { kty: 'EC', crv: 'P-256', x: issuerJwk.x, y: issuerJwk.y, kid: 'k-2026-11', alg: 'ES256', use: 'sig' },
]
const phone = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const phonePrivate = Uint8Array.from(
  Buffer.from((phone.privateKey.export({ format: 'jwk' }) as { d: string }).d, 'base64url'),
)
const phoneJwk = phone.publicKey.export({ format: 'jwk' }) as { x: string; y: string }
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
function issued(typ: string, claims: object): string {
  const input = `${b64({ alg: 'ES256', typ, kid: 'k-2026-11' })}.${b64(claims)}`
  const signature = sign('sha256', Buffer.from(input), { key: issuer.privateKey, dsaEncoding: 'ieee-p1363' })
  return `${input}.${signature.toString('base64url')}`
}
const k = { x: phoneJwk.x, y: phoneJwk.y }

/** A 亮证 QR (traffic-police profile) whose proof the phone made at `iat` (default 5 s before NOW). */
function presentationQr(opts: { iat?: number } = {}): string {
  const d = { n: '张三', lc: 'C1', vf: '2020-01-01', vu: '2032-01-01', pr: 12 }
  const credential = issued('ysx-vc', {
    c: 'cred-1',
    t: 'driving_licence',
    p: 'traffic_police',
    d,
    k,
    e: nowSeconds + 3600,
  })
  return presentation(credential, phonePrivate, { iatSeconds: opts.iat ?? nowSeconds - 5, jti: 'j-123456789' })
}

/** A green 粤康码 QR, the proof made 3 s before NOW; `signedAt` (seconds) is when the platform signed the status. */
function healthQr(opts: { signedAt?: number } = {}): string {
  const claims = {
    c: 'hc-1',
    hc: 'g',
    k,
    e: nowSeconds + 3600,
    v: '2026.11',
    ...(opts.signedAt ? { i: opts.signedAt } : {}),
  }
  return presentation(issued('ysx-hc', claims), phonePrivate, { iatSeconds: nowSeconds - 3, jti: 'j-123456789' })
}

const JWKS = 'GET /.well-known/jwks.json'
const VERIFY = 'POST /v1/verify'
const HEALTH_VERIFY = 'POST /v1/health-codes/verify'
const PRESENTED_AT = new Date(NOW - 5_000).toISOString()

beforeEach(() => {
  jest.useFakeTimers({ now: NOW })
  resetBff({ signedIn: false })
  resetPlatform()
  resetPage()
})
afterEach(() => jest.useRealTimers())

/** The code as the page gets it: 扫一扫 on the weapp (the scanner's text), pasted into the box on H5. */
async function enter(
  build: Build,
  field: { onInput: (v: string) => void; onSubmit: (v?: string) => void },
  text: string,
): Promise<void> {
  if (build === 'weapp') {
    scanner.queue.push(text)
    const scanned = await platform.scanQrCode()
    act(() => field.onSubmit(scanned))
  } else {
    act(() => field.onInput(text))
  }
}

describe.each<Build>(['h5', 'weapp'])('useVerifier: 核验证照 (%s)', (build) => {
  inBuild(build)

  const render = async () => {
    const view = renderHook(() => useVerifier())
    await waitFor(() => expect(sentTo(JWKS)).toHaveLength(1))
    return view
  }
  const submit = async (view: Awaited<ReturnType<typeof render>>, text: string) => {
    await enter(build, view.result.current.field, text)
    if (build === 'h5') act(() => view.result.current.field.onSubmit())
    await waitFor(() => expect(view.result.current.state.status).not.toBe('verifying'))
  }

  it('caches the issuer keys when the page opens', async () => {
    answer(JWKS, ok({ keys: KEYS }))
    await render()
    expect(storage.get(JWKS_STORAGE)).toEqual({ keys: KEYS })
  })

  it('an empty box asks for a code and sends nothing', async () => {
    const view = await render()
    act(() => view.result.current.field.onSubmit('   '))
    expect(view.result.current.state).toEqual({ status: 'failed', mode: 'online', message: t('verify.emptyInput') })
    expect(sentTo(VERIFY)).toEqual([])
  })

  it('online first: sends the code and shows the type, profile, disclosed fields and when the QR was made', async () => {
    const qr = presentationQr()
    answer(
      VERIFY,
      ok({
        valid: true,
        type: 'driving_licence',
        title: '机动车驾驶证',
        profile: 'traffic_police',
        disclosed: { name: '张三', licenceClass: 'C1' },
        presentedAt: PRESENTED_AT,
        checks: ['signature', 'device', 'freshness', 'status', 'replay'],
      }),
    )
    const view = await render()
    await submit(view, `  ${qr}\n`)
    expect(sentTo(VERIFY).map((r) => r.data)).toEqual([{ presentation: qr }])
    expect(view.result.current.state).toEqual({
      status: 'passed',
      mode: 'online',
      result: {
        type: 'driving_licence',
        profile: 'traffic_police',
        disclosed: { name: '张三', licenceClass: 'C1' },
        presentedAt: NOW - 5_000,
      },
    })
  })

  it.each(['PRESENTATION_REPLAYED', 'PRESENTATION_EXPIRED', 'CERTIFICATE_NOT_VALID'] as const)(
    'the platform refuses (%s): its message alone, and no offline check that could pass it',
    async (code) => {
      answer(JWKS, ok({ keys: KEYS }))
      answer(VERIFY, refusal(code))
      const view = await render()
      await submit(view, presentationQr())
      expect(view.result.current.state).toEqual({ status: 'failed', mode: 'online', message: messageOf(code) })
    },
  )

  it.each([
    ['cannot be reached', 'unreachable' as const],
    ['answers 503', refusal('UPSTREAM_UNAVAILABLE')],
  ])('the platform %s: checked offline with the cached keys, labelled offline', async (_, down) => {
    answer(JWKS, ok({ keys: KEYS }))
    answer(VERIFY, down)
    const view = await render()
    await submit(view, presentationQr())
    expect(view.result.current.state).toMatchObject({
      status: 'passed',
      mode: 'offline',
      result: { type: 'driving_licence', profile: 'traffic_police', presentedAt: NOW - 5_000 },
    })
  })

  it('offline, a QR older than 60 s fails with the expired message', async () => {
    answer(JWKS, ok({ keys: KEYS }))
    answer(VERIFY, 'unreachable')
    const view = await render()
    await submit(view, presentationQr({ iat: NOW / 1000 - 61 }))
    expect(view.result.current.state).toEqual({
      status: 'failed',
      mode: 'offline',
      message: t('errors.PRESENTATION_EXPIRED'),
    })
  })

  it('offline with no keys ever cached: says the keys are unavailable rather than passing or failing the code', async () => {
    answer(JWKS, 'unreachable')
    answer(VERIFY, 'unreachable')
    const view = await render()
    await submit(view, presentationQr())
    expect(view.result.current.state).toEqual({
      status: 'failed',
      mode: 'offline',
      message: t('verify.keysUnavailable'),
    })
  })
})

describe.each<Build>(['h5', 'weapp'])('useHealthVerifier: 核验健康码 (%s)', (build) => {
  inBuild(build)

  const render = async () => {
    const view = renderHook(() => useHealthVerifier())
    await waitFor(() => expect(sentTo(JWKS)).toHaveLength(1))
    return view
  }
  const submit = async (view: Awaited<ReturnType<typeof render>>, text: string) => {
    await enter(build, view.result.current.field, text)
    if (build === 'h5') act(() => view.result.current.field.onSubmit())
    await waitFor(() => expect(view.result.current.state.status).not.toBe('verifying'))
  }

  it('online: sends the code and shows the colour and when the QR was made, nothing about the person', async () => {
    const qr = healthQr()
    answer(HEALTH_VERIFY, ok({ colour: 'green', presentedAt: PRESENTED_AT, checks: ['signature', 'replay'] }))
    const view = await render()
    await submit(view, qr)
    expect(sentTo(HEALTH_VERIFY).map((r) => r.data)).toEqual([{ code: qr }])
    expect(view.result.current.state).toEqual({
      status: 'passed',
      mode: 'online',
      result: { colour: 'green', presentedAt: NOW - 5_000 },
    })
  })

  it.each(['HEALTH_CODE_REPLAYED', 'HEALTH_CODE_SUPERSEDED', 'HEALTH_CODE_EXPIRED'] as const)(
    'the platform refuses (%s): its message alone',
    async (code) => {
      answer(HEALTH_VERIFY, refusal(code))
      const view = await render()
      await submit(view, healthQr())
      expect(view.result.current.state).toEqual({ status: 'failed', mode: 'online', message: messageOf(code) })
    },
  )

  it('offline: the colour from the cached keys, with the credential’s age in minutes', async () => {
    answer(JWKS, ok({ keys: KEYS }))
    answer(HEALTH_VERIFY, 'unreachable')
    const view = await render()
    await submit(view, healthQr({ signedAt: NOW / 1000 - 25 * 60 }))
    expect(view.result.current.state).toEqual({
      status: 'passed',
      mode: 'offline',
      result: { colour: 'green', presentedAt: NOW - 3_000 },
      credentialAgeMinutes: 25,
    })
  })

  it('offline, a tampered code fails with the invalid message', async () => {
    answer(JWKS, ok({ keys: KEYS }))
    answer(HEALTH_VERIFY, 'unreachable')
    const view = await render()
    const qr = healthQr()
    await submit(view, `${qr.slice(0, -4)}AAAA`)
    expect(view.result.current.state).toEqual({
      status: 'failed',
      mode: 'offline',
      message: t('healthCode.verify.invalid'),
    })
  })
})

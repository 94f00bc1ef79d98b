// The one 核验 policy (hooks/use-code-verifier) for 核验证照 and 核验健康码: online first; offline with the cached
// keys only when the platform cannot be reached, and then labelled offline; an online refusal shows the refusal
// alone, nothing about the holder, and is never overruled by an offline check.
import { healthCodeVerifier } from '../src/hooks/use-health-verifier'
import { verifyOnlineFirst } from '../src/hooks/use-code-verifier'
import { presentationVerifier } from '../src/hooks/use-verifier'
import { t } from '../src/i18n'
import { JWKS_STORAGE } from '../src/services/verify-offline'
import { failWith, replyWith, requestMock, sent, storage } from './taro-mock'
import { healthQr, KEYS, NOW, nowSeconds, presentationQr, resetTaroMock } from './verifier-fixtures'

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: jest.requireActual<typeof import('./taro-mock')>('./taro-mock').taro,
}))

const envelope = (code: string) => ({ code, message: t(`errors.${code}` as 'errors.INTERNAL'), requestId: 'r-1' })
const DISCLOSED = {
  name: '张三',
  licenceClass: 'C1',
  validFrom: '2020-01-01',
  validUntil: '2032-01-01',
  pointsRemaining: 12,
}

beforeEach(resetTaroMock)

describe('核验健康码', () => {
  it('shows the online answer: the colour and the presented time, nothing else', async () => {
    replyWith(200, { colour: 'red', presentedAt: '2026-11-23T08:59:57.000Z', checks: ['signature'] })
    const code = healthQr()
    await expect(verifyOnlineFirst(code, healthCodeVerifier, NOW)).resolves.toEqual({
      status: 'passed',
      mode: 'online',
      result: { colour: 'red', presentedAt: Date.parse('2026-11-23T08:59:57.000Z') },
    })
    expect(sent()).toMatchObject({ url: '/v1/health-codes/verify', method: 'POST', data: { code } })
    expect(sent().header).not.toHaveProperty('Authorization')
  })

  it('shows the platform’s refusal (superseded, replayed) and does not fall back offline', async () => {
    storage.set(JWKS_STORAGE, { keys: KEYS })
    for (const code of ['HEALTH_CODE_SUPERSEDED', 'HEALTH_CODE_REPLAYED']) {
      requestMock.mockReset()
      replyWith(422, envelope(code))
      await expect(verifyOnlineFirst(healthQr(), healthCodeVerifier, NOW)).resolves.toEqual({
        status: 'failed',
        mode: 'online',
        message: t(`errors.${code}` as 'errors.INTERNAL'),
      })
      expect(requestMock).toHaveBeenCalledTimes(1)
    }
  })

  it('verifies offline with the cached keys when the platform cannot be reached, and says it was offline', async () => {
    storage.set(JWKS_STORAGE, { keys: KEYS })
    failWith(new Error('offline'))
    await expect(verifyOnlineFirst(healthQr(), healthCodeVerifier, NOW)).resolves.toEqual({
      status: 'passed',
      mode: 'offline',
      result: { colour: 'green', presentedAt: NOW - 3000 },
    })
    replyWith(503, envelope('OVERLOADED'))
    await expect(verifyOnlineFirst(healthQr(), healthCodeVerifier, NOW)).resolves.toMatchObject({ mode: 'offline' })
  })

  it('offline, shows how long ago the platform signed the colour: a green signed hours ago is not passed off as now', async () => {
    storage.set(JWKS_STORAGE, { keys: KEYS })
    failWith(new Error('offline'))
    const verdict = await verifyOnlineFirst(healthQr({ signedAt: nowSeconds - 3 * 3600 }), healthCodeVerifier, NOW)
    expect(verdict).toMatchObject({ status: 'passed', mode: 'offline', credentialAgeMinutes: 180 })
    expect(t('healthCode.verify.signedAgo', { minutes: 180 })).toContain('签发于 180 分钟前')
    failWith(new Error('offline'))
    const presented = await verifyOnlineFirst(presentationQr({ signedAt: nowSeconds - 125 }), presentationVerifier, NOW)
    expect(presented).toMatchObject({ mode: 'offline', credentialAgeMinutes: 2 })
  })

  it('says why an offline check failed: no keys on this device, or an expired code', async () => {
    requestMock.mockRejectedValue(new Error('offline'))
    await expect(verifyOnlineFirst(healthQr(), healthCodeVerifier, NOW)).resolves.toEqual({
      status: 'failed',
      mode: 'offline',
      message: t('healthCode.verify.keysUnavailable'),
    })
    storage.set(JWKS_STORAGE, { keys: KEYS })
    await expect(verifyOnlineFirst(healthQr(), healthCodeVerifier, NOW + 120_000)).resolves.toEqual({
      status: 'failed',
      mode: 'offline',
      message: t('healthCode.verify.expired'),
    })
  })
})

describe('核验证照', () => {
  const online = {
    valid: true,
    type: 'driving_licence',
    title: '机动车驾驶证',
    profile: 'traffic_police',
    disclosed: DISCLOSED,
    presentedAt: '2026-11-23T08:59:55.000Z',
    checks: ['signature', 'device', 'freshness', 'status', 'replay'],
  }

  it('shows the online answer when the platform answers', async () => {
    replyWith(200, online)
    const presentation = presentationQr()
    await expect(verifyOnlineFirst(presentation, presentationVerifier, NOW)).resolves.toEqual({
      status: 'passed',
      mode: 'online',
      result: {
        type: 'driving_licence',
        profile: 'traffic_police',
        disclosed: DISCLOSED,
        presentedAt: Date.parse(online.presentedAt),
      },
    })
    expect(sent()).toMatchObject({ url: '/v1/verify', method: 'POST', data: { presentation } })
  })

  it('shows a refusal (replayed, revoked) alone, although the code would pass offline', async () => {
    storage.set(JWKS_STORAGE, { keys: KEYS })
    for (const code of ['PRESENTATION_REPLAYED', 'CERTIFICATE_NOT_VALID']) {
      requestMock.mockReset()
      replyWith(422, envelope(code))
      const verdict = await verifyOnlineFirst(presentationQr(), presentationVerifier, NOW)
      expect(verdict).toEqual({ status: 'failed', mode: 'online', message: t(`errors.${code}` as 'errors.INTERNAL') })
      expect(JSON.stringify(verdict)).not.toContain('张三')
    }
  })

  it('falls back to the cached keys only when the platform cannot be reached, labelled offline', async () => {
    storage.set(JWKS_STORAGE, { keys: KEYS })
    failWith(new Error('offline'))
    await expect(verifyOnlineFirst(presentationQr(), presentationVerifier, NOW)).resolves.toEqual({
      status: 'passed',
      mode: 'offline',
      result: { type: 'driving_licence', profile: 'traffic_police', disclosed: DISCLOSED, presentedAt: NOW - 5000 },
    })
    failWith(new Error('offline'))
    await expect(
      verifyOnlineFirst(presentationQr({ iat: NOW / 1000 - 61 }), presentationVerifier, NOW),
    ).resolves.toEqual({ status: 'failed', mode: 'offline', message: t('errors.PRESENTATION_EXPIRED') })
  })
})

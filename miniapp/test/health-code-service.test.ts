// services/health-code.ts and the entrance verifier: each call goes to its contract's route (Bearer where the contract
// says so); verification is online, and offline only when the platform cannot be reached.
import { generateKeyPairSync, sign } from 'node:crypto'
import type { PublicJwk } from '@ysx/shared'
import { offlineMessage, verifyCode } from '../src/hooks/use-health-verifier'
import { t } from '../src/i18n'
import { presentation } from '../src/services/device-key'
import * as hc from '../src/services/health-code'
import { saveTokens } from '../src/services/token-store'
import { JWKS_STORAGE } from '../src/services/verify-offline'
import { failWith, replyWith, requestMock, sent, storage } from './taro-mock'

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: jest.requireActual<typeof import('./taro-mock')>('./taro-mock').taro,
}))

const tokens = { accessToken: 'access-1', accessExpiresIn: 900, refreshToken: 'refresh-1', refreshExpiresIn: 3600 }
const MEMBER = 'm_0123456789abcdef'
const KEY = { kty: 'EC', crv: 'P-256', x: 'A'.repeat(43), y: 'B'.repeat(43) } as const
const status = {
  holder: 'self',
  maskedName: '*三',
  colour: 'yellow',
  negativeTestWithinHours: null,
  ruleVersion: '2026.11',
  reasons: [
    {
      rule: 'yellow.risk_venue',
      colour: 'yellow',
      message: '14 天内签到的场所位于中高风险区域',
      since: '2026-11-20T02:00:00.000Z',
      until: null,
    },
  ],
  evaluatedAt: '2026-11-23T08:00:00.000Z',
  validUntil: '2026-11-23T14:00:00.000Z',
}

beforeEach(() => {
  requestMock.mockReset()
  storage.clear()
  saveTokens(tokens)
})

it('asks for the code with the device key, for self or a family member', async () => {
  const shown = { ...status, credential: 'a.b.c', credentialExpiresAt: '2026-11-24T08:00:00.000Z' }
  replyWith(200, shown)
  await expect(hc.show(hc.SELF, KEY)).resolves.toEqual(shown)
  expect(sent()).toMatchObject({
    url: '/v1/health-codes/self/show',
    method: 'POST',
    data: { deviceKey: KEY },
    header: { Authorization: 'Bearer access-1' },
  })
  replyWith(200, { ...shown, holder: MEMBER })
  await hc.show(MEMBER, KEY)
  expect(sent(1).url).toBe(`/v1/health-codes/${MEMBER}/show`)
})

it('declares, checks in and appeals on the holder’s routes', async () => {
  replyWith(201, { declarationId: 'd-1', declaredAt: '2026-11-23T08:00:00.000Z', status })
  await hc.declare(hc.SELF, { kind: 'health', temperature: 36.6, symptoms: [], closeContact: false })
  expect(sent()).toMatchObject({ url: '/v1/health-codes/self/declarations', method: 'POST' })
  replyWith(201, {
    checkIn: {
      checkInId: 'ci-1',
      venueName: '石牌社区服务中心',
      area: '天河区石牌街道',
      at: '2026-11-23T08:00:00.000Z',
    },
    status,
  })
  await hc.checkIn(hc.SELF, 'venue-code')
  expect(sent(1)).toMatchObject({ url: '/v1/health-codes/self/check-ins', data: { venueCode: 'venue-code' } })
  replyWith(201, {
    appealId: 'a-1',
    rule: 'yellow.risk_venue',
    status: 'pending',
    filedAt: '2026-11-23T08:00:00.000Z',
    decidedAt: null,
    note: null,
  })
  await hc.appeal(hc.SELF, {
    rule: 'yellow.risk_venue',
    target: { kind: 'check_in', id: 'ci-1' },
    statement: '当天没有去过该场所',
  })
  expect(sent(2)).toMatchObject({ url: '/v1/health-codes/self/appeals', method: 'POST' })
})

it('asks for the 粤澳 transfer with the consent, and removes a family member (204)', async () => {
  replyWith(201, {
    payload: 'a.b.c',
    format: 'ysx-hc-transfer+jws',
    colour: 'green',
    negativeTestDate: '2026-11-22',
    expiresAt: '2026-11-24T08:00:00.000Z',
  })
  await hc.transfer(hc.SELF)
  expect(sent()).toMatchObject({
    url: '/v1/health-codes/self/transfers',
    data: { destination: 'macau', consent: true },
  })
  replyWith(204, null)
  await expect(hc.removeFamily(MEMBER)).resolves.toBeNull()
  expect(sent(1)).toMatchObject({ url: `/v1/family/${MEMBER}`, method: 'DELETE' })
})

describe('verifyCode', () => {
  const NOW = Date.UTC(2026, 10, 23, 9)
  const issuer = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const jwk = issuer.publicKey.export({ format: 'jwk' }) as { x: string; y: string }
  const keys: PublicJwk[] = [{ kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, kid: 'k-1', alg: 'ES256', use: 'sig' }]
  const device = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const deviceJwk = device.publicKey.export({ format: 'jwk' }) as { x: string; y: string }
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
  const input = `${b64({ alg: 'ES256', typ: 'ysx-hc', kid: 'k-1' })}.${b64({ c: 'hc-1', hc: 'g', k: { x: deviceJwk.x, y: deviceJwk.y }, e: NOW / 1000 + 3600, v: '2026.11' })}`
  const credential = `${input}.${sign('sha256', Buffer.from(input), { key: issuer.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`
  const devicePrivate = Buffer.from((device.privateKey.export({ format: 'jwk' }) as { d: string }).d, 'base64url')
  const code = presentation(credential, devicePrivate, { iatSeconds: NOW / 1000 - 3, jti: 'j-123456789' })
  const envelope = (code: string, message: string) => ({ code, message, requestId: 'r-1' })

  it('shows the online answer: the colour and the presented time, nothing else', async () => {
    replyWith(200, {
      colour: 'red',
      presentedAt: '2026-11-23T08:59:57.000Z',
      checks: ['signature', 'device', 'freshness', 'current', 'replay'],
    })
    await expect(verifyCode(code, NOW)).resolves.toEqual({
      status: 'passed',
      colour: 'red',
      presentedAt: Date.parse('2026-11-23T08:59:57.000Z'),
      mode: 'online',
    })
    expect(sent()).toMatchObject({ url: '/v1/health-codes/verify', method: 'POST', data: { code } })
    expect(sent().header).not.toHaveProperty('Authorization')
  })

  it('shows the platform’s refusal (superseded, replayed) and does not fall back offline', async () => {
    replyWith(422, envelope('HEALTH_CODE_SUPERSEDED', t('errors.HEALTH_CODE_SUPERSEDED')))
    await expect(verifyCode(code, NOW)).resolves.toEqual({
      status: 'failed',
      message: t('errors.HEALTH_CODE_SUPERSEDED'),
    })
    expect(requestMock).toHaveBeenCalledTimes(1)
  })

  it('verifies offline with the cached keys when the platform cannot be reached', async () => {
    storage.set(JWKS_STORAGE, { keys })
    failWith(new Error('offline'))
    await expect(verifyCode(code, NOW)).resolves.toEqual({
      status: 'passed',
      colour: 'green',
      presentedAt: NOW - 3000,
      mode: 'offline',
    })
    replyWith(503, envelope('OVERLOADED', t('errors.OVERLOADED')))
    await expect(verifyCode(code, NOW)).resolves.toMatchObject({ status: 'passed', mode: 'offline' })
  })

  it('says why an offline check failed', async () => {
    requestMock.mockRejectedValue(new Error('offline'))
    await expect(verifyCode(code, NOW)).resolves.toEqual({
      status: 'failed',
      message: offlineMessage('KEYS_UNAVAILABLE'),
    })
    storage.set(JWKS_STORAGE, { keys })
    await expect(verifyCode(code, NOW + 120_000)).resolves.toEqual({
      status: 'failed',
      message: t('healthCode.verify.expired'),
    })
  })
})

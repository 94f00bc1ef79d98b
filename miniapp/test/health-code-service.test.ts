// services/health-code.ts: each call goes to its contract's route, with the Bearer token where the contract says so.
import * as hc from '../src/services/health-code'
import { saveTokens } from '../src/services/token-store'
import { replyWith, requestMock, sent, storage } from './taro-mock'

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
    url: `/v1/health-codes/self/code?x=${KEY.x}&y=${KEY.y}`,
    method: 'GET',
    header: { Authorization: 'Bearer access-1' },
  })
  expect(sent().header).not.toHaveProperty('If-None-Match')
  replyWith(200, { ...shown, holder: MEMBER })
  await hc.show(MEMBER, KEY)
  expect(sent(1).url).toBe(`/v1/health-codes/${MEMBER}/code?x=${KEY.x}&y=${KEY.y}`)
})

it('asks conditionally with the credential id it holds for that holder, and keeps its code on 304', async () => {
  // A credential whose payload is {"c":"cred-1"}
  const credential = `e30.${Buffer.from(JSON.stringify({ c: 'cred-1' })).toString('base64url')}.c2ln`
  const held = { ...status, credential, credentialExpiresAt: '2026-11-24T08:00:00.000Z' } as hc.HealthCodeShown
  replyWith(304, null)
  await expect(hc.show(hc.SELF, KEY, held)).resolves.toBe(held)
  expect(sent().header).toMatchObject({ 'If-None-Match': '"cred-1"' })
  const changed: hc.HealthCodeShown = { ...held, colour: 'red', credential: 'x.y.z' }
  replyWith(200, changed)
  await expect(hc.show(hc.SELF, KEY, held)).resolves.toEqual(changed)
  // Another holder's code is never offered as this one's.
  replyWith(200, { ...changed, holder: MEMBER })
  await hc.show(MEMBER, KEY, held)
  expect(sent(2).header).not.toHaveProperty('If-None-Match')
})

it('a 304 to a request that named no credential is a bad response, not an empty code', async () => {
  replyWith(304, null)
  await expect(hc.show(hc.SELF, KEY)).rejects.toMatchObject({ code: 'BAD_RESPONSE' })
})

it('declares, checks in and appeals on the holder’s routes', async () => {
  replyWith(201, { declarationId: 'd-1', declaredAt: '2026-11-23T08:00:00.000Z', status })
  await hc.declare(hc.SELF, { kind: 'health', temperature: 36.6, symptoms: [], closeContact: false })
  expect(sent()).toMatchObject({ url: '/v1/health-codes/self/declarations', method: 'POST' })
  replyWith(201, {
    checkIn: {
      checkInId: 'ci-1',
      venueName: '石牌社区服务中心',
      areaCode: '440106',
      area: '广州市天河区',
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

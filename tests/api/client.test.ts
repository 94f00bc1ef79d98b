// The typed client generated from /openapi.json (tests/client: openapi-typescript + openapi-fetch) works against the
// running system: a citizen signs in through the WeChat and 公安 stand-ins, reads the wallet, shows a card (亮证) and
// the health code, and a verifier with no account verifies each, every call over HTTP to the listening BFF.
import { present } from '../support/device'
import { phone } from '../support/health-code'
import {
  ALL_DEPARTMENTS,
  APP_ID,
  chinaToday,
  faceCheckAlwaysFails,
  startSystem,
  type TestSystem,
} from '../support/system'
import { createBffClient } from '../client'

let sys: TestSystem
let baseUrl: string

beforeAll(async () => {
  sys = await startSystem({ departments: ALL_DEPARTMENTS, referenceDate: chinaToday() })
  baseUrl = await sys.bff.listen({ host: '127.0.0.1', port: 0 })
}, 60_000)
afterAll(async () => sys.close())

/** What wx.login returns on a phone: a one-time code from the WeChat stand-in, over HTTP. */
async function wechatCode(account: string): Promise<string> {
  const res = await fetch(`${sys.wechatUrl}/sns/device-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ appid: APP_ID, account }),
  })
  return ((await res.json()) as { code: string }).code
}

const CITIZEN = [...Array(50).keys()].find((i) => i > 0 && !faceCheckAlwaysFails(i))!

test('sign in, real name through 公安, read the wallet, show a card and the health code, verify both', async () => {
  const session: { token?: string } = {}
  const citizen = createBffClient(baseUrl, { token: () => session.token })
  const verifier = createBffClient(baseUrl)

  const login = await citizen.POST('/v1/auth/login', { body: { code: await wechatCode('client-citizen') } })
  expect(login.response.status).toBe(200)
  session.token = login.data!.accessToken
  expect(login.data!.profile.level).toBe('basic')

  const challenge = await citizen.POST('/v1/face/challenges')
  expect(challenge.response.status).toBe(201)
  const who = sys.citizen(CITIZEN)
  const face = await citizen.POST('/v1/face/verifications', {
    body: {
      verifyId: challenge.data!.verifyId,
      name: who.name,
      idNumber: who.idNumber,
      sample: { kind: 'standin', image: '', spokenDigits: challenge.data!.digits },
    },
  })
  expect(face.data).toMatchObject({ level: 'real_name' })

  const wallet = await citizen.GET('/v1/wallet')
  expect(wallet.response.status).toBe(200)
  const idCard = wallet.data!.cards.find((c) => c.type === 'id_card')
  expect(idCard).toMatchObject({ title: '居民身份证', status: 'valid' })

  // 亮证: a credential bound to the phone's key; the phone signs the QR; the verifier checks it online.
  const issued = await citizen.POST('/v1/wallet/{id}/credentials', {
    params: { path: { id: idCard!.id } },
    body: { profile: 'hotel', deviceKey: phone.jwk },
  })
  expect(issued.response.status).toBe(201)
  const checked = await verifier.POST('/v1/verify', {
    body: { presentation: present(phone, issued.data!.credential) },
  })
  expect(checked.data).toMatchObject({ valid: true, profile: 'hotel', title: '居民身份证' })
  expect(checked.data!.disclosed.idNumberLast4).toBe(who.idNumber.slice(-4))

  // 粤康码: the status credential, the phone's QR, the entrance verification.
  const shown = await citizen.POST('/v1/health-codes/{holder}/show', {
    params: { path: { holder: 'self' } },
    body: { deviceKey: phone.jwk },
  })
  expect(shown.response.status).toBe(200)
  const entrance = await verifier.POST('/v1/health-codes/verify', {
    body: { code: present(phone, shown.data!.credential) },
  })
  expect(entrance.response.status).toBe(200)
  expect(entrance.data!.colour).toBe(shown.data!.colour)
  expect(entrance.data!.checks).toEqual(expect.arrayContaining(['signature', 'device', 'freshness', 'replay']))
})

test('a refusal comes back as the typed error envelope: the wallet without a token is 401 AUTH_REQUIRED', async () => {
  const anonymous = createBffClient(baseUrl)
  const res = await anonymous.GET('/v1/wallet')
  expect(res.response.status).toBe(401)
  expect(res.data).toBeUndefined()
  expect(res.error).toMatchObject({ code: 'AUTH_REQUIRED', message: '请先登录', requestId: expect.any(String) })
})

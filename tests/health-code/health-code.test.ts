// 粤康码 end to end over the API, against the 公安 and 卫健 stand-ins with dates lined up to today: colours from 卫健's
// tests and from declarations, the device-bound code and its verification (colour and time only; forged, expired,
// replayed and superseded codes refused), signing only when something changed, and bad input.
import { HealthCodeSchema, HealthVerificationSchema } from '@ysx/shared'
import { newDevice, present } from '../support/device'
import { reportTest } from '../support/health-code'
import { bearer, CALLER, realNameUser, startSystem, type TestSystem, chinaToday } from '../support/system'

let sys: TestSystem
const device = newDevice()
const DAY_MS = 86_400_000
const SIZE = 400

interface Test {
  sampledAt: string
  result: '阴性' | '阳性'
}
async function testsOf(index: number): Promise<Test[]> {
  const res = await CALLER.fetch(`${sys.departments.weijian!.url}/v1/nucleic-acid-tests/lookup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-client-id': 'GOV/test', 'x-purpose': 'test' },
    body: JSON.stringify({ idNumber: sys.citizen(index).idNumber }),
  })
  return res.ok ? ((await res.json()) as { tests: Test[] }).tests : []
}
/** The first citizen from `from` on whose 卫健 record satisfies `ok` (and whom the face check accepts). */
async function findCitizen(from: number, ok: (tests: Test[]) => boolean): Promise<number> {
  for (let i = from; i < SIZE; i += 1) if (i % 97 !== 13 && i % 89 !== 7 && ok(await testsOf(i))) return i
  throw new Error('no such citizen in the synthetic population')
}
const noPositive = (t: Test[]) => !t.some((x) => x.result === '阳性')

const show = (token: string, holder = 'self', key = device.jwk) =>
  sys.call({
    method: 'POST',
    url: `/v1/health-codes/${holder}/show`,
    headers: bearer(token),
    payload: { deviceKey: key },
  })
const verify = (code: string) => sys.call({ method: 'POST', url: '/v1/health-codes/verify', payload: { code } })
const declare = (token: string, body: object, holder = 'self') =>
  sys.call({ method: 'POST', url: `/v1/health-codes/${holder}/declarations`, headers: bearer(token), payload: body })

let greenToken: string

beforeAll(async () => {
  sys = await startSystem({
    referenceDate: chinaToday(),
    size: SIZE,
    departments: ['weijian'],
    bff: { verifyRateLimitMax: 1_000_000 },
  })
  greenToken = await realNameUser(sys, 'green-citizen', await findCitizen(20, noPositive))
}, 60_000)
afterAll(async () => sys.close())

test('a citizen with no positive test sees a green code with the masked name, the rule version and a credential', async () => {
  const res = await show(greenToken)
  expect(res.statusCode).toBe(200)
  const code = HealthCodeSchema.parse(res.json())
  expect(code).toMatchObject({ holder: 'self', colour: 'green', reasons: [], ruleVersion: '2026-11-v1' })
  expect(code.maskedName).toMatch(/^\*+\S$/u)
  expect(res.headers['cache-control']).toContain('no-store')
})

test('showing again with the same device returns the same credential: the server signs only when something changed', async () => {
  const a = HealthCodeSchema.parse((await show(greenToken)).json())
  const b = HealthCodeSchema.parse((await show(greenToken)).json())
  expect(b.credential).toBe(a.credential)
  const other = newDevice()
  const c = HealthCodeSchema.parse((await show(greenToken, 'self', other.jwk)).json())
  expect(c.credential).not.toBe(a.credential)
})

test('a citizen with a positive test in the last 14 days is red, and the reason says so', async () => {
  // A lab reports a positive sampled 13 days ago to 卫健 for a citizen who had none.
  const index = await findCitizen(200, noPositive)
  await reportTest(sys, index, '阳性', 13 * 24)
  const token = await realNameUser(sys, 'red-citizen', index)
  const code = HealthCodeSchema.parse((await show(token)).json())
  expect(code.colour).toBe('red')
  expect(code.reasons.map((r) => r.rule)).toEqual(['red.positive_test'])
  expect(code.reasons[0]!.message).toContain('阳性')
})

test('the entrance verifier learns the colour and the time, nothing else, and a code is good once', async () => {
  const { credential } = HealthCodeSchema.parse((await show(greenToken)).json())
  const qr = present(device, credential)
  const res = await verify(qr)
  expect(res.statusCode).toBe(200)
  const v = HealthVerificationSchema.parse(res.json())
  expect(Object.keys(res.json()).sort()).toEqual(['checks', 'colour', 'presentedAt'])
  expect(v.colour).toBe('green')
  expect(res.body).not.toMatch(/[\u4e00-\u9fa5]/u) // no name, masked or not
  const again = await verify(qr)
  expect(again.statusCode).toBe(409)
  expect(again.json().code).toBe('HEALTH_CODE_REPLAYED')
})

test('a screenshot older than 60 s, a code signed by another phone and a tampered colour are refused', async () => {
  const { credential } = HealthCodeSchema.parse((await show(greenToken)).json())
  const old = await verify(present(device, credential, { iat: Math.floor(Date.now() / 1000) - 61 }))
  expect([old.statusCode, old.json().code]).toEqual([422, 'HEALTH_CODE_EXPIRED'])
  const otherPhone = await verify(present(device, credential, { key: newDevice().privateKey }))
  expect([otherPhone.statusCode, otherPhone.json().code]).toEqual([422, 'HEALTH_CODE_INVALID'])
  const [h, p, s] = credential.split('.')
  const claims = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>
  const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, hc: 'g', e: (claims.e as number) + 86_400 })).toString('base64url')}.${s}`
  const forged = await verify(present(device, tampered))
  expect([forged.statusCode, forged.json().code]).toEqual([422, 'HEALTH_CODE_INVALID'])
  const junk = await verify('not-a-code')
  expect([junk.statusCode, junk.json().code]).toEqual([422, 'HEALTH_CODE_INVALID'])
})

test('declaring a fever turns the code yellow with its reason, and the code shown before stops verifying', async () => {
  const token = await realNameUser(sys, 'feverish', await findCitizen(120, noPositive))
  const before = HealthCodeSchema.parse((await show(token)).json())
  expect(before.colour).toBe('green')
  const res = await declare(token, {
    kind: 'health',
    temperature: 38.2,
    symptoms: ['fever', 'cough'],
    closeContact: false,
  })
  expect(res.statusCode).toBe(201)
  expect(res.json().status).toMatchObject({ colour: 'yellow', reasons: [{ rule: 'yellow.symptoms' }] })
  const stale = await verify(present(device, before.credential))
  expect([stale.statusCode, stale.json().code]).toEqual([422, 'HEALTH_CODE_SUPERSEDED'])
  const now = HealthCodeSchema.parse((await show(token)).json())
  expect(now.colour).toBe('yellow')
  expect(HealthVerificationSchema.parse((await verify(present(device, now.credential))).json()).colour).toBe('yellow')
})

test('declaring close contact turns the code red', async () => {
  const token = await realNameUser(sys, 'contact', await findCitizen(160, noPositive))
  const res = await declare(token, { kind: 'health', temperature: 36.5, symptoms: [], closeContact: true })
  expect(res.statusCode).toBe(201)
  expect(res.json().status).toMatchObject({ colour: 'red', reasons: [{ rule: 'red.close_contact' }] })
  expect(HealthCodeSchema.parse((await show(token)).json()).colour).toBe('red')
})

test.each([
  ['a temperature out of range', { kind: 'health', temperature: 50, symptoms: [], closeContact: false }],
  ['a repeated symptom', { kind: 'health', temperature: 37, symptoms: ['fever', 'fever'], closeContact: false }],
  ['an unknown symptom', { kind: 'health', temperature: 37, symptoms: ['headache'], closeContact: false }],
  [
    'a return before the departure',
    { kind: 'trip', destination: '440106', departedOn: '2026-11-10', returnedOn: '2026-11-01' },
  ],
  ['an unknown kind', { kind: 'mood', happy: true }],
  ['an extra field', { kind: 'health', temperature: 36.5, symptoms: [], closeContact: false, note: 'x' }],
])('a declaration with %s is refused with 400 and nothing is recorded', async (_label, body) => {
  const res = await declare(greenToken, body)
  expect(res.statusCode).toBe(400)
  expect(res.json().code).toBe('VALIDATION_FAILED')
  expect(HealthCodeSchema.parse((await show(greenToken)).json()).colour).toBe('green')
})

test('a trip returning in the future or more than 30 days ago is refused with its own code', async () => {
  const day = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * DAY_MS).toISOString().slice(0, 10)
  const future = await declare(greenToken, {
    kind: 'trip',
    destination: '440106',
    departedOn: day(-1),
    returnedOn: day(2),
  })
  expect([future.statusCode, future.json().code]).toEqual([422, 'DECLARATION_DATES_INVALID'])
  const old = await declare(greenToken, {
    kind: 'trip',
    destination: '440106',
    departedOn: day(-40),
    returnedOn: day(-35),
  })
  expect([old.statusCode, old.json().code]).toEqual([422, 'DECLARATION_DATES_INVALID'])
})

test('a basic (not real-name) account cannot show a code; no token at all is 401', async () => {
  const basic = await sys.login('basic-only')
  const res = await show(basic.accessToken)
  expect([res.statusCode, res.json().code]).toEqual([403, 'REAL_NAME_REQUIRED'])
  const none = await sys.call({ method: 'POST', url: '/v1/health-codes/self/show', payload: { deviceKey: device.jwk } })
  expect(none.statusCode).toBe(401)
})

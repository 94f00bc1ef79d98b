// A health code is never greener than the facts. 卫健 tells the platform of every new test result with a signed
// callback (RFC 9421) from a durable outbox; the platform refuses unsigned, wrongly signed, stale and replayed
// callbacks, applies a result once, and marks the holder's code stale at once; online verification evaluates a
// stale or lapsed status again before it answers. The outbox is drained through 卫健's admin route (no timers).
import { generateKeyPairSync, randomUUID } from 'node:crypto'
import Database from 'better-sqlite3'
import type { BuiltDepartment } from '@ysx/departments/harness'
import { callbackKeyOf, signCallback } from '@ysx/departments/weijian/callbacks'
import { chinaDateTime, HealthCodeSchema, HealthVerificationSchema } from '@ysx/shared'
import { present } from '../support/device'
import { citizenPicker, healthApi, phone, weijianAdmin } from '../support/health-code'
import { realNameUser, startSystem, type TestSystem, chinaToday } from '../support/system'

let sys: TestSystem
let api: ReturnType<typeof healthApi>
let next: () => Promise<number>
let callbackUrl: string
const PATH = '/v1/callbacks/weijian/test-results'

beforeAll(async () => {
  sys = await startSystem({
    referenceDate: chinaToday(),
    size: 400,
    departments: ['weijian'],
    bff: { verifyRateLimitMax: 1000 },
  })
  api = healthApi(sys)
  next = citizenPicker(sys, 30)
  // The platform listens, and the 卫健 operator registers its callback address (as scripts/start does).
  callbackUrl = `${await sys.bff.listen({ host: '127.0.0.1', port: 0 })}${PATH}`
  const sub = await weijianAdmin(sys, 'PUT', '/_admin/callback-subscription', { url: callbackUrl })
  if (sub.status !== 200) throw new Error(`卫健 refused the callback subscription: ${sub.status}`)
}, 60_000)
afterAll(async () => sys.close())

const weijianDb = () => (sys.departments.weijian!.dept as BuiltDepartment).sqlite
/** A lab reports a result to 卫健 (sampled just now). */
const report = (index: number, result: '阳性' | '阴性') =>
  weijianAdmin<{ resultId: string }>(sys, 'POST', '/_admin/nucleic-acid-tests', {
    idNumber: sys.citizen(index).idNumber,
    sampledAt: chinaDateTime(Date.now() - 3600_000),
    result,
    institution: '广州金域医学检验所',
  })
const drain = () => weijianAdmin<{ delivered: number; pending: number }>(sys, 'POST', '/_admin/callback-outbox/drain')
/** 卫健's reads of test results so far (its own access log). */
const testReads = () =>
  (
    weijianDb()
      .prepare("SELECT count(*) AS n FROM access_log WHERE route = 'POST /v1/nucleic-acid-tests/lookup'")
      .get() as { n: number }
  ).n
/** The BFF's audit records of one action, read from its file as an auditor would. */
function auditRows(action: string) {
  const db = new Database(sys.dbFile, { readonly: true })
  try {
    return db
      .prepare('SELECT outcome, reason, ip, user_id AS userId FROM audit_log WHERE action = ? ORDER BY seq')
      .all(action) as { outcome: string; reason: string; ip: string | null; userId: string | null }[]
  } finally {
    db.close()
  }
}
const showGreen = async (token: string) => {
  const code = HealthCodeSchema.parse((await api.show(token)).json())
  expect(code.colour).toBe('green')
  return code
}
/** A callback as it reaches the platform: the body and the headers, signed (or not) by whoever sent it. */
const deliver = (body: string, headers: Record<string, string>) =>
  sys.call({ method: 'POST', url: PATH, headers, payload: body })
const notice = (index: number, resultId = randomUUID()) =>
  JSON.stringify({ resultId, idNumber: sys.citizen(index).idNumber, reportedAt: chinaDateTime(Date.now()) })
const signedBy = (
  body: string,
  { signer = callbackKeyOf(weijianDb()), ...opts }: { created?: Date; signer?: ReturnType<typeof callbackKeyOf> } = {},
) => signCallback({ ...signer, url: callbackUrl, body, ...opts })

test('a positive test recorded at 卫健 turns online verification red without waiting for re-evaluation', async () => {
  const index = await next()
  const token = await realNameUser(sys, 'turns-red', index)
  const shown = await showGreen(token)
  expect((await report(index, '阳性')).status).toBe(201)
  expect((await drain()).json).toMatchObject({ pending: 0 })
  // The code on the phone was signed green a moment ago; the entrance is told the truth as of now.
  const res = await api.verify(shown.credential)
  expect(res.statusCode).toBe(200)
  expect(HealthVerificationSchema.parse(res.json()).colour).toBe('red')
  expect(HealthCodeSchema.parse((await api.show(token)).json()).colour).toBe('red')
})

test('one QR scanned twice at once while its status is stale: one answer, one evaluation at 卫健', async () => {
  const index = await next()
  const token = await realNameUser(sys, 'two-scans', index)
  const shown = await showGreen(token)
  await report(index, '阴性')
  await drain()
  const before = testReads()
  const qr = present(phone, shown.credential)
  const verify = () => sys.call({ method: 'POST', url: '/v1/health-codes/verify', payload: { code: qr } })
  const results = await Promise.all([verify(), verify()])
  expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409])
  expect(testReads() - before).toBe(1)
})

test('an unsigned, wrongly signed, altered or stale callback is refused and leaves the code as it was', async () => {
  const index = await next()
  const token = await realNameUser(sys, 'forged-callbacks', index)
  await showGreen(token)
  const body = notice(index)
  const refusedBefore = auditRows('health_code.callback').filter((r) => r.outcome === 'failure').length
  const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey
  const { kid } = callbackKeyOf(weijianDb())
  const attempts = {
    unsigned: await deliver(body, { 'content-type': 'application/json' }),
    'signed by another key under 卫健 key id': await deliver(
      body,
      await signedBy(body, { signer: { kid, key: stranger } }),
    ),
    'signed by an unknown key': await deliver(
      body,
      await signedBy(body, { signer: { kid: 'wj-not-a-key-0001', key: stranger } }),
    ),
    'body changed after signing': await deliver(notice(index), await signedBy(body)),
    'signed two minutes ago': await deliver(body, await signedBy(body, { created: new Date(Date.now() - 120_000) })),
  }
  for (const [what, res] of Object.entries(attempts))
    expect([what, res.statusCode, res.json().code]).toEqual([what, 401, 'CALLBACK_REFUSED'])
  // Nothing was applied: the code is still current, no re-evaluation happens at the next display.
  const before = testReads()
  await showGreen(token)
  expect(testReads()).toBe(before)
  expect(auditRows('health_code.callback').filter((r) => r.outcome === 'failure')).toHaveLength(
    refusedBefore + Object.keys(attempts).length,
  )
})

test('a replayed callback is refused; a retried notice (signed again) is acknowledged and applied once', async () => {
  const index = await next()
  const token = await realNameUser(sys, 'replayed-callback', index)
  const shown = await showGreen(token)
  const body = notice(index)
  const headers = await signedBy(body)
  const first = await deliver(body, headers)
  expect([first.statusCode, first.json()]).toEqual([200, { status: 'applied' }])
  const replay = await deliver(body, headers)
  expect([replay.statusCode, replay.json().code]).toEqual([409, 'CALLBACK_REPLAYED'])
  // The verification evaluates the stale status again (one read at 卫健) ...
  let before = testReads()
  expect((await api.verify(shown.credential)).statusCode).toBe(200)
  expect(testReads() - before).toBe(1)
  // ... and 卫健 sending the same result again (lost acknowledgement) does not make it stale a second time.
  const retry = await deliver(body, await signedBy(body))
  expect([retry.statusCode, retry.json()]).toEqual([200, { status: 'duplicate' }])
  before = testReads()
  const again = await api.show(token)
  expect(again.statusCode).toBe(200)
  expect(testReads()).toBe(before)
})

test('a status past its validUntil is evaluated again at verification: a result 卫健 never announced still counts', async () => {
  const index = await next()
  const token = await realNameUser(sys, 'lapsed', index)
  const shown = await showGreen(token)
  // 卫健's notice is lost for good (the platform's address is wrong), so only the lapse can bring the result in.
  await weijianAdmin(sys, 'PUT', '/_admin/callback-subscription', { url: 'http://127.0.0.1:9/nowhere' })
  try {
    await report(index, '阳性')
    const lapse = Date.parse(shown.validUntil) - Date.now() + 60_000
    sys.advance(lapse)
    try {
      const qr = present(phone, shown.credential, { iat: Math.floor((Date.now() + lapse) / 1000) })
      const res = await sys.call({ method: 'POST', url: '/v1/health-codes/verify', payload: { code: qr } })
      expect(res.statusCode).toBe(200)
      expect(HealthVerificationSchema.parse(res.json()).colour).toBe('red')
    } finally {
      sys.advance(-lapse)
    }
  } finally {
    await weijianAdmin(sys, 'PUT', '/_admin/callback-subscription', { url: callbackUrl })
    await drain()
  }
})

test('a replayed verification is audited with the holder and the reader, a forged one too', async () => {
  const index = await next()
  const token = await realNameUser(sys, 'audited-replay', index)
  const shown = await showGreen(token)
  const qr = present(phone, shown.credential)
  const verify = (code: string) =>
    sys.call({ method: 'POST', url: '/v1/health-codes/verify', payload: { code }, remoteAddress: '198.51.100.23' })
  expect((await verify(qr)).statusCode).toBe(200)
  expect((await verify(qr)).statusCode).toBe(409)
  expect((await verify(`${qr}A`)).statusCode).toBe(422)
  const rows = auditRows('health_code.verify').filter((r) => r.ip === '198.51.100.23')
  expect(rows.map((r) => [r.outcome, r.reason.split(':')[0], r.userId !== null])).toEqual([
    ['failure', 'HEALTH_CODE_REPLAYED', true],
    ['failure', 'HEALTH_CODE_INVALID', false],
  ])
  // Each new status credential the platform signs is audited as an issuance, for the citizen it was shown to.
  expect(auditRows('health_code.issue').filter((r) => r.userId === rows[0]!.userId)).toHaveLength(1)
})

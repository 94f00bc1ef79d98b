// The 公安 face check: identity, digits, similarity and liveness outcomes, each reachable deterministically.
import { FaceCheckResultSchema } from '@ysx/shared'
import { standIn as gonganStandIn } from '../src/gongan/app'
import { type DepartmentApp, person, buildDepartment } from '../src/harness'
import { CALLER, TRUST } from './helper'

const SEED = 11
const CALL_HEADERS = { 'x-client-id': 'GOV/44000000/ysx-bff', 'x-purpose': encodeURIComponent('实名认证（人脸核身）') }
let dept: DepartmentApp
beforeAll(async () => {
  dept = buildDepartment(gonganStandIn, { dbFile: ':memory:', seed: SEED, size: 120, logLevel: 'silent', ...TRUST })
  await dept.app.ready()
})
afterAll(async () => dept.app.close())

const check = (index: number, over: { name?: string; image?: string; spokenDigits?: string } = {}) => {
  const p = person(SEED, index)
  return CALLER.inject(dept.app, {
    method: 'POST',
    url: '/v1/face/check',
    headers: CALL_HEADERS,
    payload: {
      idNumber: p.idNumber,
      name: over.name ?? p.name,
      challengeDigits: '4827',
      sample: {
        kind: 'camera',
        image: over.image ?? Buffer.from('frame').toString('base64'),
        spokenDigits: over.spokenDigits ?? '4827',
      },
    },
  })
}

test('the right person reading the right digits passes every check', async () => {
  const res = FaceCheckResultSchema.parse((await check(1)).json())
  expect(res).toMatchObject({ identityMatch: true, digitsMatch: true, phone: person(SEED, 1).phone })
  expect(res.similarity).toBeGreaterThan(0.8)
  expect(res.liveness).toBeGreaterThan(0.8)
})

test('a name that does not match the ID number is an identity mismatch and reveals no phone', async () => {
  const res = FaceCheckResultSchema.parse((await check(2, { name: '王不对' })).json())
  expect(res.identityMatch).toBe(false)
  expect(res.phone).toBeNull()
})

test('wrong digits, a spoof and a different face each fail their own check and pass the others', async () => {
  const result = async (over: Parameters<typeof check>[1]) => {
    const r = FaceCheckResultSchema.parse((await check(3, over)).json())
    return { identity: r.identityMatch, digits: r.digitsMatch, live: r.liveness > 0.8, same: r.similarity > 0.8 }
  }
  const passes = { identity: true, digits: true, live: true, same: true }
  expect(await result({ spokenDigits: '1111' })).toEqual({ ...passes, digits: false })
  expect(await result({ image: Buffer.from('SPOOF').toString('base64') })).toEqual({ ...passes, live: false })
  expect(await result({ image: Buffer.from('NOT-ME').toString('base64') })).toEqual({ ...passes, same: false })
})

test('an ID number outside the register gets 404 CITIZEN_NOT_FOUND', async () => {
  const stranger = person(SEED, 9999)
  const res = await CALLER.inject(dept.app, {
    method: 'POST',
    url: '/v1/face/check',
    headers: CALL_HEADERS,
    payload: {
      idNumber: stranger.idNumber,
      name: stranger.name,
      challengeDigits: '1234',
      sample: { kind: 'standin', image: '', spokenDigits: '1234' },
    },
  })
  expect(res.statusCode).toBe(404)
  expect(res.json().code).toBe('CITIZEN_NOT_FOUND')
})

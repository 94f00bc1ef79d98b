// Step-up belongs to the session: a face verification passed in one session is that session's alone, a real-name
// citizen's step-up is the face check without their name and ID number, and stand-in samples need stand-in mode.
import { ProfileSchema } from '@ysx/shared'
import { bearer, realNameUser, startSystem, type TestSystem } from '../support/system'

let sys: TestSystem
beforeAll(async () => {
  sys = await startSystem()
})
afterAll(async () => sys.close())

const reveal = (s: TestSystem, token: string) =>
  s.call({ method: 'POST', url: '/v1/me/id-number/reveal', headers: bearer(token) })
async function challenge(s: TestSystem, token: string) {
  const res = await s.call({ method: 'POST', url: '/v1/face/challenges', headers: bearer(token) })
  expect(res.statusCode).toBe(201)
  return res.json() as { verifyId: string; digits: string; purpose: string }
}
const faceOnly = (s: TestSystem, token: string, c: { verifyId: string; digits: string }, image = 'ZnJhbWU=') =>
  s.call({
    method: 'POST',
    url: '/v1/face/verifications',
    headers: bearer(token),
    payload: { verifyId: c.verifyId, sample: { kind: 'camera', image, spokenDigits: c.digits } },
  })

test("a second session of the same user does not inherit the first session's fresh face check", async () => {
  const first = await realNameUser(sys, 'two-phones', 21)
  expect((await reveal(sys, first)).statusCode).toBe(200)
  // The same account signs in elsewhere (another phone, or a thief with the WeChat account) a second later.
  const second = (await sys.login('two-phones')).accessToken
  const refused = await reveal(sys, second)
  expect(refused.statusCode).toBe(403)
  expect(refused.json().code).toBe('STEP_UP_REQUIRED')
  const me = ProfileSchema.parse((await sys.call({ method: 'GET', url: '/v1/me', headers: bearer(second) })).json())
  expect(me.level).toBe('real_name')
  expect(me.lastFaceVerifiedAt).toBeNull()
  // The first session keeps its own step-up.
  expect((await reveal(sys, first)).statusCode).toBe(200)
})

test("a step-up passed in a later session does not freshen an earlier one's", async () => {
  const first = await realNameUser(sys, 'later-session', 22)
  sys.advance(301_000)
  try {
    const second = (await sys.login('later-session')).accessToken
    expect((await faceOnly(sys, second, await challenge(sys, second))).statusCode).toBe(200)
    expect((await reveal(sys, second)).statusCode).toBe(200)
    expect((await reveal(sys, first)).json().code).toBe('STEP_UP_REQUIRED')
  } finally {
    sys.advance(-301_000)
  }
})

test('a real-name step-up does not require name and ID number', async () => {
  const who = sys.citizen(23)
  await realNameUser(sys, 'face-only', 23)
  const token = (await sys.login('face-only')).accessToken
  const c = await challenge(sys, token)
  expect(c.purpose).toBe('step_up')
  const res = await faceOnly(sys, token, c)
  expect(res.statusCode).toBe(200)
  expect(ProfileSchema.parse(res.json()).lastFaceVerifiedAt).not.toBeNull()
  const shown = await reveal(sys, token)
  expect(shown.statusCode).toBe(200)
  expect(shown.json()).toEqual({ idNumber: who.idNumber })
})

test('a face-only step-up is checked against the bound citizen: a thief with the session but another face fails', async () => {
  await realNameUser(sys, 'thief-face', 24)
  const stolen = (await sys.login('thief-face')).accessToken
  const res = await faceOnly(sys, stolen, await challenge(sys, stolen), Buffer.from('NOT-ME').toString('base64'))
  expect(res.statusCode).toBe(422)
  expect(res.json().code).toBe('FACE_NOT_MATCHED')
  expect((await reveal(sys, stolen)).json().code).toBe('STEP_UP_REQUIRED')
  // Nor can the thief name someone else to re-verify as.
  const c = await challenge(sys, stolen)
  const other = sys.citizen(25)
  const swapped = await sys.call({
    method: 'POST',
    url: '/v1/face/verifications',
    headers: bearer(stolen),
    payload: {
      verifyId: c.verifyId,
      name: other.name,
      idNumber: other.idNumber,
      sample: { kind: 'camera', image: 'ZnJhbWU=', spokenDigits: c.digits },
    },
  })
  expect(swapped.json().code).toBe('FACE_IDENTITY_MISMATCH')
})

test('binding a real name without name and ID number is refused as bad input and spends nothing', async () => {
  const token = (await sys.login('nameless')).accessToken
  const c = await challenge(sys, token)
  expect(c.purpose).toBe('real_name')
  const res = await faceOnly(sys, token, c)
  expect(res.statusCode).toBe(400)
  expect(res.json().code).toBe('VALIDATION_FAILED')
  expect(
    res
      .json()
      .details.map((d: { path: string }) => d.path)
      .sort(),
  ).toEqual(['body.idNumber', 'body.name'])
  const who = sys.citizen(26)
  const bound = await sys.call({
    method: 'POST',
    url: '/v1/face/verifications',
    headers: bearer(token),
    payload: {
      verifyId: c.verifyId,
      name: who.name,
      idNumber: who.idNumber,
      sample: { kind: 'camera', image: 'ZnJhbWU=', spokenDigits: c.digits },
    },
  })
  expect(bound.statusCode).toBe(200)
})

test('with stand-in mode off, a stand-in face sample is refused and binds nothing', async () => {
  const strict = await startSystem({ bff: { faceStandIn: false } })
  try {
    const token = (await strict.login('no-camera')).accessToken
    const who = strict.citizen(27)
    const c = await challenge(strict, token)
    const body = (kind: 'standin' | 'camera') => ({
      verifyId: c.verifyId,
      name: who.name,
      idNumber: who.idNumber,
      sample: { kind, image: kind === 'camera' ? 'ZnJhbWU=' : '', spokenDigits: c.digits },
    })
    const post = (kind: 'standin' | 'camera') =>
      strict.call({ method: 'POST', url: '/v1/face/verifications', headers: bearer(token), payload: body(kind) })
    const refused = await post('standin')
    expect(refused.statusCode).toBe(422)
    expect(refused.json().code).toBe('FACE_SAMPLE_NOT_ACCEPTED')
    const me = (await strict.call({ method: 'GET', url: '/v1/me', headers: bearer(token) })).json()
    expect(me.level).toBe('basic')
    // A camera frame is still checked as usual.
    expect((await post('camera')).statusCode).toBe(200)
  } finally {
    await strict.close()
  }
})

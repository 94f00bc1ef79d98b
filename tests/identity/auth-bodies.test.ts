// Malformed bodies on the auth and face routes: each gets 400 VALIDATION_FAILED naming the field at fault (or, for a
// body that is not JSON at all, 400 BAD_REQUEST), and changes nothing — no session used up, no challenge spent.
import { testConfig } from '@ysx/bff/config'
import { bearer, startSystem, type TestSystem } from '../support/system'

let sys: TestSystem
beforeAll(async () => {
  // Every case here logs in or refreshes from one address: the per-address limit is not what this file tests.
  sys = await startSystem({ bff: { auth: { ...testConfig().auth, loginRateLimitMax: 10_000 } } })
})
afterAll(async () => sys.close())

type Res = { statusCode: number; json(): { code?: string; details?: { path: string }[] } }
/** Status, code and the paths of the fields named, as the client sees them. */
const refusal = (res: Res) => ({
  status: res.statusCode,
  code: res.json().code,
  paths: (res.json().details ?? []).map((d) => d.path).sort(),
})
const invalid = (...paths: string[]) => ({ status: 400, code: 'VALIDATION_FAILED', paths: paths.sort() })

test.each([
  ['no code', {}, 'body.code'],
  ['a code that is a number', { code: 123456 }, 'body.code'],
  ['an empty code', { code: '' }, 'body.code'],
  ['a code over 128 characters', { code: 'c'.repeat(129) }, 'body.code'],
  ['a field the contract does not have', { code: 'abc', openid: 'someone-else' }, 'body'],
])('login with %s gets 400 VALIDATION_FAILED at %s', async (_, payload, path) => {
  expect(refusal(await sys.call({ method: 'POST', url: '/v1/auth/login', payload }))).toEqual(invalid(path))
})

test.each([
  ['no refresh token', {}, 'body.refreshToken'],
  ['a refresh token that is an object', { refreshToken: { $ne: null } }, 'body.refreshToken'],
  ['an empty refresh token', { refreshToken: '' }, 'body.refreshToken'],
  ['a refresh token over 256 characters', { refreshToken: 'r'.repeat(257) }, 'body.refreshToken'],
  ['a field the contract does not have', { refreshToken: 'abc', sessionId: 'x' }, 'body'],
])('refresh with %s gets 400 VALIDATION_FAILED at %s', async (_, payload, path) => {
  expect(refusal(await sys.call({ method: 'POST', url: '/v1/auth/refresh', payload }))).toEqual(invalid(path))
})

test('a refresh refused as malformed does not use up the refresh token', async () => {
  const t = await sys.login('malformed-refresh')
  const bad = await sys.call({
    method: 'POST',
    url: '/v1/auth/refresh',
    payload: { refreshToken: t.refreshToken, x: 1 },
  })
  expect(refusal(bad)).toEqual(invalid('body'))
  const good = await sys.call({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken: t.refreshToken } })
  expect(good.statusCode).toBe(200)
})

test.each([
  ['logout', '/v1/auth/logout'],
  ['a face challenge', '/v1/face/challenges'],
  ['login', '/v1/auth/login'],
  ['a face verification', '/v1/face/verifications'],
])('%s with a body that is not JSON gets 400 BAD_REQUEST and leaves the session live', async (_, url) => {
  const t = await sys.login(`not-json-${url}`)
  const res = await sys.call({
    method: 'POST',
    url,
    headers: { ...bearer(t.accessToken), 'content-type': 'application/json' },
    payload: '{"code": ',
  })
  expect(refusal(res)).toEqual({ status: 400, code: 'BAD_REQUEST', paths: [] })
  expect((await sys.call({ method: 'GET', url: '/v1/me', headers: bearer(t.accessToken) })).statusCode).toBe(200)
})

const wrongCheckDigit = (id: string) => `${id.slice(0, 17)}${id.at(-1) === '0' ? '1' : '0'}`
type Body = Record<string, unknown>
/** Malformed face-verification bodies: what is wrong, the change to a valid body, the fields named. */
const MALFORMED_FACE: [string, (b: Body, idNumber: string) => Body, string[]][] = [
  ['no verifyId', (b) => ({ ...b, verifyId: undefined }), ['body.verifyId']],
  ['a verifyId that is not a UUID', (b) => ({ ...b, verifyId: 'abc' }), ['body.verifyId']],
  ['no sample', (b) => ({ ...b, sample: undefined }), ['body.sample']],
  [
    'a sample of an unknown kind',
    (b) => ({ ...b, sample: { kind: 'photo', image: '', spokenDigits: '1' } }),
    ['body.sample.kind'],
  ],
  [
    'spoken digits that are not digits',
    (b) => ({ ...b, sample: { kind: 'standin', image: '', spokenDigits: 'one' } }),
    ['body.sample.spokenDigits'],
  ],
  [
    'an image over 400,000 characters',
    (b) => ({ ...b, sample: { kind: 'camera', image: 'A'.repeat(400_001), spokenDigits: '1' } }),
    ['body.sample.image'],
  ],
  [
    'a field in the sample the contract does not have',
    (b) => ({ ...b, sample: { kind: 'standin', image: '', spokenDigits: '1', score: 1 } }),
    ['body.sample'],
  ],
  ['an ID number with a wrong check digit', (b, id) => ({ ...b, idNumber: wrongCheckDigit(id) }), ['body.idNumber']],
  ['a name with digits', (b) => ({ ...b, name: '张3' }), ['body.name']],
  ['a field the contract does not have', (b) => ({ ...b, level: 'real_name' }), ['body']],
]

describe('face verification bodies', () => {
  async function started(account: string) {
    const token = (await sys.login(account)).accessToken
    const c = (await sys.call({ method: 'POST', url: '/v1/face/challenges', headers: bearer(token) })).json()
    const post = (payload: object) =>
      sys.call({ method: 'POST', url: '/v1/face/verifications', headers: bearer(token), payload })
    return { token, c, post }
  }
  const valid = (c: { verifyId: string; digits: string }, index: number) => ({
    verifyId: c.verifyId,
    name: sys.citizen(index).name,
    idNumber: sys.citizen(index).idNumber,
    sample: { kind: 'standin', image: '', spokenDigits: c.digits },
  })

  test.each(MALFORMED_FACE)('%s gets 400 VALIDATION_FAILED naming the field', async (_, change, paths) => {
    const { c, post } = await started('malformed-face')
    expect(refusal(await post(change(valid(c, 51), sys.citizen(51).idNumber)))).toEqual(invalid(...paths))
  })

  test('malformed bodies spend no challenge and bind nothing: the valid body then binds with the same challenge', async () => {
    const { token, c, post } = await started('malformed-then-valid')
    const statuses = []
    for (const [, change] of MALFORMED_FACE)
      statuses.push((await post(change(valid(c, 52), sys.citizen(52).idNumber))).statusCode)
    expect(statuses).toEqual(MALFORMED_FACE.map(() => 400))
    expect((await sys.call({ method: 'GET', url: '/v1/me', headers: bearer(token) })).json().level).toBe('basic')
    const res = await post(valid(c, 52))
    expect(res.statusCode).toBe(200)
    expect(res.json().level).toBe('real_name')
  })
})

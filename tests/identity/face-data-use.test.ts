// 我的数据使用记录 and the face check: a check that did not pass reads as failed (核验未通过), and a check run with
// someone else's ID number shows in that citizen's own record, with who asked (masked).
import { DataAccessPageSchema } from '@ysx/shared'
import { bearer, realNameUser, startSystem, type TestSystem } from '../support/system'

let sys: TestSystem
beforeAll(async () => {
  sys = await startSystem()
})
afterAll(async () => sys.close())

const records = async (token: string) =>
  DataAccessPageSchema.parse(
    (await sys.call({ method: 'GET', url: '/v1/me/data-access', headers: bearer(token) })).json(),
  ).records.filter((r) => r.department === 'gongan')

async function tryFace(token: string, who: { name: string; idNumber: string }, image: string) {
  const c = (await sys.call({ method: 'POST', url: '/v1/face/challenges', headers: bearer(token) })).json()
  return sys.call({
    method: 'POST',
    url: '/v1/face/verifications',
    headers: bearer(token),
    payload: {
      verifyId: c.verifyId,
      name: who.name,
      idNumber: who.idNumber,
      sample: { kind: 'camera', image, spokenDigits: c.digits },
    },
  })
}
const NOT_ME = Buffer.from('NOT-ME').toString('base64')

test('a failed face check is not shown as 已返回数据: it reads rejected (核验未通过), a passed one served', async () => {
  const { accessToken } = await sys.login('failed-face')
  const who = sys.citizen(31)
  expect((await tryFace(accessToken, who, NOT_ME)).json().code).toBe('FACE_NOT_MATCHED')
  expect((await tryFace(accessToken, who, 'ZnJhbWU=')).statusCode).toBe(200)
  const [passed, failed] = await records(accessToken)
  expect(failed!.outcome).toBe('rejected')
  expect(passed!.outcome).toBe('served')
})

test("a face check run with another person's ID number is recorded in that person's own log, with who asked, masked", async () => {
  const victim = sys.citizen(32)
  const victimToken = await realNameUser(sys, 'id-owner', 32)
  const before = (await records(victimToken)).length
  const { accessToken } = await sys.login('id-borrower')
  const asker = (await sys.call({ method: 'GET', url: '/v1/me', headers: bearer(accessToken) })).json().userId as string
  expect((await tryFace(accessToken, victim, NOT_ME)).json().code).toBe('FACE_NOT_MATCHED')

  const mine = await records(victimToken)
  expect(mine).toHaveLength(before + 1)
  const seen = mine[0]!
  expect(seen.outcome).toBe('rejected')
  expect(seen.dataKind).toContain('人脸核身')
  expect(seen.purpose).toContain('他人以您的身份证号')
  expect(seen.purpose).toContain(`****${asker.replace(/-/g, '').slice(-4)}`)
  expect(seen.purpose).not.toContain(asker)
  // The asker's own record has it too.
  expect((await records(accessToken))[0]!.outcome).toBe('rejected')
})

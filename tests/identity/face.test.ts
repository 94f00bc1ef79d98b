// Real-name face verification: binding, each failure's own code, single-use challenges, the daily limit, step-up.
import { testConfig } from '@ysx/bff/config'
import { openDataStore } from '@ysx/bff/db'
import { ProfileSchema } from '@ysx/shared'
import { bearer, startSystem, type TestSystem } from '../support/system'

let sys: TestSystem
beforeAll(async () => {
  sys = await startSystem()
})
afterAll(async () => sys.close())

const start = (token: string) => sys.call({ method: 'POST', url: '/v1/face/challenges', headers: bearer(token) })
function verify(
  token: string,
  verifyId: string,
  who: { name: string; idNumber: string },
  sample: Partial<{ image: string; spokenDigits: string }> & { digits: string },
) {
  return sys.call({
    method: 'POST',
    url: '/v1/face/verifications',
    headers: bearer(token),
    payload: {
      verifyId,
      name: who.name,
      idNumber: who.idNumber,
      sample: { kind: 'camera', image: sample.image ?? 'ZnJhbWU=', spokenDigits: sample.spokenDigits ?? sample.digits },
    },
  })
}
async function challenge(token: string) {
  const res = await start(token)
  expect(res.statusCode).toBe(201)
  return res.json() as { verifyId: string; digits: string; expiresAt: string }
}

test('the right citizen reading the digits becomes real-name, with a masked profile', async () => {
  const t = await sys.login('binder')
  const c = await challenge(t.accessToken)
  expect(c.digits).toMatch(/^\d{6}$/)
  const who = sys.citizen(1)
  const res = await verify(t.accessToken, c.verifyId, who, { digits: c.digits })
  expect(res.json()).toHaveProperty('level')
  expect(res.statusCode).toBe(200)
  const profile = ProfileSchema.parse(res.json())
  expect(profile.level).toBe('real_name')
  expect(profile.idNumber).toBe(`${who.idNumber.slice(0, 3)}${'*'.repeat(11)}${who.idNumber.slice(-4)}`)
  expect(profile.name).toBe(`${'*'.repeat([...who.name].length - 1)}${[...who.name].at(-1)}`)
  expect(profile.phone).toBe(`${who.phone.slice(0, 3)}****${who.phone.slice(-4)}`)
  expect(res.body).not.toContain(who.idNumber)
  expect(res.body).not.toContain(who.name)
})

test('wrong digits, a replayed verifyId and a mismatched ID number each get their own code', async () => {
  const short = await startSystem({ bff: { auth: { ...testConfig().auth, faceFailuresPerDay: 50 } } })
  try {
    const t = await short.login('failures')
    const who = short.citizen(2)
    const outcomes: Record<string, string> = {}

    const c1 = await (
      await short.call({ method: 'POST', url: '/v1/face/challenges', headers: bearer(t.accessToken) })
    ).json()
    const wrong = await verifyOn(short, t.accessToken, c1.verifyId, who, { spokenDigits: flip(c1.digits) })
    outcomes.wrongDigits = `${wrong.statusCode} ${wrong.json().code}`
    const replay = await verifyOn(short, t.accessToken, c1.verifyId, who, { spokenDigits: c1.digits })
    outcomes.replayed = `${replay.statusCode} ${replay.json().code}`

    const c2 = await (
      await short.call({ method: 'POST', url: '/v1/face/challenges', headers: bearer(t.accessToken) })
    ).json()
    const other = short.citizen(3)
    const mismatch = await verifyOn(
      short,
      t.accessToken,
      c2.verifyId,
      { name: who.name, idNumber: other.idNumber },
      { spokenDigits: c2.digits },
    )
    outcomes.mismatchedId = `${mismatch.statusCode} ${mismatch.json().code}`

    expect(outcomes).toEqual({
      wrongDigits: '422 FACE_DIGITS_MISMATCH',
      replayed: '409 FACE_CHALLENGE_USED',
      mismatchedId: '422 FACE_IDENTITY_MISMATCH',
    })
  } finally {
    await short.close()
  }
})

test('a challenge past its 2 minutes gets 410 FACE_CHALLENGE_EXPIRED', async () => {
  const t = await sys.login('slowpoke')
  const c = await challenge(t.accessToken)
  sys.advance(121_000)
  try {
    const res = await verify(t.accessToken, c.verifyId, sys.citizen(4), { digits: c.digits })
    expect(res.statusCode).toBe(410)
    expect(res.json().code).toBe('FACE_CHALLENGE_EXPIRED')
  } finally {
    sys.advance(-121_000)
  }
})

test('a spoofed sample fails liveness and a different face fails the match, each with its own code', async () => {
  const t = await sys.login('spoofer')
  const who = sys.citizen(5)
  const c1 = await challenge(t.accessToken)
  const spoof = await verify(t.accessToken, c1.verifyId, who, {
    digits: c1.digits,
    image: Buffer.from('SPOOF').toString('base64'),
  })
  expect(`${spoof.statusCode} ${spoof.json().code}`).toBe('422 FACE_LIVENESS_FAILED')
  const c2 = await challenge(t.accessToken)
  const notMe = await verify(t.accessToken, c2.verifyId, who, {
    digits: c2.digits,
    image: Buffer.from('NOT-ME').toString('base64'),
  })
  expect(`${notMe.statusCode} ${notMe.json().code}`).toBe('422 FACE_NOT_MATCHED')
})

test("another user's verifyId is not found", async () => {
  const a = await sys.login('owner')
  const b = await sys.login('thief')
  const c = await challenge(a.accessToken)
  const res = await verify(b.accessToken, c.verifyId, sys.citizen(6), { digits: c.digits })
  expect(res.statusCode).toBe(404)
  expect(res.json().code).toBe('FACE_CHALLENGE_NOT_FOUND')
})

test('the 6th verification after 5 failed ones in a day gets 429 FACE_ATTEMPTS_EXCEEDED, even with the right digits', async () => {
  const t = await sys.login('persistent')
  const who = sys.citizen(7)
  // Six challenges first: once the day's failures are used up no new one is issued (the next test).
  const challenges = []
  for (let i = 0; i < 6; i += 1) challenges.push(await challenge(t.accessToken))
  const outcomes: string[] = []
  for (const c of challenges.slice(0, 5)) {
    const res = await verify(t.accessToken, c.verifyId, who, { digits: c.digits, spokenDigits: flip(c.digits) })
    outcomes.push(`${res.statusCode} ${res.json().code}`)
  }
  const sixth = challenges[5]!
  const over = await verify(t.accessToken, sixth.verifyId, who, { digits: sixth.digits })
  outcomes.push(`${over.statusCode} ${over.json().code}`)
  expect(outcomes).toEqual([...Array(5).fill('422 FACE_DIGITS_MISMATCH'), '429 FACE_ATTEMPTS_EXCEEDED'])
  const me = await sys.call({ method: 'GET', url: '/v1/me', headers: bearer(t.accessToken) })
  expect(me.json().level).toBe('basic')
})

test("after 5 failed verifications in a day a new challenge gets 429 FACE_ATTEMPTS_EXCEEDED; another account's does not", async () => {
  const t = await sys.login('challenge-limited')
  const who = sys.citizen(10)
  const failures: string[] = []
  for (let i = 0; i < 5; i += 1) {
    const c = await challenge(t.accessToken)
    const res = await verify(t.accessToken, c.verifyId, who, { digits: c.digits, spokenDigits: flip(c.digits) })
    failures.push(res.json().code)
  }
  expect(failures).toEqual(Array(5).fill('FACE_DIGITS_MISMATCH'))
  const refused = await start(t.accessToken)
  expect(`${refused.statusCode} ${refused.json().code}`).toBe('429 FACE_ATTEMPTS_EXCEEDED')
  const other = await sys.login('bystander')
  expect((await start(other.accessToken)).statusCode).toBe(201) // one person's failures do not lock out another
})

test('one citizen cannot be bound to two accounts: the second gets 409 IDENTITY_ALREADY_BOUND and stays basic', async () => {
  const who = sys.citizen(8)
  const first = await sys.login('first-owner')
  const c1 = await challenge(first.accessToken)
  expect((await verify(first.accessToken, c1.verifyId, who, { digits: c1.digits })).statusCode).toBe(200)
  const second = await sys.login('second-owner')
  const c2 = await challenge(second.accessToken)
  const res = await verify(second.accessToken, c2.verifyId, who, { digits: c2.digits })
  expect(`${res.statusCode} ${res.json().code}`).toBe('409 IDENTITY_ALREADY_BOUND')
  const me = await sys.call({ method: 'GET', url: '/v1/me', headers: bearer(second.accessToken) })
  expect(me.json()).toMatchObject({ level: 'basic', idNumber: null, lastFaceVerifiedAt: null })
})

test('revealing the full ID number needs a face verification in the last 5 minutes, and is audited', async () => {
  const t = await sys.login('revealer')
  const who = sys.citizen(9)
  const reveal = () => sys.call({ method: 'POST', url: '/v1/me/id-number/reveal', headers: bearer(t.accessToken) })
  expect((await reveal()).json().code).toBe('REAL_NAME_REQUIRED')
  const c = await challenge(t.accessToken)
  await verify(t.accessToken, c.verifyId, who, { digits: c.digits })
  const ok = await reveal()
  expect(ok.statusCode).toBe(200)
  expect(ok.json()).toEqual({ idNumber: who.idNumber })
  expect(ok.headers['cache-control']).toBe('no-store')
  sys.advance(301_000)
  try {
    const stale = await reveal()
    expect(stale.statusCode).toBe(403)
    expect(stale.json().code).toBe('STEP_UP_REQUIRED')
  } finally {
    sys.advance(-301_000)
  }
  const userId = (await sys.call({ method: 'GET', url: '/v1/me', headers: bearer(t.accessToken) })).json().userId
  const store = openDataStore(sys.dbFile)
  try {
    const mine = (await store.repos.audit.list({ userId })).map((r) => `${r.action}:${r.outcome}:${r.reason ?? ''}`)
    expect(mine.filter((e) => e.startsWith('id_number.reveal') || e.startsWith('authz.denied'))).toEqual([
      'authz.denied:failure:REAL_NAME_REQUIRED',
      'id_number.reveal:success:',
      'authz.denied:failure:STEP_UP_REQUIRED',
    ])
  } finally {
    await store.close()
  }
})

const flip = (digits: string) => digits.replace(/^./, (d) => String((Number(d) + 1) % 10))
function verifyOn(
  s: TestSystem,
  token: string,
  verifyId: string,
  who: { name: string; idNumber: string },
  sample: { spokenDigits: string },
) {
  return s.call({
    method: 'POST',
    url: '/v1/face/verifications',
    headers: bearer(token),
    payload: {
      verifyId,
      name: who.name,
      idNumber: who.idNumber,
      sample: { kind: 'standin', image: '', spokenDigits: sample.spokenDigits },
    },
  })
}

// Face verification and step-up on the real repositories (SQLite in memory) with a controllable clock: the digit
// challenge (its lifetime and single use to the millisecond), each answer of 公安's check and the code it gives, the
// real-name binding (one account per citizen), the daily failure limit, a 公安 outage, and the step-up window of the
// session the check was passed in. 公安's face check is a test double here (tests/identity reach it over HTTP).
import { randomUUID } from 'node:crypto'
import type { FaceCheckResult } from '@ysx/shared'
import { createAuditService } from '../../src/audit'
import { createDataUseService } from '../../src/data-use'
import { createFaceService, type FaceSettings } from '../../src/identity/face-service'
import { createProfileService } from '../../src/identity/profile-service'
import { AppError } from '../../src/platform/app-error'
import { testConfig } from '../../src/platform/config'
import type { DepartmentLookups, FaceCheckInput, GonganClient } from '../../src/platform/departments'
import { createFieldCipher } from '../../src/platform/field-cipher'
import type { DataStore } from '../../src/store'
import { openTestStore } from '../support/databases'

const T0 = new Date('2026-11-23T02:00:00.000Z').getTime()
const SECOND = 1000
const DAY = 24 * 3600 * SECOND
const USER = '55555555-5555-4555-8555-555555555555'
const OTHER = '66666666-6666-4666-8666-666666666666'
const SID = 'session-a'
const CITIZEN = { name: '张三丰', idNumber: '44010619900307116X', phone: '13800138000' }
const CTX = { requestId: 'req-face', ip: '203.0.113.9', sessionId: SID }
const SETTINGS: FaceSettings = {
  failuresPerDay: 3,
  challengeTtlSeconds: 120,
  minSimilarity: 0.8,
  minLiveness: 0.7,
  acceptStandInSamples: false,
}
const PASS: FaceCheckResult = {
  identityMatch: true,
  digitsMatch: true,
  similarity: 0.92,
  liveness: 0.9,
  phone: CITIZEN.phone,
}

let store: DataStore
let clock: number
const cipher = createFieldCipher(testConfig().dataKey)

/** 公安's face check: the answer the test sets, and every request it received. */
function fakeGongan() {
  let answer: FaceCheckResult | undefined | Error = PASS
  const asked: { input: FaceCheckInput; purpose: string }[] = []
  const client: GonganClient = {
    async checkFace(input, why) {
      asked.push({ input, purpose: why.purpose })
      if (answer instanceof Error) throw answer
      return answer
    },
  }
  return { client, asked, answer: (a: FaceCheckResult | undefined | Error) => (answer = a) }
}
let gongan: ReturnType<typeof fakeGongan>

function services(settings: Partial<FaceSettings> = {}, stepUpSeconds = 300) {
  const now = () => new Date(clock)
  const audit = createAuditService(store.repos.audit, testConfig().audit, now)
  const dataUse = createDataUseService({} as DepartmentLookups, store.repos.dataAccess, now)
  const face = createFaceService({
    users: store.repos.users,
    sessions: store.repos.sessions,
    challenges: store.repos.faceChallenges,
    gongan: gongan.client,
    dataUse,
    cipher,
    audit,
    settings: { ...SETTINGS, ...settings },
    now,
  })
  const profiles = createProfileService(store.repos.users, store.repos.sessions, cipher, audit, stepUpSeconds, now)
  return { face, profiles }
}

async function account(id: string, sid: string) {
  await store.repos.users.create({ id, openid: `o-${id}`, sessionKeySealed: 'x', createdAt: new Date(clock) })
  await store.repos.sessions.create(
    { id: sid, userId: id, createdAt: new Date(clock), absoluteExpiresAt: new Date(clock + 30 * DAY) },
    { tokenHash: `h-${sid}`, issuedAt: new Date(clock), idleExpiresAt: new Date(clock + 30 * DAY) },
  )
}

beforeEach(async () => {
  store = await openTestStore()
  clock = T0
  gongan = fakeGongan()
  await account(USER, SID)
})
afterEach(async () => store.close())

const camera = (digits: string) => ({ kind: 'camera' as const, image: 'ZnJhbWU=', spokenDigits: digits })
const binding = (verifyId: string, digits: string, who: { name?: string; idNumber?: string } = CITIZEN) => ({
  verifyId,
  ...(who.name === undefined ? {} : { name: who.name }),
  ...(who.idNumber === undefined ? {} : { idNumber: who.idNumber }),
  sample: camera(digits),
})
const claims = (sub = USER, sid = SID) => ({ sub, sid })

async function code(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(AppError)
  return (err as AppError).code
}
const trail = async () => (await store.repos.audit.list()).map((r) => `${r.action}:${r.outcome}:${r.reason ?? ''}`)

/** Binds USER to CITIZEN with a passing check at the current clock. */
async function bind(face: ReturnType<typeof services>['face']) {
  const c = await face.start(USER, CTX)
  await face.verify(claims(), binding(c.verifyId, c.digits), CTX)
}

describe('challenges', () => {
  test('a challenge is six digits for two minutes, for binding a basic account and for step-up once real-name', async () => {
    const { face } = services()
    const c = await face.start(USER, CTX)
    expect(c).toEqual({
      verifyId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      digits: expect.stringMatching(/^\d{6}$/),
      expiresAt: new Date(T0 + 120 * SECOND).toISOString(),
      purpose: 'real_name',
    })
    await face.verify(claims(), binding(c.verifyId, c.digits), CTX)
    expect((await face.start(USER, CTX)).purpose).toBe('step_up')
    expect(await trail()).toEqual(['face.start:success:', 'face.verify:success:', 'face.start:success:'])
  })

  test('the digits sent to 公安 are the challenge’s own, with the citizen and the sample given', async () => {
    const { face } = services()
    const c = await face.start(USER, CTX)
    await face.verify(claims(), binding(c.verifyId, '123456'), CTX)
    expect(gongan.asked).toEqual([
      {
        input: { idNumber: CITIZEN.idNumber, name: CITIZEN.name, challengeDigits: c.digits, sample: camera('123456') },
        purpose: '实名认证（人脸核身）',
      },
    ])
  })

  test('a challenge answered at its last millisecond is accepted; at its expiry it is 410 FACE_CHALLENGE_EXPIRED', async () => {
    const { face } = services()
    const late = await face.start(USER, CTX)
    const onTime = await face.start(USER, CTX)
    clock = T0 + 120 * SECOND - 1
    await face.verify(claims(), binding(onTime.verifyId, onTime.digits), CTX)
    clock = T0 + 120 * SECOND
    expect(await code(face.verify(claims(), binding(late.verifyId, late.digits), CTX))).toBe('FACE_CHALLENGE_EXPIRED')
    // An expired challenge is spent too: it cannot be tried again.
    expect(await code(face.verify(claims(), binding(late.verifyId, late.digits), CTX))).toBe('FACE_CHALLENGE_USED')
  })

  test('a challenge is used once: a second verification with it gets 409 FACE_CHALLENGE_USED, even after a pass', async () => {
    const { face } = services()
    const c = await face.start(USER, CTX)
    await face.verify(claims(), binding(c.verifyId, c.digits), CTX)
    expect(await code(face.verify(claims(), binding(c.verifyId, c.digits), CTX))).toBe('FACE_CHALLENGE_USED')
    expect(gongan.asked).toHaveLength(1)
  })

  test("another account's challenge, or an unknown one, is 404 FACE_CHALLENGE_NOT_FOUND and stays usable by its owner", async () => {
    await account(OTHER, 'session-other')
    const { face } = services()
    const c = await face.start(USER, CTX)
    expect(await code(face.verify(claims(OTHER, 'session-other'), binding(c.verifyId, c.digits), CTX))).toBe(
      'FACE_CHALLENGE_NOT_FOUND',
    )
    expect(await code(face.verify(claims(), binding(randomUUID(), c.digits), CTX))).toBe('FACE_CHALLENGE_NOT_FOUND')
    await face.verify(claims(), binding(c.verifyId, c.digits), CTX)
    expect(gongan.asked).toHaveLength(1)
  })

  test('the purge deletes challenges at their expiry, used or not, and keeps live ones', async () => {
    const { face } = services()
    await face.start(USER, CTX)
    clock += 60 * SECOND
    const live = await face.start(USER, CTX)
    expect(await store.repos.faceChallenges.purgeExpired(new Date(T0 + 120 * SECOND))).toBe(1)
    clock = T0 + 170 * SECOND
    await face.verify(claims(), binding(live.verifyId, live.digits), CTX)
  })
})

describe("公安's answer", () => {
  test.each([
    ['the citizen is unknown to 公安', 'FACE_IDENTITY_MISMATCH', undefined],
    ['name and ID number do not match the register', 'FACE_IDENTITY_MISMATCH', { ...PASS, identityMatch: false }],
    ['the digits read were not the challenge', 'FACE_DIGITS_MISMATCH', { ...PASS, digitsMatch: false }],
    ['liveness just under the threshold', 'FACE_LIVENESS_FAILED', { ...PASS, liveness: 0.6999 }],
    ['similarity just under the threshold', 'FACE_NOT_MATCHED', { ...PASS, similarity: 0.7999 }],
  ] as const)('%s: 422 %s, one failure record, the account stays basic', async (_, expected, answer) => {
    const { face } = services()
    gongan.answer(answer)
    const c = await face.start(USER, CTX)
    expect(await code(face.verify(claims(), binding(c.verifyId, c.digits), CTX))).toBe(expected)
    expect(new AppError(expected).statusCode).toBe(422)
    expect((await store.repos.users.findById(USER))!.level).toBe('basic')
    expect((await store.repos.sessions.findActive(SID, new Date(clock)))!.stepUpAt).toBeNull()
    expect(await trail()).toEqual(['face.start:success:', `face.verify:failure:${expected}`])
    const [record] = await store.repos.dataAccess.list(USER, 10)
    expect(record).toMatchObject({ department: 'gongan', outcome: answer === undefined ? 'not_found' : 'rejected' })
  })

  test('liveness and similarity exactly at their thresholds pass', async () => {
    const { face } = services()
    gongan.answer({ ...PASS, liveness: 0.7, similarity: 0.8 })
    await bind(face)
    expect((await store.repos.users.findById(USER))!.level).toBe('real_name')
    expect((await store.repos.dataAccess.list(USER, 10))[0]).toMatchObject({ outcome: 'served' })
  })

  test('a pass binds the real name sealed and masked, and is the step-up of its session alone', async () => {
    await store.repos.sessions.create(
      { id: 'session-b', userId: USER, createdAt: new Date(clock), absoluteExpiresAt: new Date(clock + DAY) },
      { tokenHash: 'h-b', issuedAt: new Date(clock), idleExpiresAt: new Date(clock + DAY) },
    )
    const { face } = services()
    clock += 7 * SECOND
    await bind(face)
    const user = (await store.repos.users.findById(USER))!
    const sealedAt = (column: string) => ({ table: 'users', column, row: USER })
    expect(user).toMatchObject({
      level: 'real_name',
      idNumberHash: cipher.lookupHash(CITIZEN.idNumber),
      idNumberMasked: '440***********116X',
      nameMasked: '**丰',
      phoneMasked: '138****8000',
      realNameAt: new Date(T0 + 7 * SECOND),
    })
    expect(cipher.decrypt(user.idNumberSealed!, sealedAt('id_number_sealed'))).toBe(CITIZEN.idNumber)
    expect(cipher.decrypt(user.nameSealed!, sealedAt('name_sealed'))).toBe(CITIZEN.name)
    expect(cipher.decrypt(user.phoneSealed!, sealedAt('phone_sealed'))).toBe(CITIZEN.phone)
    expect((await store.repos.sessions.findActive(SID, new Date(clock)))!.stepUpAt).toEqual(new Date(T0 + 7 * SECOND))
    expect((await store.repos.sessions.findActive('session-b', new Date(clock)))!.stepUpAt).toBeNull()
  })

  test('a pass without a phone on the register binds no phone', async () => {
    const { face } = services()
    gongan.answer({ ...PASS, phone: null })
    await bind(face)
    expect(await store.repos.users.findById(USER)).toMatchObject({ phoneSealed: null, phoneMasked: null })
  })

  test('a stand-in sample is 422 FACE_SAMPLE_NOT_ACCEPTED unless stand-in mode is on, and spends no challenge', async () => {
    const strict = services().face
    const c = await strict.start(USER, CTX)
    const standin = {
      ...binding(c.verifyId, c.digits),
      sample: { kind: 'standin' as const, image: '', spokenDigits: c.digits },
    }
    expect(await code(strict.verify(claims(), standin, CTX))).toBe('FACE_SAMPLE_NOT_ACCEPTED')
    expect(gongan.asked).toEqual([])
    await services({ acceptStandInSamples: true }).face.verify(claims(), standin, CTX)
    expect((await store.repos.users.findById(USER))!.level).toBe('real_name')
  })

  test('公安 unavailable during the check: 503 passes through, nothing is bound, and it does not count as a failure', async () => {
    const { face } = services({ failuresPerDay: 1 })
    gongan.answer(new AppError('UPSTREAM_UNAVAILABLE', 'gongan: answered 503'))
    const c = await face.start(USER, CTX)
    expect(await code(face.verify(claims(), binding(c.verifyId, c.digits), CTX))).toBe('UPSTREAM_UNAVAILABLE')
    expect((await store.repos.users.findById(USER))!.level).toBe('basic')
    expect((await store.repos.sessions.findActive(SID, new Date(clock)))!.stepUpAt).toBeNull()
    expect(await trail()).toEqual(['face.start:success:'])
    expect((await store.repos.dataAccess.list(USER, 10))[0]).toMatchObject({ outcome: 'failed' })
    // 公安 is back: a new challenge passes (the daily limit of one failure was not used up by the outage).
    gongan.answer(PASS)
    await bind(face)
    expect((await store.repos.users.findById(USER))!.level).toBe('real_name')
  })
})

describe('binding', () => {
  test('a basic account must give name and ID number: 400 VALIDATION_FAILED names each missing field, nothing spent', async () => {
    const { face } = services()
    const c = await face.start(USER, CTX)
    const details = async (who: { name?: string; idNumber?: string }) => {
      const err = await face.verify(claims(), binding(c.verifyId, c.digits, who), CTX).catch((e: AppError) => e)
      return [(err as AppError).code, (err as AppError).details?.map((d) => d.path)]
    }
    expect(await details({})).toEqual(['VALIDATION_FAILED', ['body.name', 'body.idNumber']])
    expect(await details({ name: CITIZEN.name })).toEqual(['VALIDATION_FAILED', ['body.idNumber']])
    expect(await details({ idNumber: CITIZEN.idNumber })).toEqual(['VALIDATION_FAILED', ['body.name']])
    expect(gongan.asked).toEqual([])
    await face.verify(claims(), binding(c.verifyId, c.digits), CTX)
  })

  test('a citizen bound to one account cannot be bound to another: 409 IDENTITY_ALREADY_BOUND, told to the holder', async () => {
    await account(OTHER, 'session-other')
    const { face } = services()
    await bind(face)
    clock += SECOND
    const c = await face.start(OTHER, CTX)
    expect(await code(face.verify(claims(OTHER, 'session-other'), binding(c.verifyId, c.digits), CTX))).toBe(
      'IDENTITY_ALREADY_BOUND',
    )
    expect(new AppError('IDENTITY_ALREADY_BOUND').statusCode).toBe(409)
    expect(await store.repos.users.findById(OTHER)).toMatchObject({ level: 'basic', idNumberHash: null })
    expect((await store.repos.sessions.findActive('session-other', new Date(clock)))!.stepUpAt).toBeNull()
    // The holder's own record shows that someone else asked with their ID number, naming the asker masked.
    const [seen] = await store.repos.dataAccess.list(USER, 10)
    expect(seen!.purpose).toBe(`他人以您的身份证号申请实名认证（账号 ****${OTHER.replace(/-/g, '').slice(-4)}）`)
    expect((await store.repos.dataAccess.list(OTHER, 10)).map((r) => r.purpose)).toEqual(['实名认证（人脸核身）'])
  })

  test('a real-name step-up uses the bound citizen without asking again; another ID number is FACE_IDENTITY_MISMATCH', async () => {
    const { face } = services()
    await bind(face)
    clock += 600 * SECOND
    const c1 = await face.start(USER, CTX)
    await face.verify(claims(), { verifyId: c1.verifyId, sample: camera(c1.digits) }, CTX)
    expect(gongan.asked[1]).toMatchObject({
      input: { idNumber: CITIZEN.idNumber, name: CITIZEN.name, challengeDigits: c1.digits },
      purpose: '刷脸验证（敏感操作前的身份确认）',
    })
    expect((await store.repos.sessions.findActive(SID, new Date(clock)))!.stepUpAt).toEqual(new Date(clock))
    const c2 = await face.start(USER, CTX)
    const same = { verifyId: c2.verifyId, idNumber: CITIZEN.idNumber, sample: camera(c2.digits) }
    await face.verify(claims(), same, CTX)
    const c3 = await face.start(USER, CTX)
    const other = { verifyId: c3.verifyId, name: '李四', idNumber: '11010519491231002X', sample: camera(c3.digits) }
    expect(await code(face.verify(claims(), other, CTX))).toBe('FACE_IDENTITY_MISMATCH')
    expect(gongan.asked).toHaveLength(3)
  })
})

describe('the daily failure limit', () => {
  async function failOnce(face: ReturnType<typeof services>['face']) {
    gongan.answer({ ...PASS, digitsMatch: false })
    const c = await face.start(USER, CTX)
    return code(face.verify(claims(), binding(c.verifyId, c.digits), CTX))
  }

  test('after the day’s failed verifications, the next verification gets 429 FACE_ATTEMPTS_EXCEEDED before 公安 is asked', async () => {
    const { face } = services({ failuresPerDay: 3 })
    expect([await failOnce(face), await failOnce(face)]).toEqual(['FACE_DIGITS_MISMATCH', 'FACE_DIGITS_MISMATCH'])
    const third = await face.start(USER, CTX)
    expect(await failOnce(face)).toBe('FACE_DIGITS_MISMATCH')
    gongan.answer(PASS)
    const asked = gongan.asked.length
    expect(await code(face.verify(claims(), binding(third.verifyId, third.digits), CTX))).toBe('FACE_ATTEMPTS_EXCEEDED')
    expect(new AppError('FACE_ATTEMPTS_EXCEEDED').statusCode).toBe(429)
    expect(gongan.asked).toHaveLength(asked)
    expect((await trail()).at(-1)).toBe('face.verify:failure:FACE_ATTEMPTS_EXCEEDED')
  })

  test('after the day’s failed verifications, starting a challenge gets 429 FACE_ATTEMPTS_EXCEEDED and issues none', async () => {
    const { face } = services({ failuresPerDay: 2 })
    await failOnce(face)
    await face.start(USER, CTX)
    await failOnce(face)
    expect(await code(face.start(USER, CTX))).toBe('FACE_ATTEMPTS_EXCEEDED')
    expect((await trail()).at(-1)).toBe('face.start:failure:FACE_ATTEMPTS_EXCEEDED')
    expect(await store.repos.faceChallenges.purgeExpired(new Date(T0 + DAY))).toBe(3)
  })

  test("the limit counts the last 24 hours only, and one account's failures do not limit another", async () => {
    await account(OTHER, 'session-other')
    const { face } = services({ failuresPerDay: 2 })
    await failOnce(face)
    clock += SECOND
    await failOnce(face)
    expect(await code(face.start(USER, CTX))).toBe('FACE_ATTEMPTS_EXCEEDED')
    await expect(face.start(OTHER, CTX)).resolves.toHaveProperty('digits')
    // 24 h after the first failure it has left the window: one failure in it, under the limit again.
    clock = T0 + DAY
    await expect(face.start(USER, CTX)).resolves.toHaveProperty('digits')
  })
})

describe('step-up (the profile service’s guard)', () => {
  test('a face check passed in this session opens the step-up for exactly its window', async () => {
    const { face, profiles } = services({}, 300)
    await bind(face)
    clock = T0 + 300 * SECOND
    await expect(profiles.requireRecentFace(USER, CTX)).resolves.toBeUndefined()
    expect(await profiles.revealIdNumber(USER, CTX)).toBe(CITIZEN.idNumber)
    clock = T0 + 300 * SECOND + 1
    expect(await code(profiles.requireRecentFace(USER, CTX))).toBe('STEP_UP_REQUIRED')
    expect((await trail()).slice(-2)).toEqual(['id_number.reveal:success:', 'authz.denied:failure:STEP_UP_REQUIRED'])
  })

  test('another session of the account, no session, or an ended session has no step-up', async () => {
    await store.repos.sessions.create(
      { id: 'session-b', userId: USER, createdAt: new Date(clock), absoluteExpiresAt: new Date(clock + DAY) },
      { tokenHash: 'h-b', issuedAt: new Date(clock), idleExpiresAt: new Date(clock + DAY) },
    )
    const { face, profiles } = services()
    await bind(face)
    expect(await code(profiles.requireRecentFace(USER, { ...CTX, sessionId: 'session-b' }))).toBe('STEP_UP_REQUIRED')
    expect(await code(profiles.requireRecentFace(USER, { requestId: 'r', ip: '203.0.113.9' }))).toBe('STEP_UP_REQUIRED')
    expect((await profiles.profile(USER, 'session-b')).lastFaceVerifiedAt).toBeNull()
    expect((await profiles.profile(USER, SID)).lastFaceVerifiedAt).toBe(new Date(T0).toISOString())
    await store.repos.sessions.revoke(SID, 'logout', new Date(clock))
    expect(await code(profiles.requireRecentFace(USER, CTX))).toBe('STEP_UP_REQUIRED')
    expect((await profiles.profile(USER, SID)).lastFaceVerifiedAt).toBeNull()
  })

  test("a session's step-up does not open another account's guard", async () => {
    await account(OTHER, 'session-other')
    const { face, profiles } = services()
    await bind(face)
    await store.repos.users.bindRealName(OTHER, {
      idNumberSealed: 's',
      idNumberHash: 'other-hash',
      idNumberMasked: 'm',
      nameSealed: 'n',
      nameMasked: '*',
      phoneSealed: null,
      phoneMasked: null,
      at: new Date(clock),
    })
    expect(await code(profiles.requireRecentFace(OTHER, CTX))).toBe('STEP_UP_REQUIRED')
  })

  test('a basic account gets 403 REAL_NAME_REQUIRED from the guard and every real-name lookup', async () => {
    const { profiles } = services()
    expect(await code(profiles.requireRecentFace(USER, CTX))).toBe('REAL_NAME_REQUIRED')
    expect(await trail()).toEqual(['authz.denied:failure:REAL_NAME_REQUIRED'])
    expect(await code(profiles.subject(USER))).toBe('REAL_NAME_REQUIRED')
    expect(await code(profiles.maskedName(USER))).toBe('REAL_NAME_REQUIRED')
    expect(await code(profiles.fullName(USER))).toBe('REAL_NAME_REQUIRED')
    expect(await code(profiles.revealIdNumber(USER, CTX))).toBe('REAL_NAME_REQUIRED')
    expect(await code(profiles.profile(randomUUID()))).toBe('AUTH_TOKEN_INVALID')
  })

  test('a real-name account opens its own subject, names and ID number lookup', async () => {
    const { face, profiles } = services()
    await bind(face)
    expect(await profiles.subject(USER)).toEqual({ userId: USER, idNumber: CITIZEN.idNumber })
    expect(await profiles.maskedName(USER)).toBe('**丰')
    expect(await profiles.fullName(USER)).toBe(CITIZEN.name)
    expect(await profiles.userIdByIdNumber(CITIZEN.idNumber)).toBe(USER)
    expect(await profiles.userIdByIdNumber('11010519491231002X')).toBeUndefined()
    expect(await profiles.profile(USER)).toMatchObject({
      level: 'real_name',
      name: '**丰',
      idNumber: '440***********116X',
      phone: '138****8000',
      realNameAt: new Date(T0).toISOString(),
      lastFaceVerifiedAt: null,
    })
  })
})

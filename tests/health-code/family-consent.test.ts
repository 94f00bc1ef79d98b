// 代亲友 attacks, over the API against the 公安 and 卫健 stand-ins: a citizen who knows someone's name and ID number
// must not see their code without that person's own consent (their account, their face on the adder's phone, or a
// guardianship in 公安's 户口簿); the add route is no name↔ID oracle and stops after a few failures a day; what is
// read for a member shows in the member's own 我的数据使用记录 with who asked; adding and the 粤澳 transfer need a
// fresh step-up.
import {
  DataAccessPageSchema,
  FAMILY_CONSENT_VERSION,
  FamilyMemberSchema,
  FamilyRequestSchema,
  HealthCodeSchema,
} from '@ysx/shared'
import { ageOn } from '@ysx/departments/harness'
import { citizenPicker, healthApi } from '../support/health-code'
import {
  CALLER,
  faceCheckAlwaysFails,
  OPERATOR,
  realNameUser,
  startSystem,
  type TestSystem,
  chinaToday,
} from '../support/system'

let sys: TestSystem
let api: ReturnType<typeof healthApi>
let green: () => Promise<number>
const SIZE = 400
/** bff/src/health-code/holders-service.ts: failed additions a citizen may make in 24 hours */
const FAMILY_FAILURES_PER_DAY = 5
const today = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10)

type Method = 'member' | 'face' | 'household'
const addBody = (index: number, method: Method, extra: object = {}) => {
  const who = sys.citizen(index)
  return {
    name: who.name,
    idNumber: who.idNumber,
    relation: 'parent',
    consent: { accepted: true, method, version: FAMILY_CONSENT_VERSION },
    ...extra,
  }
}
const add = (token: string, index: number, method: Method, extra: object = {}) =>
  api.call(token, 'POST', '/v1/family', addBody(index, method, extra))
const otherName = (name: string) => `${name.slice(0, -1)}${name.endsWith('明') ? '亮' : '明'}`
const envelope = (r: { statusCode: number; json(): { code: string; message: string } }) => [
  r.statusCode,
  r.json().code,
  r.json().message,
]

/** 公安's answer on a minor's guardians, asked at the stand-in directly (as a test oracle, not through the BFF) */
async function guardiansOf(index: number): Promise<string[]> {
  const res = await CALLER.fetch(`${sys.departments.gongan!.url}/v1/guardians/lookup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-client-id': 'GOV/test', 'x-purpose': 'test' },
    body: JSON.stringify({ idNumber: sys.citizen(index).idNumber }),
  })
  return ((await res.json()) as { guardians: { idNumber: string }[] }).guardians.map((g) => g.idNumber)
}

/**
 * A minor of the synthetic population with a parent in their household whom the face check accepts; searched from the
 * end of the population, away from the citizens `green` hands out from 100 on
 */
async function minorWithGuardian(skip = 0): Promise<{ minor: number; guardian: number }> {
  let seen = 0
  const parents = new Set<number>()
  for (let minor = SIZE - 1; minor >= 0; minor -= 1) {
    if (ageOn(sys.citizen(minor).birthDate, today()) >= 16) continue
    const ids = await guardiansOf(minor)
    const guardian = [...Array(SIZE).keys()].find(
      (j) => ids.includes(sys.citizen(j).idNumber) && !faceCheckAlwaysFails(j),
    )
    // Each `skip` is another parent (siblings share one).
    if (guardian === undefined || parents.has(guardian)) continue
    parents.add(guardian)
    if (seen++ === skip) return { minor, guardian }
  }
  throw new Error('no minor with a guardian in the synthetic population')
}

/** A citizen of age (so a member by their own consent, and nobody's minor child) */
async function adult(): Promise<number> {
  for (;;) {
    const index = await green()
    if (ageOn(sys.citizen(index).birthDate, today()) >= 19) return index
  }
}

beforeAll(async () => {
  sys = await startSystem({ referenceDate: chinaToday(), size: SIZE, departments: ['weijian'] })
  api = healthApi(sys)
  green = citizenPicker(sys, 100, () => true)
}, 60_000)
afterAll(async () => sys.close())

test("adding a stranger by name and ID number does not reveal their colour: the request waits for the member's own account", async () => {
  const adder = await realNameUser(sys, 'nosy-neighbour', await green())
  const target = await adult()
  const res = await add(adder, target, 'member')
  expect(res.statusCode).toBe(201)
  const member = FamilyMemberSchema.parse(res.json())
  expect(member.status).toBe('pending')
  expect(res.body).not.toMatch(/green|yellow|red/)
  for (const r of [
    await api.show(adder, member.id),
    await api.checkIns(adder, member.id),
    await api.transfer(adder, { destination: 'macau', consent: true }, member.id),
  ]) {
    expect([r.statusCode, r.json().code]).toEqual([404, 'NOT_FOUND'])
  }

  // The member, signed in under their own account, sees the request and accepts it: only then is the code shown.
  const own = await realNameUser(sys, 'the-member', target)
  const requests = (await api.call(own, 'GET', '/v1/family/requests')).json().requests
  expect(requests.map((q: unknown) => FamilyRequestSchema.parse(q))).toEqual([
    expect.objectContaining({ id: member.id, status: 'pending', consentMethod: 'member' }),
  ])
  const accepted = await api.call(own, 'POST', `/v1/family/requests/${member.id}/accept`)
  expect(accepted.statusCode).toBe(200)
  expect(FamilyRequestSchema.parse(accepted.json()).status).toBe('active')
  expect((await api.show(adder, member.id)).statusCode).toBe(200)

  // Someone else cannot accept for the member: the request names another ID number.
  const other = await realNameUser(sys, 'not-the-member', await green())
  const theirs = await api.call(other, 'POST', `/v1/family/requests/${member.id}/accept`)
  expect([theirs.statusCode, theirs.json().code]).toEqual([404, 'NOT_FOUND'])
})

test('a wrong name, a wrong ID number and a person who is not a minor of the household get the very same answer', async () => {
  const adder = await realNameUser(sys, 'prober', await green())
  const known = await adult()
  const unknownId = sys.citizen(SIZE + 4321).idNumber // valid check digit, not in 公安's register
  const replies = [
    await add(adder, known, 'member', { name: otherName(sys.citizen(known).name) }),
    await add(adder, known, 'member', { idNumber: unknownId }),
    await add(adder, known, 'household'),
    await add(adder, known, 'face', { face: { verifyId: crypto.randomUUID(), sample: standin('000000') } }),
  ]
  for (const r of replies) expect(envelope(r)).toEqual(envelope(replies[0]!))
  expect(replies[0]!.statusCode).toBe(422)
  expect(replies[0]!.json().code).toBe('FAMILY_MEMBER_NOT_CONFIRMED')
  expect((await api.call(adder, 'GET', '/v1/family')).json().members).toEqual([])
})

test('within a consent method every kind of failure asks 公安 the same calls: no early exit whose timing tells which', async () => {
  const calls = async () =>
    (
      (await (await fetch(`${sys.departments.gongan!.url}/_admin/stats`, { headers: OPERATOR })).json()) as {
        businessRequests: number
      }
    ).businessRequests
  const known = await adult()
  const { minor } = await minorWithGuardian()
  const unknownId = sys.citizen(SIZE + 1234).idNumber
  const wrongName = { name: otherName(sys.citizen(known).name) }
  const cases: [Method, number, object][] = [
    ['household', known, wrongName],
    ['household', known, { idNumber: unknownId }],
    ['household', known, {}], // an adult: not a minor of anyone's household
    ['member', known, wrongName],
    ['member', known, { idNumber: unknownId }],
    ['member', minor, {}], // a minor: not on an adult's own consent
  ]
  const asked: Record<string, number[]> = { household: [], member: [] }
  for (const [i, [method, index, extra]] of cases.entries()) {
    const adder = await realNameUser(sys, `timing-${i}`, await green())
    const before = await calls()
    const r = await add(adder, index, method, extra)
    expect([r.statusCode, r.json().code]).toEqual([422, 'FAMILY_MEMBER_NOT_CONFIRMED'])
    asked[method]!.push((await calls()) - before)
  }
  expect(asked).toEqual({ household: [2, 2, 2], member: [1, 1, 1] })
})

test(`the failed attempt after ${FAMILY_FAILURES_PER_DAY} in a day is 429, even for a pair that would be confirmed`, async () => {
  const adder = await realNameUser(sys, 'brute-forcer', await green())
  const known = await adult()
  for (let i = 0; i < FAMILY_FAILURES_PER_DAY; i += 1) {
    const r = await add(adder, known, 'member', { name: otherName(sys.citizen(known).name) })
    expect(r.statusCode).toBe(422)
  }
  const next = await add(adder, known, 'member')
  expect([next.statusCode, next.json().code]).toEqual([429, 'FAMILY_ATTEMPTS_EXCEEDED'])
  expect((await api.call(adder, 'GET', '/v1/family')).json().members).toEqual([])
})

const standin = (spokenDigits: string) => ({ kind: 'standin', image: '', spokenDigits })

test("an elder without a phone consents with their own face on the adder's phone; a face that is not theirs is refused", async () => {
  const adder = await realNameUser(sys, 'elder-carer', await green())
  const elder = await adult()
  const challenge = async () => (await api.call(adder, 'POST', '/v1/family/face-challenges')).json()
  const c1 = await challenge()
  const spoof = await add(adder, elder, 'face', {
    face: { verifyId: c1.verifyId, sample: { kind: 'standin', image: 'NOT-ME', spokenDigits: c1.digits } },
  })
  expect([spoof.statusCode, spoof.json().code]).toEqual([422, 'FAMILY_MEMBER_NOT_CONFIRMED'])
  const c2 = await challenge()
  const res = await add(adder, elder, 'face', { face: { verifyId: c2.verifyId, sample: standin(c2.digits) } })
  expect(res.statusCode).toBe(201)
  const member = FamilyMemberSchema.parse(res.json())
  expect(member).toMatchObject({ status: 'active', consentMethod: 'face' })
  expect((await api.show(adder, member.id)).statusCode).toBe(200)
})

test("a minor not in the adder's household is refused; their parent in the same 户口簿 adds them at once", async () => {
  const { minor, guardian } = await minorWithGuardian()
  const guardianIds = await guardiansOf(minor)
  let strangerIndex = await green()
  while (guardianIds.includes(sys.citizen(strangerIndex).idNumber)) strangerIndex = await green()
  const stranger = await realNameUser(sys, 'not-a-parent', strangerIndex)
  const refused = await add(stranger, minor, 'household')
  expect([refused.statusCode, refused.json().code]).toEqual([422, 'FAMILY_MEMBER_NOT_CONFIRMED'])
  expect((await api.call(stranger, 'GET', '/v1/family')).json().members).toEqual([])
  // A minor cannot be added on an adult's consent path either.
  const asAdult = await add(stranger, minor, 'member')
  expect(envelope(asAdult)).toEqual(envelope(refused))

  const parent = await realNameUser(sys, 'the-parent', guardian)
  const res = await add(parent, minor, 'household', { relation: 'child' })
  expect(res.statusCode).toBe(201)
  const member = FamilyMemberSchema.parse(res.json())
  expect(member).toMatchObject({ status: 'active', consentMethod: 'household' })
  expect((await api.show(parent, member.id)).statusCode).toBe(200)
})

test("what is read for a member shows in the member's own 我的数据使用记录, naming the adder (masked)", async () => {
  const adderIndex = await green()
  const adder = await realNameUser(sys, 'reader-adder', adderIndex)
  const target = await adult()
  const member = FamilyMemberSchema.parse((await add(adder, target, 'member')).json())
  const own = await realNameUser(sys, 'logged-member', target)
  expect((await api.call(own, 'POST', `/v1/family/requests/${member.id}/accept`)).statusCode).toBe(200)
  expect((await api.show(adder, member.id)).statusCode).toBe(200)
  const log = DataAccessPageSchema.parse((await api.call(own, 'GET', '/v1/me/data-access?limit=50')).json())
  const adderMasked = (await api.call(adder, 'GET', '/v1/me')).json().name
  expect(adderMasked).not.toBe(sys.citizen(adderIndex).name)
  // One code shown for the member: one read of their tests at 卫健, in their record with who asked.
  const forMember = log.records.filter((r) => r.purpose === '粤康码（代亲友）')
  expect(forMember.map((r) => [r.department, r.dataKind, r.outcome, r.askedBy])).toEqual([
    ['weijian', '查询最近 30 天的核酸检测记录', 'served', adderMasked],
  ])
})

test("a member withdraws their consent from their own account: the adder's code for them stops verifying", async () => {
  const adder = await realNameUser(sys, 'withdrawn-adder', await green())
  const target = await adult()
  const member = FamilyMemberSchema.parse((await add(adder, target, 'member')).json())
  const own = await realNameUser(sys, 'withdrawing-member', target)
  await api.call(own, 'POST', `/v1/family/requests/${member.id}/accept`)
  const { credential } = HealthCodeSchema.parse((await api.show(adder, member.id)).json())
  expect((await api.verify(credential)).statusCode).toBe(200)
  expect((await api.call(own, 'DELETE', `/v1/family/requests/${member.id}`)).statusCode).toBe(204)
  const res = await api.verify(credential)
  expect([res.statusCode, res.json().code]).toEqual([422, 'HEALTH_CODE_SUPERSEDED'])
  expect((await api.show(adder, member.id)).statusCode).toBe(404)
  expect((await api.call(adder, 'GET', '/v1/family')).json().members).toEqual([])
})

// Moves the system's clock past every session's step-up window, and puts it back.
test('adding a member and the 粤澳 transfer without a fresh step-up are 403 STEP_UP_REQUIRED', async () => {
  const { minor, guardian } = await minorWithGuardian(1)
  const parent = await realNameUser(sys, 'stale-parent', guardian)
  const member = FamilyMemberSchema.parse((await add(parent, minor, 'household', { relation: 'child' })).json())
  const stranger = await green()
  sys.advance(10 * 60_000)
  try {
    const added = await add(parent, stranger, 'member')
    expect([added.statusCode, added.json().code]).toEqual([403, 'STEP_UP_REQUIRED'])
    for (const holder of ['self', member.id]) {
      const r = await api.transfer(parent, { destination: 'macau', consent: true }, holder)
      expect([r.statusCode, r.json().code]).toEqual([403, 'STEP_UP_REQUIRED'])
    }
    expect((await api.call(parent, 'GET', '/v1/family')).json().members).toHaveLength(1)
  } finally {
    sys.advance(-10 * 60_000)
  }
})

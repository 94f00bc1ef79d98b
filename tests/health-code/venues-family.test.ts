// 粤康码 family members over the API, against the 公安 and 卫健 stand-ins: family members (代亲友) confirmed by 公安
// with their own consent (here: their face on the carer's phone) recorded; another citizen's member is a 404 exactly like a made-up one. (Venue codes and
// check-ins: venues.test.ts.)
import { openDataStore } from '@ysx/bff/db'
import { FAMILY_CONSENT_VERSION, FamilyMemberSchema, HealthCodeSchema, maskName } from '@ysx/shared'
import { citizenPicker, healthApi } from '../support/health-code'
import { ageOn } from '@ysx/departments/harness'
import { faceCheckAlwaysFails, realNameUser, startSystem, type TestSystem, chinaToday } from '../support/system'

let sys: TestSystem
let api: ReturnType<typeof healthApi>
let green: () => Promise<number>
let owner: string
/** Any venue code: the holder is refused before the code is read */
const safeCode = `YSXV1.${'A'.repeat(22)}.${'A'.repeat(22)}`
const consent = { accepted: true, method: 'face', version: FAMILY_CONSENT_VERSION }
/** A citizen with a green code, signed in under a fresh account */
const newCitizen = async (account: string) => realNameUser(sys, account, await green())

beforeAll(async () => {
  sys = await startSystem({ referenceDate: chinaToday(), size: 400, departments: ['weijian'] })
  api = healthApi(sys)
  green = citizenPicker(sys, 30)
  owner = await newCitizen('family-owner')
}, 60_000)
afterAll(async () => sys.close())

describe('family members', () => {
  /** Adults the face check accepts, from citizen 250 on (a minor is added only by a guardian: family-consent.test.ts) */
  const adults: number[] = []
  beforeAll(() => {
    const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10)
    for (let i = 250; adults.length < 25; i += 1) {
      if (!faceCheckAlwaysFails(i) && ageOn(sys.citizen(i).birthDate, today) >= 19) adults.push(i)
    }
  })
  const A = (n: number) => adults[n]!
  /** A member who consents with their own face on the carer's phone (added at once) */
  const add = async (token: string, index: number, extra: object = {}) => {
    const who = sys.citizen(index)
    const c = (await api.call(token, 'POST', '/v1/family/face-challenges')).json()
    return api.call(token, 'POST', '/v1/family', {
      name: who.name,
      idNumber: who.idNumber,
      relation: 'parent',
      consent,
      face: { verifyId: c.verifyId, sample: { kind: 'standin', image: '', spokenDigits: c.digits } },
      ...extra,
    })
  }
  const otherName = (name: string) => `${name.slice(0, -1)}${name.endsWith('明') ? '亮' : '明'}`

  test('a member who passes the face check is added with the consent recorded and audited, and their code shows their masked name', async () => {
    const token = await newCitizen('carer')
    const res = await add(token, A(0))
    expect(res.statusCode).toBe(201)
    const member = FamilyMemberSchema.parse(res.json())
    expect(member).toMatchObject({
      maskedName: maskName(sys.citizen(A(0)).name),
      relation: 'parent',
      status: 'active',
      consentMethod: 'face',
      consentVersion: FAMILY_CONSENT_VERSION,
    })
    expect(res.body).not.toContain(sys.citizen(A(0)).idNumber)
    expect((await api.call(token, 'GET', '/v1/family')).json().members).toEqual([member])
    const shown = await api.show(token, member.id)
    expect(shown.statusCode).toBe(200)
    expect(HealthCodeSchema.parse(shown.json())).toMatchObject({
      holder: member.id,
      maskedName: maskName(sys.citizen(A(0)).name),
    })
    const store = openDataStore(sys.dbFile)
    try {
      const audit = (await store.repos.audit.list()).map((r) => `${r.action}:${r.outcome}:${r.reason}`)
      expect(audit).toContain(`family.add:success:consent face ${FAMILY_CONSENT_VERSION}`)
    } finally {
      await store.close()
    }
  })

  test('a wrong name, the same member twice and the citizen themself are refused', async () => {
    const token = await newCitizen('careful-carer')
    const wrong = await add(token, A(1), { name: otherName(sys.citizen(A(1)).name) })
    expect([wrong.statusCode, wrong.json().code]).toEqual([422, 'FAMILY_MEMBER_NOT_CONFIRMED'])
    expect((await add(token, A(1))).statusCode).toBe(201)
    const again = await add(token, A(1), { relation: 'sibling' })
    expect([again.statusCode, again.json().code]).toEqual([409, 'FAMILY_MEMBER_EXISTS'])
    const meIndex = await green()
    const me = await realNameUser(sys, 'self-adder', meIndex)
    const self = await add(me, meIndex)
    expect([self.statusCode, self.json().code]).toEqual([409, 'FAMILY_MEMBER_EXISTS'])
    expect((await api.call(token, 'GET', '/v1/family')).json().members).toHaveLength(1)
    expect((await api.call(me, 'GET', '/v1/family')).json().members).toHaveLength(0)
  })

  test.each([
    ['consent not accepted', { consent: { ...consent, accepted: false } }],
    ['another consent version', { consent: { ...consent, version: '2025-01-v1' } }],
    ['no consent', { consent: undefined }],
    ['an unknown consent method', { consent: { ...consent, method: 'phone' } }],
    ['a consent by the carer alone (the old guardian method)', { consent: { ...consent, method: 'guardian' } }],
    ['the face method without a face sample', { face: undefined }],
    ['a face sample on the account method', { consent: { ...consent, method: 'member' } }],
  ])('a member with %s is refused with 400 and not added', async (_label, extra) => {
    const res = await add(owner, A(2), extra)
    expect([res.statusCode, res.json().code]).toEqual([400, 'VALIDATION_FAILED'])
    expect((await api.call(owner, 'GET', '/v1/family')).json().members).toEqual([])
  })

  test("another citizen naming someone's member gets the same 404 as for a made-up id, on every route", async () => {
    const token = await newCitizen('guardian')
    const member = FamilyMemberSchema.parse((await add(token, A(3))).json())
    const stranger = await newCitizen('stranger')
    const madeUp = 'AAAAAAAAAAAAAAAAAAAAAA'
    const attempts = (holder: string) => [
      api.show(stranger, holder),
      api.call(stranger, 'POST', `/v1/health-codes/${holder}/declarations`, {
        kind: 'health',
        temperature: 36.5,
        symptoms: [],
        closeContact: false,
      }),
      api.checkIn(stranger, safeCode, holder),
      api.checkIns(stranger, holder),
      api.appeal(
        stranger,
        { rule: 'yellow.risk_venue', target: { kind: 'test_result' }, statement: '检测结果有误，请核实' },
        holder,
      ),
      api.appeals(stranger, holder),
      api.transfer(stranger, { destination: 'macau', consent: true }, holder),
      api.call(stranger, 'DELETE', `/v1/family/${holder}`),
      api.call(stranger, 'POST', `/v1/family/requests/${holder}/accept`),
      api.call(stranger, 'DELETE', `/v1/family/requests/${holder}`),
    ]
    const theirs = await Promise.all(attempts(member.id))
    const none = await Promise.all(attempts(madeUp))
    const envelope = (r: { statusCode: number; json(): { code: string; message: string } }) => [
      r.statusCode,
      r.json().code,
      r.json().message,
    ]
    expect(theirs.map(envelope)).toEqual(none.map(envelope))
    for (const r of theirs) expect([r.statusCode, r.json().code]).toEqual([404, 'NOT_FOUND'])
    expect((await api.show(token, member.id)).statusCode).toBe(200) // still the guardian's member
    expect((await api.checkIns(token, member.id)).json().checkIns).toEqual([])
  })

  test('a removed member is gone: 204, then 404 on their code and off the list', async () => {
    const token = await newCitizen('remover')
    const member = FamilyMemberSchema.parse((await add(token, A(4))).json())
    const res = await api.call(token, 'DELETE', `/v1/family/${member.id}`)
    expect(res.statusCode).toBe(204)
    const shown = await api.show(token, member.id)
    expect([shown.statusCode, shown.json().code]).toEqual([404, 'NOT_FOUND'])
    expect((await api.call(token, 'GET', '/v1/family')).json().members).toEqual([])
    expect((await api.call(token, 'DELETE', `/v1/family/${member.id}`)).statusCode).toBe(404)
    expect((await add(token, A(4))).statusCode).toBe(201) // removed members can be added again, with a new consent
  })

  test("removing a member withdraws their consent: the code already on the carer's phone stops verifying", async () => {
    const token = await newCitizen('withdrawn')
    const member = FamilyMemberSchema.parse((await add(token, A(5))).json())
    const { credential } = HealthCodeSchema.parse((await api.show(token, member.id)).json())
    expect((await api.verify(credential)).statusCode).toBe(200)
    expect((await api.call(token, 'DELETE', `/v1/family/${member.id}`)).statusCode).toBe(204)
    const res = await api.verify(credential)
    expect([res.statusCode, res.json().code]).toEqual([422, 'HEALTH_CODE_SUPERSEDED'])
  })

  test('an eleventh member is refused: at most 10, pending requests included', async () => {
    const token = await newCitizen('large-family')
    for (let i = 0; i < 10; i += 1) {
      const who = sys.citizen(A(10 + i))
      const body = {
        name: who.name,
        idNumber: who.idNumber,
        relation: 'parent',
        consent: { ...consent, method: 'member' },
      }
      expect((await api.call(token, 'POST', '/v1/family', body)).statusCode).toBe(201)
    }
    const res = await add(token, A(20))
    expect([res.statusCode, res.json().code]).toEqual([409, 'FAMILY_LIMIT_REACHED'])
    expect((await api.call(token, 'GET', '/v1/family')).json().members).toHaveLength(10)
  })
})

// 粤康码 粤澳转码 and appeals over the API. The transfer payload is checked as an independent Macau-side verifier
// would (jose, our published JWKS, docs/health-code-transfer.md), and audited; appeals go to the 卫健 stand-in, where
// a reviewer decides them at their own desk, and an upheld one undoes the check-in it names.
import { openDataStore } from '@ysx/bff/db'
import BetterSqlite3 from 'better-sqlite3'
import { AppealSchema, HealthCodeSchema, TransferSchema } from '@ysx/shared'
import { compactVerify, createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet, jwtVerify } from 'jose'
import {
  businessOwnerPicker,
  citizenPicker,
  decideAppeal,
  flagRiskArea,
  healthApi,
  noPositive,
  pendingAppeals,
  reportTest,
  testsOf,
} from '../support/health-code'
import { realNameUser, setFaults, startSystem, type TestSystem, chinaToday } from '../support/system'

let sys: TestSystem
let api: ReturnType<typeof healthApi>
let green: () => Promise<number>
const RISK_AREA = '440103' // 广州市荔湾区
let riskCode: string
const MACAU = {
  issuer: 'https://ysx-open.gd.gov.cn',
  audience: 'mo-health-code',
  typ: 'ysx-hc-transfer',
  algorithms: ['ES256'],
}
/** Appeals in the BFF's own mirror, read from its database */
const localAppeals = () => {
  const db = new BetterSqlite3(sys.dbFile, { readonly: true })
  try {
    return (db.prepare('SELECT count(*) AS n FROM health_appeals').get() as { n: number }).n
  } finally {
    db.close()
  }
}
const chinaDate = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10)

beforeAll(async () => {
  sys = await startSystem({ referenceDate: chinaToday(), size: 400, departments: ['weijian', 'shichang'] })
  api = healthApi(sys)
  green = citizenPicker(sys, 40)
  await flagRiskArea(sys, RISK_AREA, 'medium') // before anything reads the risk areas (the BFF caches them a minute)
  const business = await businessOwnerPicker(sys, 300)()
  const owner = await realNameUser(sys, 'venue-owner', business.index)
  const venue = { creditCode: business.creditCode, name: '测试酒楼', areaCode: RISK_AREA, address: '测试路 8 号' }
  riskCode = (await api.registerVenue(owner, venue)).json().code
}, 60_000)
afterAll(async () => sys.close())

/** The platform's keys as a Macau-side verifier fetches them */
const jwks = async () =>
  createLocalJWKSet((await sys.call({ method: 'GET', url: '/.well-known/jwks.json' })).json() as JSONWebKeySet)

describe('粤澳转码', () => {
  test('the transfer payload verifies with the published keys and carries the full name, colour and last negative test date', async () => {
    const index = await citizenPicker(sys, 100, (t) => noPositive(t) && t.some((x) => x.result === '阴性'))()
    const token = await realNameUser(sys, 'to-macau', index)
    // The BFF's clock is the real one here (a test that moves it puts it back): iat lies between these two readings.
    const before = Math.floor(Date.now() / 1000)
    const res = await api.transfer(token, { destination: 'macau', consent: true })
    const after = Math.floor(Date.now() / 1000)
    expect(res.statusCode).toBe(201)
    const transfer = TransferSchema.parse(res.json())
    const keys = await jwks()
    const { protectedHeader } = await compactVerify(transfer.payload, keys, { algorithms: ['ES256'] })
    expect(protectedHeader).toEqual({ alg: 'ES256', typ: 'ysx-hc-transfer', kid: expect.stringMatching(/.+/) })
    const { payload: claims } = await jwtVerify(transfer.payload, keys, MACAU)
    const negatives = (await testsOf(sys, index)).filter((t) => t.result === '阴性').map((t) => t.sampledAt)
    const latest = negatives.sort((a, b) => Date.parse(b) - Date.parse(a))[0]!
    expect(claims).toMatchObject({ n: sys.citizen(index).name, hc: 'green', nt: chinaDate(latest), v: '2026-11-v1' })
    expect(Object.keys(claims).sort()).toEqual(['aud', 'exp', 'hc', 'iat', 'iss', 'n', 'nt', 'v'])
    expect(claims.iat).toBeGreaterThanOrEqual(before)
    expect(claims.iat).toBeLessThanOrEqual(after)
    expect(claims.exp! - claims.iat!).toBe(24 * 3600)
    expect(transfer).toMatchObject({
      colour: 'green',
      negativeTestDate: chinaDate(latest),
      expiresAt: new Date(claims.exp! * 1000).toISOString(),
    })
    expect(claims.hc).toBe(HealthCodeSchema.parse((await api.show(token)).json()).colour)
    await expect(
      jwtVerify(transfer.payload, keys, { ...MACAU, currentDate: new Date((claims.exp! + 120) * 1000) }),
    ).rejects.toThrow(/exp/)
    const store = openDataStore(sys.dbFile)
    try {
      expect((await store.repos.audit.list()).map((r) => `${r.action}:${r.outcome}:${r.reason}`)).toContain(
        'health_code.transfer:success:macau self',
      )
    } finally {
      await store.close()
    }
  })

  test('a tampered payload, another audience or another typ fails verification', async () => {
    const token = await realNameUser(sys, 'tamper-macau', await green())
    const { payload } = TransferSchema.parse(
      (await api.transfer(token, { destination: 'macau', consent: true })).json(),
    )
    const keys = await jwks()
    const [h, p, s] = payload.split('.') as [string, string, string]
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, hc: 'green', exp: (claims.exp as number) + 86_400 })).toString('base64url')}.${s}`
    await expect(compactVerify(forged, keys, { algorithms: ['ES256'] })).rejects.toThrow(/signature/)
    await expect(jwtVerify(payload, keys, { ...MACAU, audience: 'another-relying-party' })).rejects.toThrow(/aud/)
    await expect(jwtVerify(payload, keys, { ...MACAU, typ: 'ysx-hc' })).rejects.toThrow(/typ/)
    expect(decodeProtectedHeader(payload).alg).toBe('ES256')
  })

  test.each([
    ['no consent', { destination: 'macau', consent: false }],
    ['another destination', { destination: 'hongkong', consent: true }],
    ['no body fields', {}],
  ])('a transfer with %s is refused with 400', async (_label, body) => {
    const token = await realNameUser(sys, `no-transfer-${_label.replaceAll(' ', '-')}`, await green())
    const res = await api.transfer(token, body)
    expect([res.statusCode, res.json().code]).toEqual([400, 'VALIDATION_FAILED'])
  })
})

describe('appeals', () => {
  /** A green citizen turned yellow by a check-in at the risk venue: their token and the check-in's id */
  async function yellowCitizen(account: string): Promise<{ token: string; checkInId: string }> {
    const token = await realNameUser(sys, account, await green())
    expect(HealthCodeSchema.parse((await api.show(token)).json()).colour).toBe('green')
    const res = await api.checkIn(token, riskCode)
    expect(res.json().status.colour).toBe('yellow')
    return { token, checkInId: res.json().checkIn.checkInId }
  }
  const appealFor = (checkInId: string) => ({
    rule: 'yellow.risk_venue',
    target: { kind: 'check_in', id: checkInId },
    statement: '当天没有去过该场所',
  })

  test('an upheld appeal against a check-in turns the code green again and drops the check-in', async () => {
    const { token, checkInId } = await yellowCitizen('appellant')
    const mirrored = localAppeals()
    const res = await api.appeal(token, appealFor(checkInId))
    expect(res.statusCode).toBe(201)
    expect(localAppeals()).toBe(mirrored + 1)
    const appeal = AppealSchema.parse(res.json())
    expect(appeal).toMatchObject({ rule: 'yellow.risk_venue', status: 'pending', decidedAt: null, note: null })
    expect(appeal.appealId).toMatch(/^WJ\d{14}$/)
    const queued = (await pendingAppeals(sys)).find((a) => a.appealId === appeal.appealId)
    expect(queued).toMatchObject({
      rule: 'yellow.risk_venue',
      target: { kind: 'check_in', id: checkInId },
      statement: '当天没有去过该场所',
    })
    expect((await decideAppeal(sys, appeal.appealId, 'upheld', '经核实，当天未到访该场所')).status).toBe(200)
    const mine = await api.appeals(token)
    expect(mine.statusCode).toBe(200)
    expect(mine.json().appeals).toEqual([
      expect.objectContaining({ appealId: appeal.appealId, status: 'upheld', note: '经核实，当天未到访该场所' }),
    ])
    expect(AppealSchema.parse(mine.json().appeals[0]).decidedAt).not.toBeNull()
    expect(HealthCodeSchema.parse((await api.show(token)).json())).toMatchObject({ colour: 'green', reasons: [] })
    expect((await api.checkIns(token)).json().checkIns).toEqual([])
  })

  test('a rejected appeal leaves the code yellow and the check-in standing', async () => {
    const { token, checkInId } = await yellowCitizen('rejected-appellant')
    const { appealId } = AppealSchema.parse((await api.appeal(token, appealFor(checkInId))).json())
    expect((await decideAppeal(sys, appealId, 'rejected', '场所登记记录显示当天到访')).status).toBe(200)
    expect((await api.appeals(token)).json().appeals).toEqual([
      expect.objectContaining({ appealId, status: 'rejected', note: '场所登记记录显示当天到访' }),
    ])
    const code = HealthCodeSchema.parse((await api.show(token)).json())
    expect(code).toMatchObject({ colour: 'yellow', reasons: [expect.objectContaining({ rule: 'yellow.risk_venue' })] })
    expect((await api.checkIns(token)).json().checkIns.map((c: { checkInId: string }) => c.checkInId)).toEqual([
      checkInId,
    ])
  })

  test("an appeal against another holder's check-in, or one that never was, is a 404 and reaches no reviewer", async () => {
    const theirs = await yellowCitizen('check-in-owner')
    const { token } = await yellowCitizen('meddler')
    const [queued, mirrored] = [(await pendingAppeals(sys)).length, localAppeals()]
    for (const id of [theirs.checkInId, 'no-such-check-in']) {
      const res = await api.appeal(token, appealFor(id))
      expect([res.statusCode, res.json().code]).toEqual([404, 'NOT_FOUND'])
    }
    expect(await pendingAppeals(sys)).toHaveLength(queued)
    expect(localAppeals()).toBe(mirrored)
  })

  test('with 卫健 down the appeal answers 503 and nothing is recorded, here or there', async () => {
    const { token, checkInId } = await yellowCitizen('offline-appellant')
    const [queued, mirrored] = [(await pendingAppeals(sys)).length, localAppeals()]
    const weijian = sys.departments.weijian!.url
    await setFaults(weijian, { reset: true })
    const res = await api.appeal(token, appealFor(checkInId)).finally(() => setFaults(weijian, { reset: false }))
    expect([res.statusCode, res.json().code]).toEqual([503, 'UPSTREAM_UNAVAILABLE'])
    expect(localAppeals()).toBe(mirrored)
    expect((await api.appeals(token)).json().appeals).toEqual([])
    expect(await pendingAppeals(sys)).toHaveLength(queued)
    expect(HealthCodeSchema.parse((await api.show(token)).json()).colour).toBe('yellow')
  })

  /** Files an appeal and has 卫健's reviewer decide it; answers the holder's code as shown after the decision. */
  async function appealDecided(token: string, body: object, decision: 'upheld' | 'rejected') {
    const filed = await api.appeal(token, body)
    expect(filed.statusCode).toBe(201)
    const { appealId } = AppealSchema.parse(filed.json())
    expect((await decideAppeal(sys, appealId, decision, '审核意见')).status).toBe(200)
    expect((await api.appeals(token)).json().appeals).toEqual([
      expect.objectContaining({ appealId, status: decision, note: '审核意见' }),
    ])
    return HealthCodeSchema.parse((await api.show(token)).json())
  }

  /** A citizen with no positive test on record, then a negative sampled 3 h ago and a positive 1 h ago: red. */
  async function positiveCitizen(account: string): Promise<string> {
    const index = await green()
    await reportTest(sys, index, '阴性', 3)
    await reportTest(sys, index, '阳性', 1)
    const token = await realNameUser(sys, account, index)
    const code = HealthCodeSchema.parse((await api.show(token)).json())
    expect(code).toMatchObject({ colour: 'red', negativeTestWithinHours: 24 })
    expect(code.reasons.map((r) => r.rule)).toEqual(['red.positive_test'])
    return token
  }
  const testResultAppeal = {
    rule: 'red.positive_test',
    target: { kind: 'test_result' },
    statement: '检测结果有误，已复检',
  }

  test('an upheld appeal against a test result turns a red code green with no reasons: no result sampled before the appeal counts, the negative badge goes too', async () => {
    const token = await positiveCitizen('test-result-upheld')
    const code = await appealDecided(token, testResultAppeal, 'upheld')
    expect([code.colour, code.reasons, code.negativeTestWithinHours]).toEqual(['green', [], null])
  })

  test('a rejected appeal against a test result leaves the code red for the positive test, the negative badge standing', async () => {
    const token = await positiveCitizen('test-result-rejected')
    const code = await appealDecided(token, testResultAppeal, 'rejected')
    expect([code.colour, code.reasons.map((r) => r.rule), code.negativeTestWithinHours]).toEqual([
      'red',
      ['red.positive_test'],
      24,
    ])
  })

  /** A green citizen who declares a close contact: red for it. Their token and the declaration's id. */
  async function closeContactCitizen(account: string): Promise<{ token: string; declarationId: string }> {
    const token = await realNameUser(sys, account, await green())
    expect(HealthCodeSchema.parse((await api.show(token)).json())).toMatchObject({ colour: 'green', reasons: [] })
    const res = await api.call(token, 'POST', '/v1/health-codes/self/declarations', {
      kind: 'health',
      temperature: 36.5,
      symptoms: [],
      closeContact: true,
    })
    expect(res.statusCode).toBe(201)
    expect(res.json().status.colour).toBe('red')
    expect(res.json().status.reasons.map((r: { rule: string }) => r.rule)).toEqual(['red.close_contact'])
    return { token, declarationId: res.json().declarationId }
  }
  const declarationAppeal = (id: string) => ({
    rule: 'red.close_contact',
    target: { kind: 'declaration', id },
    statement: '申报时误选了密切接触',
  })

  test('an upheld appeal against a close-contact declaration turns the red code green with no reasons', async () => {
    const { token, declarationId } = await closeContactCitizen('declaration-upheld')
    const code = await appealDecided(token, declarationAppeal(declarationId), 'upheld')
    expect([code.colour, code.reasons]).toEqual(['green', []])
  })

  test('a rejected appeal against a close-contact declaration leaves the code red for the close contact', async () => {
    const { token, declarationId } = await closeContactCitizen('declaration-rejected')
    const code = await appealDecided(token, declarationAppeal(declarationId), 'rejected')
    expect([code.colour, code.reasons.map((r) => r.rule)]).toEqual(['red', ['red.close_contact']])
  })

  // Moves the BFF's clock past the re-evaluation period, and puts it back.
  test('an upheld appeal reaches the code at the next re-evaluation even if the holder never opens their appeals', async () => {
    const { token, checkInId } = await yellowCitizen('patient-appellant')
    const { appealId } = AppealSchema.parse((await api.appeal(token, appealFor(checkInId))).json())
    expect(HealthCodeSchema.parse((await api.show(token)).json()).colour).toBe('yellow') // pending
    expect((await decideAppeal(sys, appealId, 'upheld', '经核实，当天未到访该场所')).status).toBe(200)
    // Still yellow until the re-evaluation period while an appeal is pending (60 s in rule set 2026-11-v1) passes
    expect(HealthCodeSchema.parse((await api.show(token)).json()).colour).toBe('yellow')
    sys.advance(61_000)
    try {
      expect(HealthCodeSchema.parse((await api.show(token)).json())).toMatchObject({ colour: 'green', reasons: [] })
    } finally {
      sys.advance(-61_000)
    }
  })
})

// The 粤康码 status service in-process, with 卫健 and the appeals behind test doubles and a clock the test moves: the
// facts it gathers (which results, declarations, check-ins and risk areas count), when it evaluates again and when a
// stored status stands, the status credential it signs (its claims, its lifetime, when it is signed again), and the
// entrance verification (signature, freshness, one use, current status, stale or lapsed statuses evaluated again,
// refusals audited, a department failure that does not burn the code).
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto'
import { catalogues } from '@ysx/shared'
import { presentationText, proofSigningInput } from '@ysx/shared/credential'
import { testConfig } from '../../src/platform/config'
import type { DataStore } from '../../src/store'
import { AppError } from '../../src/platform/app-error'
import { createFieldCipher } from '../../src/platform/field-cipher'
import { createKeyService, type KeyService } from '../../src/keys/key-service'
import { openTestStore } from '../support/databases'
import type { AuditService } from '../../src/audit'
import type { DepartmentReaders } from '../../src/data-use'
import type { AppealsService, Corrections } from '../../src/health-code/appeals-service'
import type { Holder } from '../../src/health-code/holders-service'
import { loadRuleSets, type RuleSet } from '../../src/health-code/rules'
import { createHealthStatusService } from '../../src/health-code/status-service'

const RULES = loadRuleSets().get(testConfig().healthRulesVersion)!
const S = 1000
const H = 3600 * S
const D = 24 * H
/** The test clock starts on a whole second (credential times are whole seconds). */
const START = Date.parse('2026-11-23T12:00:00+08:00')
const RISK_DISTRICT = '440103' // 广州市荔湾区, flagged medium
const RISK_CITY = '440300' // 深圳市, flagged high: covers its districts
const LOW_DISTRICT = '440104' // 广州市越秀区, flagged low: not a risk
const SAFE_DISTRICT = '440105' // 广州市海珠区, not flagged

const b64json = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>

interface Device {
  jwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string }
  key: KeyObject
}
const newDevice = (): Device => {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const { x, y } = publicKey.export({ format: 'jwk' }) as { x: string; y: string }
  return { jwk: { kty: 'EC', crv: 'P-256', x, y }, key: privateKey }
}

interface NaTest {
  sampledAt: string
  result: '阴性' | '阳性'
}

// One database and one signing key for the file (each test its own holders, service and clock): the tests run once
// per mutant, so the setup is kept cheap.
let store: DataStore
let nowMs = START
const now = () => new Date(nowMs)
let keys: KeyService
beforeAll(async () => {
  store = await openTestStore()
  keys = createKeyService(
    store.repos.signingKeys,
    createFieldCipher(testConfig().signingSealKey),
    { rotationSeconds: 30 * 86_400, overlapSeconds: 3600 },
    now,
  )
})
afterAll(async () => store.close())
let runs = 0

async function setup(opts: { rules?: RuleSet } = {}) {
  nowMs = START
  runs += 1
  const run = runs
  const user = `00000000-0000-4000-8000-${String(runs).padStart(12, '0')}`
  // The audit trail behind a double: what the service records, as the audit service is asked to record it.
  const recorded: {
    action: string
    outcome: string
    reason: string | null
    userId: string | null
    ip: string | null
  }[] = []
  const audit = {
    record: async (
      e: { userId: string | null; action: string; outcome: string; reason?: string },
      ctx: { ip?: string },
    ) => {
      recorded.push({
        action: e.action,
        outcome: e.outcome,
        reason: e.reason ?? null,
        userId: e.userId,
        ip: ctx.ip ?? null,
      })
    },
  } as unknown as AuditService
  const repo = store.repos.healthCode

  // 卫健 behind a double: what it answers, and every read it was asked for.
  let tests: NaTest[] | undefined = []
  const areas = [
    { areaCode: RISK_DISTRICT, level: 'medium' },
    { areaCode: RISK_CITY, level: 'high' },
    { areaCode: LOW_DISTRICT, level: 'low' },
  ]
  let failure: Error | undefined
  const reads: { what: string; fresh: boolean | undefined; purpose: string; subject?: string }[] = []
  const readers = {
    weijian: {
      read: async (_c: unknown, subject: { idNumber: string }, why: { purpose: string }, o?: { fresh?: boolean }) => {
        reads.push({ what: 'tests', fresh: o?.fresh, purpose: why.purpose, subject: subject.idNumber })
        if (failure) throw failure
        return tests === undefined ? undefined : { tests }
      },
      readOpen: async (_c: unknown, why: { purpose: string }, o?: { fresh?: boolean }) => {
        reads.push({ what: 'risk', fresh: o?.fresh, purpose: why.purpose })
        return { asOf: '2026-11-23', areas }
      },
    },
  } as unknown as DepartmentReaders
  let corrections: Corrections = { testResultsBefore: null, pending: false }
  const appealCalls: string[] = []
  const appeals = {
    applyDecisions: async (h: Holder, subject: { idNumber: string }) => {
      appealCalls.push(`${h.key} ${subject.idNumber}`)
      return corrections
    },
  } as unknown as AppealsService

  let names = ['张*', '李*']
  /** The holder filed under `key` (`u:<this test's user>` by default; a family key is made this test's own). */
  const holder = (key = `u:${user}`, id = 'self'): Holder => ({
    id,
    key: key.startsWith('f:') ? `${key}.${run}` : key,
    askerId: user,
    subject: async () => ({ userId: user, idNumber: '44010619900307116X' }),
    maskedName: async () => names.shift() ?? '王*',
    fullName: async () => '张三',
    purpose: '展示粤康码',
  })
  const holders = new Map<string, Holder>()
  const service = createHealthStatusService({
    repo,
    readers,
    appeals,
    keys,
    rules: opts.rules ?? RULES,
    audit,
    holderOf: async (key) => holders.get(key),
    now,
  })

  let venues = 0
  const checkIn = async (h: Holder, areaCode: string, agoMs: number) => {
    const venueId = `venue-${run}-${(venues += 1)}`
    await repo.addVenueWithin(
      {
        id: venueId,
        ownerId: null,
        creditCode: '91440101MA5CXXXX0X',
        name: '测试酒楼',
        areaCode,
        address: '测试路 8 号',
        createdAt: now(),
      },
      100,
    )
    await repo.addCheckIn({
      id: randomBytes(8).toString('hex'),
      holder: h.key,
      venueId,
      at: new Date(nowMs - agoMs),
      voidedAt: null,
    })
  }
  const declare = async (h: Holder, payload: object, agoMs: number) => {
    const kind = 'destination' in payload ? 'trip' : 'health'
    await repo.addDeclaration({
      id: randomBytes(8).toString('hex'),
      holder: h.key,
      kind,
      payload: JSON.stringify(payload),
      declaredAt: new Date(nowMs - agoMs),
      effectiveAt: new Date(nowMs - agoMs),
      voidedAt: null,
    })
  }
  const health = (p: Partial<{ temperature: number; symptoms: string[]; closeContact: boolean }>) => ({
    temperature: 36.5,
    symptoms: [],
    closeContact: false,
    ...p,
  })

  /** A QR as the phone makes it: the credential and a proof signed by `device` at the test clock (or `iat`). */
  const present = (device: Device, credential: string, o: { iat?: number; jti?: string } = {}) => {
    const input = proofSigningInput(credential, {
      iat: o.iat ?? Math.floor(nowMs / 1000),
      jti: o.jti ?? randomBytes(9).toString('base64url'),
    })
    return presentationText(
      credential,
      input,
      sign('sha256', Buffer.from(input), { key: device.key, dsaEncoding: 'ieee-p1363' }).toString('base64url'),
    )
  }
  const auditOf = async (action: string) =>
    recorded.filter((r) => r.action === action).map(({ action: _action, ...r }) => r)

  return {
    service,
    repo,
    keys,
    user,
    key: `u:${user}`,
    holder,
    holders,
    checkIn,
    declare,
    health,
    present,
    auditOf,
    reads,
    appealCalls,
    ago: (ms: number) => new Date(nowMs - ms).toISOString(),
    setTests: (t: NaTest[] | undefined) => (tests = t),
    setCorrections: (c: Corrections) => (corrections = c),
    fail: (e: Error | undefined) => (failure = e),
    setNames: (n: string[]) => (names = n),
    advance: (ms: number) => (nowMs += ms),
    now,
  }
}

type Sys = Awaited<ReturnType<typeof setup>>
const statusOf = async (sys: Sys, h = sys.holder()) => sys.service.current(h, 'zh-CN')
const rulesOf = (s: { reasons: { rule: string }[] }) => s.reasons.map((r) => r.rule)

describe('the facts gathered', () => {
  test('with nothing on record: green, no reasons, no badge, the rule version, evaluated now, valid for the re-evaluation period', async () => {
    const sys = await setup()
    const s = await statusOf(sys)
    expect(s).toEqual({
      holder: 'self',
      maskedName: '张*',
      colour: 'green',
      reasons: [],
      negativeTestWithinHours: null,
      ruleVersion: RULES.version,
      evaluatedAt: new Date(START).toISOString(),
      validUntil: new Date(START + RULES.reevaluateAfterSeconds * S).toISOString(),
    })
  })

  test('卫健 not knowing the citizen (no record) counts as no tests: green', async () => {
    const sys = await setup()
    sys.setTests(undefined)
    expect((await statusOf(sys)).colour).toBe('green')
  })

  test('a positive test is red with its reason, its message, since the newest positive sample and until 14 days after', async () => {
    const sys = await setup()
    sys.setTests([
      { sampledAt: sys.ago(5 * D), result: '阳性' },
      { sampledAt: sys.ago(2 * D), result: '阳性' },
      { sampledAt: sys.ago(3 * D), result: '阳性' },
    ])
    const s = await statusOf(sys)
    expect(s.colour).toBe('red')
    expect(s.reasons).toEqual([
      {
        rule: 'red.positive_test',
        colour: 'red',
        since: sys.ago(2 * D),
        until: new Date(START - 2 * D + 14 * D).toISOString(),
        message: (catalogues['zh-CN'].healthRules as Record<string, string>)['red.positive_test'],
      },
    ])
    expect(s.negativeTestWithinHours).toBeNull()
  })

  test('the badge counts the newest negative sample, wherever it stands in the list', async () => {
    const sys = await setup()
    sys.setTests([
      { sampledAt: sys.ago(60 * H), result: '阴性' },
      { sampledAt: sys.ago(10 * H), result: '阴性' },
      { sampledAt: sys.ago(30 * H), result: '阴性' },
    ])
    expect(await statusOf(sys)).toMatchObject({ colour: 'green', negativeTestWithinHours: 24 })
  })

  test('a rule with no message in the catalogue shows its id', async () => {
    const rules: RuleSet = {
      ...RULES,
      rules: [{ ...RULES.rules[0]!, id: 'red.not_in_catalogue' }],
    }
    const sys = await setup({ rules })
    sys.setTests([{ sampledAt: sys.ago(D), result: '阳性' }])
    expect((await statusOf(sys)).reasons.map((r) => [r.rule, r.message])).toEqual([
      ['red.not_in_catalogue', 'red.not_in_catalogue'],
    ])
  })

  test('a test result corrected on appeal no longer counts: sampled at or before the correction, not after', async () => {
    const sys = await setup()
    const correction = new Date(START - D)
    sys.setCorrections({ testResultsBefore: correction, pending: false })
    sys.setTests([{ sampledAt: correction.toISOString(), result: '阳性' }])
    expect(await statusOf(sys)).toMatchObject({ colour: 'green', negativeTestWithinHours: null })
    const after = await setup()
    after.setCorrections({ testResultsBefore: correction, pending: false })
    after.setTests([
      { sampledAt: new Date(correction.getTime() + 1).toISOString(), result: '阳性' },
      { sampledAt: new Date(correction.getTime() + 2).toISOString(), result: '阴性' },
    ])
    expect(await statusOf(after)).toMatchObject({ colour: 'red', negativeTestWithinHours: 24 })
    expect(after.appealCalls).toEqual([`${after.key} 44010619900307116X`])
  })

  test('a declared close contact is red; a health declaration without one is not', async () => {
    const sys = await setup()
    await sys.declare(sys.holder(), sys.health({ closeContact: true }), 2 * D)
    await sys.declare(sys.holder(), sys.health({}), D)
    const s = await statusOf(sys)
    expect([s.colour, rulesOf(s), s.reasons[0]!.since]).toEqual(['red', ['red.close_contact'], sys.ago(2 * D)])
  })

  test.each([
    { what: 'a cough', p: { symptoms: ['cough'] }, colour: 'yellow' },
    { what: 'a temperature of exactly 37.3 ℃', p: { temperature: 37.3 }, colour: 'yellow' },
    { what: 'a temperature of 37.2 ℃ and no symptom', p: { temperature: 37.2 }, colour: 'green' },
  ])('a health declaration with $what → $colour', async ({ p, colour }) => {
    const sys = await setup()
    await sys.declare(sys.holder(), sys.health(p), H)
    expect((await statusOf(sys)).colour).toBe(colour)
  })

  test('symptoms count from the newest declaration that has any', async () => {
    const sys = await setup()
    await sys.declare(sys.holder(), sys.health({ symptoms: ['fever'] }), 3 * D)
    await sys.declare(sys.holder(), sys.health({ temperature: 38 }), 2 * D)
    await sys.declare(sys.holder(), sys.health({}), D)
    expect((await statusOf(sys)).reasons.map((r) => [r.rule, r.since])).toEqual([['yellow.symptoms', sys.ago(2 * D)]])
  })

  test('a negative test sampled after the symptoms clears them; one sampled at the same instant does not', async () => {
    const sys = await setup()
    await sys.declare(sys.holder(), sys.health({ symptoms: ['cough'] }), 2 * H)
    sys.setTests([{ sampledAt: sys.ago(2 * H - 1), result: '阴性' }])
    expect(await statusOf(sys)).toMatchObject({ colour: 'green', negativeTestWithinHours: 24 })
    const same = await setup()
    await same.declare(same.holder(), same.health({ symptoms: ['cough'] }), 2 * H)
    same.setTests([{ sampledAt: same.ago(2 * H), result: '阴性' }])
    expect((await statusOf(same)).colour).toBe('yellow')
  })

  test.each([
    { where: 'a flagged district (medium)', area: RISK_DISTRICT, colour: 'yellow' },
    { where: 'a district of a flagged city (high)', area: '440305', colour: 'yellow' },
    { where: 'a district flagged low', area: LOW_DISTRICT, colour: 'green' },
    { where: 'a district not flagged', area: SAFE_DISTRICT, colour: 'green' },
  ])('a check-in at a venue in $where → $colour', async ({ area, colour }) => {
    const sys = await setup()
    await sys.checkIn(sys.holder(), area, D)
    const s = await statusOf(sys)
    expect([s.colour, rulesOf(s)]).toEqual([colour, colour === 'green' ? [] : ['yellow.risk_venue']])
  })

  test.each([
    { where: 'a flagged district', area: RISK_DISTRICT, colour: 'yellow' },
    { where: 'a district of a flagged city', area: '440305', colour: 'yellow' },
    { where: 'a district flagged low', area: LOW_DISTRICT, colour: 'green' },
  ])('a trip declared to $where → $colour', async ({ area, colour }) => {
    const sys = await setup()
    await sys.declare(sys.holder(), { destination: area }, D)
    const s = await statusOf(sys)
    expect([s.colour, rulesOf(s)]).toEqual([colour, colour === 'green' ? [] : ['yellow.risk_trip']])
  })

  test('the risky check-in and trip counted are the newest ones in a risk area', async () => {
    const sys = await setup()
    await sys.checkIn(sys.holder(), RISK_DISTRICT, 5 * D)
    await sys.checkIn(sys.holder(), RISK_DISTRICT, 3 * D)
    await sys.checkIn(sys.holder(), SAFE_DISTRICT, D)
    await sys.declare(sys.holder(), { destination: RISK_DISTRICT }, 4 * D)
    await sys.declare(sys.holder(), { destination: SAFE_DISTRICT }, 2 * D)
    const s = await statusOf(sys)
    expect(s.reasons.map((r) => [r.rule, r.since])).toEqual([
      ['yellow.risk_venue', sys.ago(3 * D)],
      ['yellow.risk_trip', sys.ago(4 * D)],
    ])
  })

  test('a close contact declared 14 days ago still counts, and what lies in the day before the window is read', async () => {
    const sys = await setup()
    await sys.declare(sys.holder(), sys.health({ closeContact: true }), 14 * D)
    expect((await statusOf(sys)).colour).toBe('red')
    // Read back to the window plus a day: a check-in 14.5 days ago makes the status volatile (re-evaluated sooner).
    const older = await setup()
    await older.checkIn(older.holder(), SAFE_DISTRICT, 14 * D + 12 * H)
    expect((await statusOf(older)).validUntil).toBe(
      new Date(START + RULES.reevaluateAfterSecondsWhenVolatile * S).toISOString(),
    )
    // Nothing older than that is read.
    const oldest = await setup()
    await oldest.checkIn(oldest.holder(), SAFE_DISTRICT, 15 * D + S)
    expect((await statusOf(oldest)).validUntil).toBe(new Date(START + RULES.reevaluateAfterSeconds * S).toISOString())
  })

  test('what is read reaches back the longest rule window plus a day, not the shortest', async () => {
    const contactRule = RULES.rules.find((r) => r.id === 'red.close_contact')!
    const twentyDays = 20 * 86_400
    const rules: RuleSet = {
      ...RULES,
      rules: [
        ...RULES.rules.filter((r) => r !== contactRule),
        {
          ...contactRule,
          lastsSeconds: twentyDays,
          when: {
            and: [
              { '!==': [{ var: 'closeContact' }, null] },
              { '<=': [{ var: 'closeContact.ageSeconds' }, twentyDays] },
            ],
          },
        },
      ],
    }
    const sys = await setup({ rules })
    await sys.declare(sys.holder(), sys.health({ closeContact: true }), 20 * D)
    expect(rulesOf(await statusOf(sys))).toEqual(['red.close_contact'])
  })

  test.each([
    {
      what: 'a check-in anywhere',
      make: (s: Sys) => s.checkIn(s.holder(), SAFE_DISTRICT, D),
      seconds: RULES.reevaluateAfterSecondsWhenVolatile,
    },
    {
      what: 'a trip anywhere',
      make: (s: Sys) => s.declare(s.holder(), { destination: SAFE_DISTRICT }, D),
      seconds: RULES.reevaluateAfterSecondsWhenVolatile,
    },
    {
      what: 'symptoms awaiting a negative test',
      make: (s: Sys) => s.declare(s.holder(), s.health({ symptoms: ['cough'] }), 14 * D + 12 * H),
      seconds: RULES.reevaluateAfterSecondsWhenVolatile,
    },
    {
      what: 'symptoms cleared by a later negative test',
      make: async (s: Sys) => {
        await s.declare(s.holder(), s.health({ symptoms: ['cough'] }), 14 * D + 12 * H)
        s.setTests([{ sampledAt: s.ago(14 * D), result: '阴性' }])
      },
      seconds: RULES.reevaluateAfterSeconds,
    },
    {
      what: 'a health declaration without symptoms',
      make: (s: Sys) => s.declare(s.holder(), s.health({}), D),
      seconds: RULES.reevaluateAfterSeconds,
    },
    {
      what: 'an appeal pending',
      make: async (s: Sys) => s.setCorrections({ testResultsBefore: null, pending: true }),
      seconds: RULES.reevaluateAfterSecondsWhenAppealPending,
    },
  ])('with $what the status is valid for $seconds s', async ({ make, seconds }) => {
    const sys = await setup()
    await make(sys)
    expect((await statusOf(sys)).validUntil).toBe(new Date(START + seconds * S).toISOString())
  })

  test('each department read asks about the holder, for the holder’s purpose', async () => {
    const sys = await setup()
    await statusOf(sys)
    expect(sys.reads).toEqual([
      { what: 'tests', fresh: false, purpose: '展示粤康码', subject: '44010619900307116X' },
      { what: 'risk', fresh: false, purpose: '展示粤康码' },
    ])
  })
})

describe('when a stored status stands', () => {
  test('a stored status is read until its validUntil, evaluated again at that instant, without asking for fresh answers', async () => {
    const sys = await setup()
    const first = await statusOf(sys)
    sys.advance(Date.parse(first.validUntil) - START - 1)
    expect(await statusOf(sys)).toEqual(first)
    expect(sys.reads).toHaveLength(2)
    sys.advance(1)
    const again = await statusOf(sys)
    expect(again.evaluatedAt).toBe(first.validUntil)
    expect(sys.reads.slice(2).map((r) => r.fresh)).toEqual([false, false])
  })

  test('a status marked stale is evaluated again at once, with fresh answers from 卫健, and is no longer stale', async () => {
    const sys = await setup()
    await statusOf(sys)
    sys.setTests([{ sampledAt: sys.ago(H), result: '阳性' }])
    await sys.repo.markStale(sys.key)
    expect((await statusOf(sys)).colour).toBe('red')
    expect(sys.reads.slice(2).map((r) => r.fresh)).toEqual([true, true])
    expect((await sys.repo.status(sys.key))!.stale).toBe(false)
    await statusOf(sys)
    expect(sys.reads).toHaveLength(4)
  })

  test('reevaluate evaluates at once with fresh answers, whatever is stored, and answers the facts', async () => {
    const sys = await setup()
    await statusOf(sys)
    sys.setTests([{ sampledAt: sys.ago(H), result: '阴性' }])
    const { status, facts } = await sys.service.reevaluate(sys.holder(), 'zh-CN')
    expect(status).toMatchObject({ holder: 'self', colour: 'green', negativeTestWithinHours: 24 })
    expect(facts.latestNegative).toEqual(new Date(START - H))
    expect(sys.reads.slice(2).map((r) => r.fresh)).toEqual([true, true])
  })

  test('the masked name is taken once, when the status is first stored', async () => {
    const sys = await setup()
    sys.setNames(['张*', '李*'])
    expect((await statusOf(sys)).maskedName).toBe('张*')
    expect((await sys.service.reevaluate(sys.holder(), 'zh-CN')).status.maskedName).toBe('张*')
  })
})

describe('the status credential', () => {
  test('binds the colour, the device key, the rule version and the signing time, signed ES256 by the platform, expiring 2 min after the status', async () => {
    const sys = await setup()
    const device = newDevice()
    const shown = await sys.service.show(sys.holder(), device.jwk, 'zh-CN')
    const [h, p] = shown.credential.split('.') as [string, string]
    const header = b64json(h)
    expect(header).toEqual({ alg: 'ES256', typ: 'ysx-hc', kid: expect.stringMatching(/^es-/) })
    const claims = b64json(p)
    const exp = (START + RULES.reevaluateAfterSeconds * S + 120 * S) / 1000
    expect(claims).toEqual({
      c: expect.stringMatching(/^[\w-]{22}$/),
      hc: 'g',
      k: { x: device.jwk.x, y: device.jwk.y },
      e: exp,
      v: RULES.version,
      i: START / 1000,
    })
    expect(shown).toMatchObject({
      colour: 'green',
      credentialExpiresAt: new Date(exp * 1000).toISOString(),
      validUntil: new Date(START + RULES.reevaluateAfterSeconds * S).toISOString(),
    })
    expect((await sys.keys.verificationKeys(header.kid as string)).map((k) => k.kid)).toEqual([header.kid])
  })

  test('never outlives the longest credential lifetime of the rule set', async () => {
    const sys = await setup({ rules: { ...RULES, credentialMaxSeconds: 600 } })
    const shown = await sys.service.show(sys.holder(), newDevice().jwk, 'zh-CN')
    expect(b64json(shown.credential.split('.')[1]!).e).toBe(START / 1000 + 600)
    expect(shown.credentialExpiresAt).toBe(new Date(START + 600 * S).toISOString())
  })

  test('carries red and yellow as r and y', async () => {
    const red = await setup()
    red.setTests([{ sampledAt: red.ago(H), result: '阳性' }])
    const yellow = await setup()
    await yellow.checkIn(yellow.holder(), RISK_DISTRICT, H)
    for (const [sys, code] of [
      [red, 'r'],
      [yellow, 'y'],
    ] as const) {
      const shown = await sys.service.show(sys.holder(), newDevice().jwk, 'zh-CN')
      expect(b64json(shown.credential.split('.')[1]!).hc).toBe(code)
    }
  })

  test('is shown again to the same device while it has more than 2 min left; at 2 min left, or to another device, it is signed again', async () => {
    const sys = await setup()
    const device = newDevice()
    const first = await sys.service.show(sys.holder(), device.jwk, 'zh-CN')
    const exp = Date.parse(first.credentialExpiresAt)
    sys.advance(exp - START - 120 * S - 1)
    expect((await sys.service.show(sys.holder(), device.jwk, 'zh-CN')).credential).toBe(first.credential)
    sys.advance(1)
    const resigned = await sys.service.show(sys.holder(), device.jwk, 'zh-CN')
    expect(resigned.credential).not.toBe(first.credential)
    const other = await sys.service.show(sys.holder(), newDevice().jwk, 'zh-CN')
    expect(other.credential).not.toBe(resigned.credential)
  })

  test('a signing is audited for the citizen it was shown to (self or family), a credential shown again is not', async () => {
    const sys = await setup()
    const device = newDevice()
    const by = { userId: sys.user, ctx: { ip: '198.51.100.7' } }
    await sys.service.show(sys.holder(), device.jwk, 'zh-CN', by)
    await sys.service.show(sys.holder(), device.jwk, 'zh-CN', by)
    await sys.service.show(sys.holder('f:member-1', 'member-1'), device.jwk, 'zh-CN', by)
    await sys.service.show(sys.holder('f:member-2', 'member-2'), device.jwk, 'zh-CN')
    expect(await sys.auditOf('health_code.issue')).toEqual([
      { outcome: 'success', reason: 'self green', userId: sys.user, ip: '198.51.100.7' },
      { outcome: 'success', reason: 'family green', userId: sys.user, ip: '198.51.100.7' },
    ])
  })

  test('outlives a re-evaluation that says the same thing and lasts at least as long, not one that changes the colour', async () => {
    const sys = await setup()
    const device = newDevice()
    const first = await sys.service.show(sys.holder(), device.jwk, 'zh-CN')
    // The credential expires 2 min after the status: a re-evaluation 2 min later lasts exactly as long, it stays.
    sys.advance(120 * S)
    await sys.service.reevaluate(sys.holder(), 'zh-CN')
    expect((await sys.service.show(sys.holder(), device.jwk, 'zh-CN')).credential).toBe(first.credential)
    sys.setTests([{ sampledAt: sys.ago(H), result: '阳性' }])
    await sys.service.reevaluate(sys.holder(), 'zh-CN')
    const red = await sys.service.show(sys.holder(), device.jwk, 'zh-CN')
    expect([red.colour, red.credential === first.credential]).toEqual(['red', false])
  })

  test('does not outlive a re-evaluation of the same colour that ends before the credential does', async () => {
    const sys = await setup()
    const device = newDevice()
    const first = await sys.service.show(sys.holder(), device.jwk, 'zh-CN')
    sys.advance(120 * S - 1)
    await sys.service.reevaluate(sys.holder(), 'zh-CN')
    expect((await sys.service.show(sys.holder(), device.jwk, 'zh-CN')).credential).not.toBe(first.credential)
  })

  test('a credential the status no longer holds (its colour changed) is superseded at verification before any new one is shown', async () => {
    const sys = await setup()
    const device = newDevice()
    const first = await sys.service.show(sys.holder(), device.jwk, 'zh-CN')
    sys.setTests([{ sampledAt: sys.ago(H), result: '阳性' }])
    await sys.service.reevaluate(sys.holder(), 'zh-CN')
    expect(await sys.repo.status(sys.key)).toMatchObject({
      colour: 'red',
      credential: null,
      credentialId: null,
      deviceKeyThumbprint: null,
      credentialExpiresAt: null,
    })
    await expect(sys.service.verify(sys.present(device, first.credential))).rejects.toMatchObject({
      code: 'HEALTH_CODE_SUPERSEDED',
    })
  })

  test('does not outlive a re-evaluation under another rule version', async () => {
    const sys = await setup()
    const device = newDevice()
    const first = await sys.service.show(sys.holder(), device.jwk, 'zh-CN')
    const next = createHealthStatusService({
      ...({} as Parameters<typeof createHealthStatusService>[0]),
      repo: sys.repo,
      readers: { weijian: { read: async () => ({ tests: [] }), readOpen: async () => ({ areas: [] }) } } as never,
      appeals: { applyDecisions: async () => ({ testResultsBefore: null, pending: false }) } as never,
      keys: sys.keys,
      rules: { ...RULES, version: '2026-12-v1' },
      audit: { record: async () => undefined } as never,
      holderOf: async () => undefined,
      now: sys.now,
    })
    await next.reevaluate(sys.holder(), 'zh-CN')
    const shown = await next.show(sys.holder(), device.jwk, 'zh-CN')
    expect([shown.ruleVersion, shown.credential === first.credential]).toEqual(['2026-12-v1', false])
  })

  test('does not outlive a re-evaluation that ends the status sooner than the credential', async () => {
    const sys = await setup()
    const device = newDevice()
    const first = await sys.service.show(sys.holder(), device.jwk, 'zh-CN')
    // A check-in somewhere safe: still green, but volatile (valid 10 min), shorter than the credential's 4 h.
    await sys.checkIn(sys.holder(), SAFE_DISTRICT, 0)
    const { status } = await sys.service.reevaluate(sys.holder(), 'zh-CN')
    expect(status.colour).toBe('green')
    const shown = await sys.service.show(sys.holder(), device.jwk, 'zh-CN')
    expect(shown.credential).not.toBe(first.credential)
    expect(shown.credentialExpiresAt).toBe(new Date(Date.parse(status.validUntil) + 120 * S).toISOString())
  })
})

describe('entrance verification', () => {
  async function shownGreen(sys: Sys, h = sys.holder()) {
    sys.holders.set(h.key, h)
    const device = newDevice()
    const shown = await sys.service.show(h, device.jwk, 'zh-CN')
    return { device, shown, qr: (o?: { iat?: number; jti?: string }) => sys.present(device, shown.credential, o) }
  }
  const refusal = async (p: Promise<unknown>) => {
    const e = await p.then(
      () => undefined,
      (err: unknown) => err,
    )
    expect(e).toBeInstanceOf(AppError)
    return [(e as AppError).statusCode, (e as AppError).code]
  }

  test('a fresh QR answers the colour signed, when the phone made it and the checks made, without asking 卫健', async () => {
    const sys = await setup()
    const { qr } = await shownGreen(sys)
    sys.advance(30 * S)
    const iat = Math.floor(sys.now().getTime() / 1000) - 5
    const reads = sys.reads.length
    expect(await sys.service.verify(qr({ iat }))).toEqual({
      colour: 'green',
      presentedAt: new Date(iat * 1000).toISOString(),
      checks: ['signature', 'device', 'freshness', 'current', 'replay'],
    })
    expect(sys.reads).toHaveLength(reads)
    expect(await sys.auditOf('health_code.verify')).toEqual([])
  })

  test('the same QR twice: the second is a replay, audited with the holder and the reader address', async () => {
    const sys = await setup()
    const { qr } = await shownGreen(sys)
    const code = qr()
    await sys.service.verify(code, { ip: '203.0.113.9' })
    expect(await refusal(sys.service.verify(code, { ip: '203.0.113.9' }))).toEqual([409, 'HEALTH_CODE_REPLAYED'])
    expect(await sys.auditOf('health_code.verify')).toEqual([
      { outcome: 'failure', reason: 'HEALTH_CODE_REPLAYED: proof seen before', userId: sys.user, ip: '203.0.113.9' },
    ])
  })

  test('a replay of a family member’s code is audited with no user', async () => {
    const sys = await setup()
    const { qr } = await shownGreen(sys, sys.holder('f:member-1', 'member-1'))
    const code = qr()
    await sys.service.verify(code)
    expect(await refusal(sys.service.verify(code))).toEqual([409, 'HEALTH_CODE_REPLAYED'])
    expect((await sys.auditOf('health_code.verify')).map((r) => r.userId)).toEqual([null])
  })

  test('a new proof of the same credential is a new use', async () => {
    const sys = await setup()
    const { qr } = await shownGreen(sys)
    await sys.service.verify(qr())
    expect((await sys.service.verify(qr())).colour).toBe('green')
  })

  test('a garbled or forged code is refused as invalid, audited once per reader address per minute', async () => {
    const sys = await setup()
    const { qr, shown } = await shownGreen(sys)
    const [h, p, s] = shown.credential.split('.') as [string, string, string]
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...b64json(p), hc: 'g', e: 4_000_000_000 })).toString('base64url')}.${s}`
    const junk = [qr().slice(0, -3), 'not a code', sys.present(newDevice(), forged)]
    for (const code of junk)
      expect(await refusal(sys.service.verify(code, { ip: '203.0.113.1' }))).toEqual([422, 'HEALTH_CODE_INVALID'])
    expect(await refusal(sys.service.verify(junk[0]!, { ip: '203.0.113.2' }))).toEqual([422, 'HEALTH_CODE_INVALID'])
    sys.advance(60 * S + 1)
    expect(await refusal(sys.service.verify(junk[0]!, { ip: '203.0.113.1' }))).toEqual([422, 'HEALTH_CODE_INVALID'])
    expect((await sys.auditOf('health_code.verify')).map((r) => [r.ip, r.reason?.split(':')[0], r.userId])).toEqual([
      ['203.0.113.1', 'HEALTH_CODE_INVALID', null],
      ['203.0.113.2', 'HEALTH_CODE_INVALID', null],
    ])
  })

  test('a proof made by another device than the credential binds is invalid', async () => {
    const sys = await setup()
    const { shown } = await shownGreen(sys)
    const code = sys.present(newDevice(), shown.credential)
    expect(await refusal(sys.service.verify(code))).toEqual([422, 'HEALTH_CODE_INVALID'])
  })

  test('a proof older than 60 s, or a credential past its expiry, is expired and audited every time', async () => {
    const sys = await setup()
    const { qr, shown } = await shownGreen(sys)
    const now = Math.floor(sys.now().getTime() / 1000)
    expect(await refusal(sys.service.verify(qr({ iat: now - 61 }), { ip: '203.0.113.5' }))).toEqual([
      422,
      'HEALTH_CODE_EXPIRED',
    ])
    expect(await refusal(sys.service.verify(qr({ iat: now - 61 }), { ip: '203.0.113.5' }))).toEqual([
      422,
      'HEALTH_CODE_EXPIRED',
    ])
    sys.advance(Date.parse(shown.credentialExpiresAt) - sys.now().getTime())
    expect(await refusal(sys.service.verify(qr(), { ip: '203.0.113.5' }))).toEqual([422, 'HEALTH_CODE_EXPIRED'])
    expect((await sys.auditOf('health_code.verify')).map((r) => r.reason)).toEqual([
      'HEALTH_CODE_EXPIRED: proof older than 60 s',
      'HEALTH_CODE_EXPIRED: proof older than 60 s',
      'HEALTH_CODE_EXPIRED: credential expired',
    ])
  })

  test('a credential no current status holds (the code was shown on a newer phone since) is superseded', async () => {
    const sys = await setup()
    const { qr } = await shownGreen(sys)
    await sys.service.show(sys.holder(), newDevice().jwk, 'zh-CN')
    expect(await refusal(sys.service.verify(qr(), { ip: '203.0.113.3' }))).toEqual([422, 'HEALTH_CODE_SUPERSEDED'])
    expect(await sys.auditOf('health_code.verify')).toEqual([
      {
        outcome: 'failure',
        reason: 'HEALTH_CODE_SUPERSEDED: no current status holds this credential',
        userId: null,
        ip: '203.0.113.3',
      },
    ])
  })

  test('a stale status is evaluated again, with fresh answers, before the colour is answered', async () => {
    const sys = await setup()
    const { qr } = await shownGreen(sys)
    sys.setTests([{ sampledAt: sys.ago(H), result: '阳性' }])
    await sys.repo.markStale(sys.key)
    expect((await sys.service.verify(qr())).colour).toBe('red')
    expect(sys.reads.slice(2).map((r) => r.fresh)).toEqual([true, true])
    expect(await sys.repo.status(sys.key)).toMatchObject({ colour: 'red', stale: false })
  })

  test('a status that lapsed at this very instant is evaluated again; one a millisecond from lapsing is not', async () => {
    const sys = await setup()
    const { qr, shown } = await shownGreen(sys)
    sys.setTests([{ sampledAt: sys.ago(H), result: '阳性' }])
    sys.advance(Date.parse(shown.validUntil) - START - 1)
    expect((await sys.service.verify(qr())).colour).toBe('green')
    sys.advance(1)
    expect((await sys.service.verify(qr())).colour).toBe('red')
  })

  test('a lapsed status whose holder is gone is superseded, audited with the holder', async () => {
    const sys = await setup()
    const { qr } = await shownGreen(sys)
    sys.holders.clear()
    await sys.repo.markStale(sys.key)
    expect(await refusal(sys.service.verify(qr()))).toEqual([422, 'HEALTH_CODE_SUPERSEDED'])
    expect((await sys.auditOf('health_code.verify')).map((r) => [r.reason, r.userId])).toEqual([
      ['HEALTH_CODE_SUPERSEDED: the holder is gone', sys.user],
    ])
  })

  test('卫健 failing during the re-evaluation decides nothing: the same QR can be scanned again', async () => {
    const sys = await setup()
    const { qr } = await shownGreen(sys)
    await sys.repo.markStale(sys.key)
    const code = qr()
    sys.fail(new AppError('UPSTREAM_UNAVAILABLE'))
    expect(await refusal(sys.service.verify(code))).toEqual([503, 'UPSTREAM_UNAVAILABLE'])
    sys.fail(undefined)
    expect((await sys.service.verify(code)).colour).toBe('green')
  })

  test('any other failure during the re-evaluation keeps the QR used', async () => {
    const sys = await setup()
    const { qr } = await shownGreen(sys)
    await sys.repo.markStale(sys.key)
    const code = qr()
    sys.fail(new AppError('NOT_FOUND'))
    expect(await refusal(sys.service.verify(code))).toEqual([404, 'NOT_FOUND'])
    sys.fail(new Error('boom'))
    const other = qr()
    await expect(sys.service.verify(other)).rejects.toThrow('boom')
    sys.fail(undefined)
    expect(await refusal(sys.service.verify(code))).toEqual([409, 'HEALTH_CODE_REPLAYED'])
    expect(await refusal(sys.service.verify(other))).toEqual([409, 'HEALTH_CODE_REPLAYED'])
  })

  test('the device key thumbprint binds the credential to the key it was shown to', async () => {
    const sys = await setup()
    const device = newDevice()
    await sys.service.show(sys.holder(), device.jwk, 'zh-CN')
    const row = await sys.repo.status(sys.key)
    expect(row!.deviceKeyThumbprint).toBe(
      createHash('sha256').update(`${device.jwk.x}.${device.jwk.y}`).digest('base64url'),
    )
  })
})

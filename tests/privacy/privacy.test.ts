// PIPL rights over the API, against the 公安 and 卫健 stand-ins: a citizen downloads everything the platform holds about
// them (Art. 45) — never another citizen's — only after a fresh face verification; and closes the account (注销,
// Art. 47): the old tokens stop, their rows are gone from every table (or no longer name them), and the audit trail
// keeps their records under a pseudonym and still verifies. Each test is named for the attack it shows blocked.
// Every test signs in citizens of its own (no test relies on another's state), and one that moves the BFF's clock
// moves it back after it.
import { randomUUID } from 'node:crypto'
import { auditKeys, auditPseudonymiser, firstBrokenLink } from '@ysx/bff/audit'
import { testConfig } from '@ysx/bff/config'
import { openDataStore } from '@ysx/bff/db'
import { FAMILY_CONSENT_VERSION, maskName, PersonalDataExportSchema, ProfileSchema, TokensSchema } from '@ysx/shared'
import BetterSqlite3 from 'better-sqlite3'
import { citizenPicker, healthApi } from '../support/health-code'
import { bearer, chinaToday, realNameUser, startSystem, type TestSystem } from '../support/system'

let sys: TestSystem
let api: ReturnType<typeof healthApi>
let green: () => Promise<number>
const pseudonym = auditPseudonymiser(testConfig().audit.key)
const STEP_UP_STALE_MS = 10 * 60_000

/** A signed-in real-name citizen with records in every capability that keeps any. */
interface Citizen {
  index: number
  account: string
  token: string
  refreshToken: string
  userId: string
  marks: string[]
}

const me = async (token: string) => (await sys.call({ method: 'GET', url: '/v1/me', headers: bearer(token) })).json()

/** A face verification again (the step-up), as the citizen would do it on the face page. */
async function faceAgain(token: string, index: number) {
  const who = sys.citizen(index)
  const c = (await sys.call({ method: 'POST', url: '/v1/face/challenges', headers: bearer(token) })).json()
  const res = await sys.call({
    method: 'POST',
    url: '/v1/face/verifications',
    headers: bearer(token),
    payload: {
      verifyId: c.verifyId,
      name: who.name,
      idNumber: who.idNumber,
      sample: { kind: 'standin', image: '', spokenDigits: c.digits },
    },
  })
  if (res.statusCode !== 200) throw new Error(`face check failed: ${res.body}`)
}

const exportData = (token: string) =>
  sys.call({ method: 'POST', url: '/v1/me/personal-data/export', headers: bearer(token) })
const closeAccount = (token: string) =>
  sys.call({ method: 'POST', url: '/v1/me/close-account', headers: bearer(token), payload: { confirm: true } })

/** Signs a citizen in, binds the real name, and leaves a record in every capability; `marks` are unique to them. */
async function citizen(account: string): Promise<Citizen> {
  const index = await green()
  const token = await realNameUser(sys, account, index)
  const refreshToken = (await sys.login(account)).refreshToken
  const userId = (await me(token)).userId as string
  const mark = `${account}-${randomUUID().slice(0, 8)}`
  const declared = await api.call(token, 'POST', '/v1/health-codes/self/declarations', {
    kind: 'health',
    temperature: 36.5,
    symptoms: [],
    closeContact: false,
  })
  if (declared.statusCode !== 201) throw new Error(`declaration refused: ${declared.body}`)
  const feedback = await sys.call({
    method: 'POST',
    url: '/v1/feedback',
    headers: bearer(token),
    payload: { category: 'suggestion', content: `反馈内容 ${mark}`, contact: '13800138000' },
  })
  if (feedback.statusCode !== 201) throw new Error(`feedback refused: ${feedback.body}`)
  // Venue, check-in, family member and 亮证 credential straight into the store: their routes are being reshaped
  // (business licences, member consent), and what this test attacks is what the copy and the closing make of them.
  const store = openDataStore(sys.dbFile)
  const at = new Date()
  const venueId = `venue-${mark}`
  const memberIndex = index + 1000
  const member = sys.citizen(memberIndex)
  await store.repos.healthCode.addVenueWithin(
    {
      id: venueId,
      ownerId: userId,
      creditCode: '91440101MA59TEST0X',
      name: `场所 ${mark}`,
      areaCode: '440104',
      address: '测试路 1 号',
      createdAt: at,
    },
    20,
  )
  await store.repos.healthCode.addCheckIn({ id: `checkin-${mark}`, holder: `u:${userId}`, venueId, at, voidedAt: null })
  await store.repos.healthCode.addMember({
    id: `member-${mark}`.padEnd(16, '0'),
    ownerId: userId,
    nameSealed: `sealed-name-${mark}`,
    nameMasked: maskName(member.name),
    idNumberSealed: `sealed-id-${mark}`,
    idNumberHash: `hash-${mark}`,
    relation: 'parent',
    consentMethod: 'guardian',
    consentVersion: FAMILY_CONSENT_VERSION,
    addedAt: at,
    removedAt: null,
    status: 'active',
    memberUserId: null,
    consentedAt: at,
  })
  await store.repos.presentations.addCredential({
    id: `credential-${mark}`,
    userId,
    cardId: `card-${mark}`,
    profile: 'hotel',
    deviceKeyThumbprint: 'thumbprint',
    issuedAt: at,
    expiresAt: new Date(at.getTime() + 86_400_000),
  })
  await store.repos.presentations.firstUse({
    jti: `credential-${mark}:proof`,
    credentialId: `credential-${mark}`,
    verifiedAt: at,
    outcome: 'accepted',
  })
  await store.close()
  return { index, account, token, refreshToken, userId, marks: [mark, userId] }
}

/** Every row of every table of the BFF's database, as text. */
function everyRow(): Record<string, string[]> {
  const db = new BetterSqlite3(sys.dbFile, { readonly: true })
  try {
    const tables = db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
      .all() as { name: string }[]
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        db
          .prepare(`select * from "${name}"`)
          .all()
          .map((r) => JSON.stringify(r)),
      ]),
    )
  } finally {
    db.close()
  }
}

/** The audit trail as `action:outcome`, for the records naming `userId` (an id or a pseudonym), oldest first. */
async function auditOf(userId: string): Promise<string[]> {
  const store = openDataStore(sys.dbFile)
  try {
    return (await store.repos.audit.list()).filter((r) => r.userId === userId).map((r) => `${r.action}:${r.outcome}`)
  } finally {
    await store.close()
  }
}

/** What citizen() leaves in the trail: two logins, the face check binding the real name between them. */
const SIGNED_UP = ['login:success', 'face.start:success', 'face.verify:success', 'login:success']
/** A face verification again (faceAgain) */
const FACE_AGAIN = ['face.start:success', 'face.verify:success']

/** Rows naming the citizen (their id, ID-number hash or marks) in every table, as `table: row`. */
function rowsNaming(c: Citizen, hash: string): string[] {
  return Object.entries(everyRow()).flatMap(([table, list]) =>
    list.filter((r) => [...c.marks, hash].some((m) => r.includes(m))).map((r) => `${table}: ${r}`),
  )
}

const idNumberHashOf = async (userId: string) => {
  const store = openDataStore(sys.dbFile)
  try {
    return (await store.repos.users.findById(userId))!.idNumberHash!
  } finally {
    await store.close()
  }
}

/** How far this test moved the BFF's clock: sys.advance adds up, so afterEach moves it back. */
let moved = 0
/** Lets the session's last face verification go stale (the step-up window passes). */
function stepUpGoesStale() {
  sys.advance(STEP_UP_STALE_MS)
  moved += STEP_UP_STALE_MS
}

beforeAll(async () => {
  const base = testConfig()
  sys = await startSystem({
    referenceDate: chinaToday(),
    size: 300,
    departments: ['weijian'],
    bff: {
      // Load shedding off: on a busy machine a 503 OVERLOADED would stand in for the answers this is about. Each test
      // signs its own citizens in (two logins each): the login limit per address is not what this file tests.
      maxEventLoopDelayMs: 600_000,
      auth: { ...base.auth, loginRateLimitMax: 1_000_000 },
    },
  })
  api = healthApi(sys)
  green = citizenPicker(sys, 40)
}, 90_000)
afterEach(() => {
  sys.advance(-moved)
  moved = 0
})
afterAll(async () => sys.close())

describe('下载我的数据 (PIPL Art. 45)', () => {
  test('a citizen’s copy holds their own data in full and nothing of another citizen’s', async () => {
    const a = await citizen('privacy-copy-a')
    const b = await citizen('privacy-copy-b')
    await faceAgain(a.token, a.index)
    const res = await exportData(a.token)
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toContain('no-store')
    const copy = PersonalDataExportSchema.parse(res.json())
    const self = sys.citizen(a.index)
    expect(copy.account).toMatchObject({
      userId: a.userId,
      level: 'real_name',
      name: self.name,
      idNumber: self.idNumber,
      phone: self.phone,
    })
    // Both of citizen()'s logins, neither ended.
    expect(copy.sessions).toHaveLength(2)
    expect(copy.sessions.map((s) => s.revokedAt)).toEqual([null, null])
    expect(copy.healthCode.declarations).toEqual([
      expect.objectContaining({
        holder: 'self',
        kind: 'health',
        content: { temperature: 36.5, symptoms: [], closeContact: false },
      }),
    ])
    expect(copy.healthCode.statuses.map((s) => s.holder)).toEqual(['self'])
    expect(copy.healthCode.checkIns.map((c) => c.id)).toEqual([`checkin-${a.marks[0]}`])
    expect(copy.healthCode.venues.map((v) => v.id)).toEqual([`venue-${a.marks[0]}`])
    expect(copy.healthCode.family.map((m) => m.id)).toEqual([`member-${a.marks[0]}`.padEnd(16, '0')])
    expect(copy.wallet.credentials.map((c) => c.id)).toEqual([`credential-${a.marks[0]}`])
    expect(copy.wallet.presentations).toEqual([
      expect.objectContaining({ credentialId: `credential-${a.marks[0]}`, outcome: 'accepted' }),
    ])
    expect(copy.feedback).toEqual([
      expect.objectContaining({ category: 'suggestion', content: `反馈内容 ${a.marks[0]}`, contact: '13800138000' }),
    ])
    // Every department call made for them: the face check binding the real name, 卫健's tests for the health code
    // the declaration re-evaluated, and the face check again.
    expect(copy.dataUse.map((r) => `${r.department} ${r.purpose} ${r.outcome}`).sort()).toEqual(
      [
        'gongan 实名认证（人脸核身） served',
        'gongan 刷脸验证（敏感操作前的身份确认） served',
        'weijian 粤康码（本人） served',
      ].sort(),
    )
    expect(copy.audit.map((e) => `${e.action}:${e.outcome}`)).toEqual([
      ...SIGNED_UP,
      ...FACE_AGAIN,
      'privacy.export:success',
    ])
    // Nothing of citizen B: not their id, name, ID number, phone, nor any record they made.
    const other = sys.citizen(b.index)
    for (const theirs of [...b.marks, other.name, other.idNumber, other.phone, b.account]) {
      expect(res.body).not.toContain(theirs)
    }
    // The family member is another person: their name stays masked (and sealed) even in the adder's copy.
    const member = sys.citizen(a.index + 1000)
    expect(copy.healthCode.family.map((m) => m.maskedName)).toEqual([maskName(member.name)])
    expect(res.body).not.toContain(member.name)
    expect(res.body).not.toContain(`sealed-name-${a.marks[0]}`)
  })

  test('a stolen session without a fresh face verification cannot download the copy: 403, nothing sent', async () => {
    const a = await citizen('privacy-stale-export')
    stepUpGoesStale()
    const res = await exportData(a.token)
    expect([res.statusCode, res.json().code]).toEqual([403, 'STEP_UP_REQUIRED'])
    expect(res.body).not.toContain(sys.citizen(a.index).idNumber)
    expect(res.body).not.toContain(a.userId)
    // The same session after a face check of its own gets it.
    await faceAgain(a.token, a.index)
    expect((await exportData(a.token)).statusCode).toBe(200)
  })

  test('a request without a token gets 401 AUTH_REQUIRED, one with a forged signature 401 AUTH_TOKEN_INVALID', async () => {
    const { accessToken } = await sys.login('privacy-forged')
    const none = await sys.call({ method: 'POST', url: '/v1/me/personal-data/export' })
    expect([none.statusCode, none.json().code]).toEqual([401, 'AUTH_REQUIRED'])
    const forged = await exportData(`${accessToken.slice(0, -4)}AAAA`)
    expect([forged.statusCode, forged.json().code]).toEqual([401, 'AUTH_TOKEN_INVALID'])
    // The genuine token of that basic account does get a copy (no face on record to step up with).
    expect((await exportData(accessToken)).statusCode).toBe(200)
  })
})

describe('注销账号 (PIPL Art. 47)', () => {
  test('a stolen session without a fresh face verification cannot close the account: 403, nothing deleted', async () => {
    const b = await citizen('privacy-stale-close')
    const hash = await idNumberHashOf(b.userId)
    /** Every row naming them but the audit trail's (the refusal is recorded there) */
    const records = () => rowsNaming(b, hash).filter((r) => !r.startsWith('audit_'))
    const before = records()
    stepUpGoesStale()
    const res = await closeAccount(b.token)
    expect([res.statusCode, res.json().code]).toEqual([403, 'STEP_UP_REQUIRED'])
    expect((await me(b.token)).userId).toBe(b.userId)
    expect(records()).toEqual(before)
    expect(await auditOf(b.userId)).toEqual([...SIGNED_UP, 'authz.denied:failure'])
  })

  test('closing needs the explicit confirmation: without it, or with false, 400 and the account stays', async () => {
    const b = await citizen('privacy-unconfirmed')
    await faceAgain(b.token, b.index)
    for (const payload of [{}, { confirm: false }]) {
      const res = await sys.call({ method: 'POST', url: '/v1/me/close-account', headers: bearer(b.token), payload })
      expect([res.statusCode, res.json().code]).toEqual([400, 'VALIDATION_FAILED'])
    }
    expect((await me(b.token)).userId).toBe(b.userId)
    expect(await auditOf(b.userId)).toEqual([...SIGNED_UP, ...FACE_AGAIN])
  })

  test('after closing, the old access and refresh tokens are refused and no row names the citizen', async () => {
    const a = await citizen('privacy-stays')
    const b = await citizen('privacy-closes')
    // Citizen A has B on their family list (same ID number): closing withdraws that consent too.
    const bHash = await idNumberHashOf(b.userId)
    const store = openDataStore(sys.dbFile)
    await store.repos.healthCode.addMember({
      id: `member-of-b-${randomUUID()}`.slice(0, 40),
      ownerId: a.userId,
      nameSealed: 'sealed',
      nameMasked: maskName(sys.citizen(b.index).name),
      idNumberSealed: 'sealed',
      idNumberHash: bHash,
      relation: 'spouse',
      consentMethod: 'in_person',
      consentVersion: FAMILY_CONSENT_VERSION,
      addedAt: new Date(),
      removedAt: null,
      status: 'active',
      memberUserId: b.userId,
      consentedAt: new Date(),
    })
    await store.close()

    await faceAgain(b.token, b.index)
    const res = await closeAccount(b.token)
    expect(res.statusCode).toBe(200)
    expect(Date.parse(res.json().closedAt)).not.toBeNaN()

    const access = await sys.call({ method: 'GET', url: '/v1/me', headers: bearer(b.token) })
    expect([access.statusCode, access.json().code]).toEqual([401, 'AUTH_TOKEN_INVALID'])
    const refresh = await sys.call({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: b.refreshToken },
    })
    expect([refresh.statusCode, refresh.json().code]).toEqual([401, 'AUTH_REFRESH_INVALID'])

    // No table holds a row naming B (id, hash, marks), B's venue stays without its owner; A's data is untouched.
    const naming = rowsNaming(b, bHash)
    expect(naming.filter((r) => !r.startsWith('venues:'))).toEqual([])
    expect(naming.filter((r) => r.startsWith('venues:')).map((r) => JSON.parse(r.slice(8)).owner_id)).toEqual([null])
    const rows = everyRow()
    expect(rows.users!.filter((r) => r.includes(a.userId))).toHaveLength(1)
    expect(rows.check_ins!.filter((r) => r.includes(a.marks[0]!))).toHaveLength(1)
    expect(rows.feedback!.filter((r) => r.includes(a.userId))).toHaveLength(1)
    expect(rows.family_members!.filter((r) => r.includes(a.userId))).toHaveLength(1)
  })

  test('the audit trail keeps the closed account’s records under a pseudonym and still verifies', async () => {
    const a = await citizen('privacy-audit-stays')
    const b = await citizen('privacy-audit-closes')
    await faceAgain(b.token, b.index)
    expect((await closeAccount(b.token)).statusCode).toBe(200)

    const store = openDataStore(sys.dbFile)
    const audit = await store.repos.audit.list()
    await store.close()
    expect(audit.filter((r) => r.userId === b.userId)).toEqual([])
    expect(await auditOf(pseudonym(b.userId))).toEqual([...SIGNED_UP, ...FACE_AGAIN, 'account.close:success'])
    expect(await auditOf(a.userId)).toEqual(SIGNED_UP)
    expect(firstBrokenLink(audit, auditKeys(testConfig().audit.key))).toBe(-1)
    // The pseudonym is keyed: hashing the id without the key does not find the records.
    expect(pseudonym(b.userId)).not.toContain(b.userId)
    expect(auditPseudonymiser('another key')(b.userId)).not.toBe(pseudonym(b.userId))
  })

  test('closing a closed account again is 401 AUTH_TOKEN_INVALID, and of two racing closings one wins, once', async () => {
    const b = await citizen('privacy-close-twice')
    await faceAgain(b.token, b.index)
    expect((await closeAccount(b.token)).statusCode).toBe(200)
    const again = await closeAccount(b.token)
    expect([again.statusCode, again.json().code]).toEqual([401, 'AUTH_TOKEN_INVALID'])

    // Two closings racing with one live session: one closes, the other is told the session or the account is gone.
    const c = await citizen('privacy-close-race')
    await faceAgain(c.token, c.index)
    const both = await Promise.all([closeAccount(c.token), closeAccount(c.token)])
    expect(both.filter((r) => r.statusCode === 200)).toHaveLength(1)
    const loser = both.find((r) => r.statusCode !== 200)!
    expect([
      [401, 'AUTH_TOKEN_INVALID'],
      [410, 'ACCOUNT_CLOSED'],
    ]).toContainEqual([loser.statusCode, loser.json().code])
    expect((await auditOf(pseudonym(c.userId))).filter((r) => r.startsWith('account.close'))).toEqual([
      'account.close:success',
    ])
  })

  test('after closing, the old refresh token is 401 AUTH_REFRESH_INVALID and the same WeChat account signs in as a new basic account with nothing of the old', async () => {
    const b = await citizen('privacy-sign-in-again')
    await faceAgain(b.token, b.index)
    expect((await closeAccount(b.token)).statusCode).toBe(200)

    const refresh = await sys.call({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: b.refreshToken },
    })
    expect([refresh.statusCode, refresh.json().code]).toEqual([401, 'AUTH_REFRESH_INVALID'])

    const login = await sys.call({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { code: await sys.code(b.account) },
    })
    expect(login.statusCode).toBe(200)
    const fresh = TokensSchema.parse(login.json())
    const profile = ProfileSchema.parse(await me(fresh.accessToken))
    expect(profile.userId).not.toBe(b.userId)
    expect(profile).toMatchObject({ level: 'basic', name: null, idNumber: null, phone: null, realNameAt: null })
    // Its own copy (a basic account needs no face check) holds nothing of the closed account's.
    const copy = PersonalDataExportSchema.parse((await exportData(fresh.accessToken)).json())
    expect(copy.account).toMatchObject({ userId: profile.userId, name: null, idNumber: null, phone: null })
    expect(copy.sessions).toHaveLength(1)
    expect(copy.healthCode.declarations).toEqual([])
    expect(copy.healthCode.checkIns).toEqual([])
    expect(copy.healthCode.venues).toEqual([])
    expect(copy.healthCode.family).toEqual([])
    expect(copy.wallet.credentials).toEqual([])
    expect(copy.feedback).toEqual([])
    expect(copy.dataUse).toEqual([])
    expect(copy.audit.map((e) => `${e.action}:${e.outcome}`)).toEqual(['login:success', 'privacy.export:success'])
  })
})

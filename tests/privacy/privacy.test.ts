// PIPL rights over the API, against the 公安 and 卫健 stand-ins: a citizen downloads everything the platform holds about
// them (Art. 45) — never another citizen's — only after a fresh face verification; and closes the account (注销,
// Art. 47): the old tokens stop, their rows are gone from every table (or no longer name them), and the audit trail
// keeps their records under a pseudonym and still verifies. Each test is named for the attack it shows blocked.
import { randomUUID } from 'node:crypto'
import { auditKeys, auditPseudonymiser, firstBrokenLink } from '@ysx/bff/audit'
import { testConfig } from '@ysx/bff/config'
import { openDataStore } from '@ysx/bff/db'
import { FAMILY_CONSENT_VERSION, maskName, PersonalDataExportSchema } from '@ysx/shared'
import BetterSqlite3 from 'better-sqlite3'
import { citizenPicker, healthApi } from '../support/health-code'
import { bearer, realNameUser, startSystem, type TestSystem, chinaToday } from '../support/system'

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

let a: Citizen
let b: Citizen

beforeAll(async () => {
  sys = await startSystem({ referenceDate: chinaToday(), size: 300, departments: ['weijian'] })
  api = healthApi(sys)
  green = citizenPicker(sys, 40)
  a = await citizen('privacy-a')
  b = await citizen('privacy-b')
}, 90_000)
afterAll(async () => sys.close())

describe('下载我的数据 (PIPL Art. 45)', () => {
  test('a citizen’s copy holds their own data in full and nothing of another citizen’s', async () => {
    await faceAgain(a.token, a.index)
    const res = await exportData(a.token)
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toContain('no-store')
    const copy = PersonalDataExportSchema.parse(res.json())
    const self = sys.citizen(a.index)
    expect(copy.account).toMatchObject({ userId: a.userId, name: self.name, idNumber: self.idNumber })
    expect(copy.sessions.length).toBeGreaterThanOrEqual(2)
    expect(copy.healthCode.declarations).toHaveLength(1)
    expect(copy.healthCode.declarations[0]).toMatchObject({ holder: 'self', kind: 'health' })
    expect(copy.healthCode.checkIns.map((c) => c.id)).toEqual([`checkin-${a.marks[0]}`])
    expect(copy.healthCode.venues.map((v) => v.id)).toEqual([`venue-${a.marks[0]}`])
    expect(copy.healthCode.family.map((m) => m.id)).toEqual([`member-${a.marks[0]}`.padEnd(16, '0')])
    expect(copy.wallet.credentials.map((c) => c.id)).toEqual([`credential-${a.marks[0]}`])
    expect(copy.wallet.presentations).toHaveLength(1)
    expect(copy.feedback).toEqual([expect.objectContaining({ contact: '13800138000' })])
    expect(copy.dataUse.length).toBeGreaterThan(0)
    expect(copy.audit.map((e) => e.action)).toEqual(expect.arrayContaining(['login', 'face.verify', 'privacy.export']))
    // Nothing of citizen B: not their id, name, ID number, phone, nor any record they made.
    const other = sys.citizen(b.index)
    for (const theirs of [...b.marks, other.name, other.idNumber, other.phone, b.account]) {
      expect(res.body).not.toContain(theirs)
    }
    // Another citizen's family member's details stay masked even in the adder's copy.
    expect(res.body).not.toContain(`sealed-name-${a.marks[0]}`)
  })

  test('a stolen session without a fresh face verification cannot download the copy: 403, nothing sent', async () => {
    sys.advance(STEP_UP_STALE_MS)
    const res = await exportData(a.token)
    expect([res.statusCode, res.json().code]).toEqual([403, 'STEP_UP_REQUIRED'])
    expect(res.body).not.toContain(sys.citizen(a.index).idNumber)
    await faceAgain(a.token, a.index)
    expect((await exportData(a.token)).statusCode).toBe(200)
  })

  test('a request without a token, or with a forged one, gets no copy', async () => {
    expect((await sys.call({ method: 'POST', url: '/v1/me/personal-data/export' })).statusCode).toBe(401)
    expect((await exportData(`${a.token.slice(0, -4)}AAAA`)).statusCode).toBe(401)
  })
})

describe('注销账号 (PIPL Art. 47)', () => {
  test('a stolen session without a fresh face verification cannot close the account: 403, nothing deleted', async () => {
    sys.advance(STEP_UP_STALE_MS)
    const res = await closeAccount(b.token)
    expect([res.statusCode, res.json().code]).toEqual([403, 'STEP_UP_REQUIRED'])
    expect((await me(b.token)).userId).toBe(b.userId)
  })

  test('closing needs the explicit confirmation: without it 400 and the account stays', async () => {
    await faceAgain(b.token, b.index)
    const res = await sys.call({ method: 'POST', url: '/v1/me/close-account', headers: bearer(b.token), payload: {} })
    expect([res.statusCode, res.json().code]).toEqual([400, 'VALIDATION_FAILED'])
    expect((await me(b.token)).userId).toBe(b.userId)
  })

  test('after closing, the old access and refresh tokens are refused and no row names the citizen', async () => {
    // Citizen A has B on their family list (same ID number): closing withdraws that consent too.
    const store = openDataStore(sys.dbFile)
    const bHash = (await store.repos.users.findById(b.userId))!.idNumberHash!
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

    expect((await sys.call({ method: 'GET', url: '/v1/me', headers: bearer(b.token) })).statusCode).toBe(401)
    const refresh = await sys.call({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: b.refreshToken },
    })
    expect(refresh.statusCode).toBe(401)

    // No table holds a row naming B (id, hash, marks), B's venue stays without its owner; A's data is untouched.
    const rows = everyRow()
    const naming = Object.entries(rows).flatMap(([table, list]) =>
      list.filter((r) => [...b.marks, bHash].some((m) => r.includes(m))).map((r) => `${table}: ${r}`),
    )
    expect(naming.filter((r) => !r.startsWith('venues:'))).toEqual([])
    expect(naming.filter((r) => r.startsWith('venues:')).map((r) => JSON.parse(r.slice(8)).owner_id)).toEqual([null])
    expect(rows.users!.filter((r) => r.includes(a.userId))).toHaveLength(1)
    expect(rows.check_ins!.filter((r) => r.includes(a.marks[0]!))).toHaveLength(1)
    expect(rows.feedback!.filter((r) => r.includes(a.userId))).toHaveLength(1)
  })

  test('the audit trail keeps the closed account’s records under a pseudonym and still verifies', async () => {
    const store = openDataStore(sys.dbFile)
    const audit = await store.repos.audit.list()
    await store.close()
    expect(audit.some((r) => r.userId === b.userId)).toBe(false)
    const theirs = audit.filter((r) => r.userId === pseudonym(b.userId))
    expect(theirs.map((r) => `${r.action}:${r.outcome}`)).toEqual(
      expect.arrayContaining(['login:success', 'face.verify:success', 'account.close:success']),
    )
    expect(theirs.at(-1)!.action).toBe('account.close')
    expect(audit.filter((r) => r.userId === a.userId).length).toBeGreaterThan(0)
    expect(firstBrokenLink(audit, auditKeys(testConfig().audit.key))).toBe(-1)
    // The pseudonym is keyed: hashing the id without the key does not find the records.
    expect(pseudonym(b.userId)).not.toContain(b.userId)
    expect(auditPseudonymiser('another key')(b.userId)).not.toBe(pseudonym(b.userId))
  })

  test('closing a closed account again is a clear 4xx, never a 500 and never a second record', async () => {
    const again = await closeAccount(b.token)
    expect([again.statusCode, again.json().code]).toEqual([401, 'AUTH_TOKEN_INVALID'])
    // Two closings racing with one live session: one closes, the other is told the account is gone.
    const c = await citizen('privacy-c')
    await faceAgain(c.token, c.index)
    const both = await Promise.all([closeAccount(c.token), closeAccount(c.token)])
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, expect.any(Number)])
    const loser = both.find((r) => r.statusCode !== 200)!
    expect(loser.statusCode).toBeGreaterThanOrEqual(400)
    expect(loser.statusCode).toBeLessThan(500)
    const store = openDataStore(sys.dbFile)
    const closes = (await store.repos.audit.list()).filter(
      (r) => r.action === 'account.close' && r.userId === pseudonym(c.userId),
    )
    await store.close()
    expect(closes).toHaveLength(1)
  })

  test('the same WeChat account signs in afresh after closing, as a new account with nothing of the old', async () => {
    const fresh = await sys.login(b.account)
    const profile = await me(fresh.accessToken)
    expect(profile.userId).not.toBe(b.userId)
    expect(profile.level).toBe('basic')
  })
})

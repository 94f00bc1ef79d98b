// 粤康码 venue codes over the API, against the 公安, 卫健 and 市场监管 stand-ins. Attacks: printing a venue code to
// turn strangers yellow — registering a venue for a business one does not represent, in a free-text area or without
// limit; a risk area matched by the characters of its name rather than its division code; a check-in written
// without the citizen's confirmation. And what stays true: venue codes are keyed so that none can be made up, a
// check-in at a venue in a risk area turns a code yellow, the check-in list is newest first.
import {
  CheckInSchema,
  chinaDate,
  DataAccessPageSchema,
  HealthCodeSchema,
  HealthStatusSchema,
  makeUscc,
  VenuePreviewSchema,
  VenueSchema,
} from '@ysx/shared'
import { testConfig } from '@ysx/bff/config'
import { businessOwnerPicker, citizenPicker, flagRiskArea, healthApi } from '../support/health-code'
import { realNameUser, startSystem, type TestSystem, chinaToday } from '../support/system'

let sys: TestSystem
let api: ReturnType<typeof healthApi>
let green: () => Promise<number>
/** Flagged on 卫健 before anything reads the risk areas (the BFF caches that list for a minute) */
const YUEXIU = '440104' // 广州市越秀区: a district flagged medium
const SHENZHEN = '440300' // 深圳市: a whole city flagged high
const LIWAN = '440103' // 广州市荔湾区: a sibling of 越秀区, not flagged
let owner: { token: string; creditCode: string }
let riskCode: string
let safeCode: string
let owners: ReturnType<typeof businessOwnerPicker>

/** A citizen with a green code, signed in under a fresh account */
const newCitizen = async (account: string) => realNameUser(sys, account, await green())
/** A citizen 市场监管 registers as a business's legal representative, signed in, with the business's credit code */
async function newOwner(account: string): Promise<{ token: string; creditCode: string }> {
  const { index, creditCode } = await owners()
  return { token: await realNameUser(sys, account, index), creditCode }
}
const venue = (creditCode: string, name: string, areaCode: string, address = '测试路 1 号') => ({
  creditCode,
  name,
  areaCode,
  address,
})
const register = async (o: { token: string; creditCode: string }, name: string, areaCode: string) => {
  const res = await api.registerVenue(o.token, venue(o.creditCode, name, areaCode))
  expect([name, res.statusCode]).toEqual([name, 201])
  return VenueSchema.parse(res.json())
}
const colourAfterCheckIn = async (code: string) => {
  const token = await newCitizen(`visitor-${code.slice(6, 14)}`)
  const res = await api.checkIn(token, code)
  expect(res.statusCode).toBe(201)
  return HealthStatusSchema.parse(res.json().status).colour
}

beforeAll(async () => {
  // Many citizens sign in here, each once: the per-IP login limit is not what this file tests.
  const auth = { ...testConfig().auth, loginRateLimitMax: 200 }
  sys = await startSystem({
    referenceDate: chinaToday(),
    size: 400,
    departments: ['weijian', 'shichang'],
    bff: { auth },
  })
  api = healthApi(sys)
  green = citizenPicker(sys, 30)
  owners = businessOwnerPicker(sys, 100) // the green citizens come from 30 on: 70 of them before the two meet
  await flagRiskArea(sys, YUEXIU, 'medium')
  await flagRiskArea(sys, SHENZHEN, 'high')
  owner = await newOwner('venue-owner')
  riskCode = (await register(owner, '测试茶餐厅', YUEXIU)).code
  safeCode = (await register(owner, '测试书店', LIWAN)).code
}, 120_000)
afterAll(async () => sys.close())

describe('registering a venue', () => {
  test("a business's legal representative registers a venue in a district picked by code, and 市场监管's check is in their data-use record", async () => {
    const shop = await newOwner('shopkeeper')
    const res = await api.registerVenue(shop.token, venue(shop.creditCode, '街坊便利店', LIWAN, '测试路 3 号'))
    expect(res.statusCode).toBe(201)
    const v = VenueSchema.parse(res.json())
    expect(v).toMatchObject({ name: '街坊便利店', areaCode: LIWAN, area: '广州市荔湾区', address: '测试路 3 号' })
    expect(v.code).toMatch(/^YSXV1\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/)
    expect(v.code.split('.')[1]).toBe(v.venueId)
    expect((await api.call(shop.token, 'GET', '/v1/venues')).json().venues).toEqual([v])
    const { records } = DataAccessPageSchema.parse((await api.call(shop.token, 'GET', '/v1/me/data-access')).json())
    expect(records).toContainEqual(
      expect.objectContaining({
        department: 'shichang',
        dataKind: '核验法定代表人身份（营业执照）',
        outcome: 'served',
      }),
    )
  })

  test("a citizen who is not a business's legal representative cannot register a venue for it, nor for a made-up code", async () => {
    const stranger = await newCitizen('not-the-boss')
    const someoneElses = await newOwner('the-real-boss')
    const madeUp = makeUscc('92', LIWAN, '99999999') // check characters right, registered to nobody
    for (const creditCode of [someoneElses.creditCode, owner.creditCode, madeUp]) {
      const res = await api.registerVenue(stranger, venue(creditCode, '冒名茶楼', YUEXIU))
      expect([res.statusCode, res.json().code]).toEqual([403, 'VENUE_NOT_REPRESENTATIVE'])
    }
    expect((await api.call(stranger, 'GET', '/v1/venues')).json().venues).toEqual([])
    // The refusal is the same whether the business exists or not, and the check shows in the asker's own record.
    const { records } = DataAccessPageSchema.parse((await api.call(stranger, 'GET', '/v1/me/data-access')).json())
    expect(records.filter((r) => r.department === 'shichang')).toHaveLength(3)
  })

  test('the legal representative of a business whose 营业执照 is not valid at 市场监管 (revoked) cannot register a venue: 422 VENUE_LICENCE_NOT_VALID, nothing registered', async () => {
    const revoked = await businessOwnerPicker(sys, 0, (status) => status === 'revoked')()
    const representative = await realNameUser(sys, 'revoked-licence', revoked.index)
    const res = await api.registerVenue(representative, venue(revoked.creditCode, '歇业茶楼', LIWAN))
    expect([res.statusCode, res.json().code]).toEqual([422, 'VENUE_LICENCE_NOT_VALID'])
    expect((await api.call(representative, 'GET', '/v1/venues')).json().venues).toEqual([])
  })

  test('a basic (not real-name) account cannot register a venue', async () => {
    const basic = await sys.login('basic-venue')
    const res = await api.registerVenue(basic.accessToken, venue(owner.creditCode, '街坊便利店', LIWAN))
    expect([res.statusCode, res.json().code]).toEqual([403, 'REAL_NAME_REQUIRED'])
  })

  test.each([
    ['a free-text area', { areaCode: '广州市荔湾区沙面街道' }],
    ['a free-text area in the old field', { areaCode: undefined, area: '广州市越秀区' }],
    ['a city that has districts', { areaCode: '440100' }],
    ['a code that is no division', { areaCode: '440199' }],
    ['a province', { areaCode: '440000' }],
    ['a place outside Guangdong', { areaCode: '110000' }],
    ['no credit code', { creditCode: undefined }],
    ['a credit code with a wrong check character', { creditCode: 'WRONG' }],
    ['a one-character name', { name: '店' }],
    ['an extra field', { owner: 'me' }],
  ])('a venue with %s is refused with 400 and not registered', async (_label, change) => {
    const body: Record<string, unknown> = { ...venue(owner.creditCode, '街坊便利店', LIWAN), ...change }
    if (body.creditCode === 'WRONG') {
      const c = owner.creditCode
      body.creditCode = c.slice(0, 17) + (c[17] === '0' ? '1' : '0')
    }
    const res = await api.registerVenue(owner.token, JSON.parse(JSON.stringify(body)) as object)
    expect([res.statusCode, res.json().code]).toEqual([400, 'VALIDATION_FAILED'])
    expect((await api.call(owner.token, 'GET', '/v1/venues')).json().venues).toHaveLength(2)
  })

  test('a business holds at most 20 venue codes: the 21st is refused with 409 and not registered', async () => {
    const chain = await newOwner('chain-store')
    for (let i = 0; i < 20; i += 1) await register(chain, `连锁门店${i + 1}号`, '440305')
    const res = await api.registerVenue(chain.token, venue(chain.creditCode, '连锁门店21号', '440305'))
    expect([res.statusCode, res.json().code]).toEqual([409, 'VENUE_LIMIT_REACHED'])
    expect((await api.call(chain.token, 'GET', '/v1/venues')).json().venues).toHaveLength(20)
  })
})

describe('risk areas are matched by division code', () => {
  test('a venue in 440103 is not matched by a risk area flagged for 440104, even when its name and address spell out 越秀区', async () => {
    const shop = await newOwner('liwan-shop')
    const res = await api.registerVenue(shop.token, {
      creditCode: shop.creditCode,
      name: '越秀区风味茶楼',
      areaCode: LIWAN,
      address: '广州市越秀区旧址搬迁至荔湾区 1 号',
    })
    expect(res.statusCode).toBe(201)
    expect(await colourAfterCheckIn(VenueSchema.parse(res.json()).code)).toBe('green')
  })

  test('a risk area flagged for a district matches a venue in that district', async () => {
    expect(await colourAfterCheckIn(riskCode)).toBe('yellow')
  })

  test('a city-level flag (440300 深圳市) matches a venue in each of its districts, and no venue outside the city', async () => {
    const shop = await newOwner('shenzhen-shop')
    for (const district of ['440303', '440305', '440311']) {
      const v = await register(shop, `深圳门店${district}`, district)
      expect([district, await colourAfterCheckIn(v.code)]).toEqual([district, 'yellow'])
    }
    const zhuhai = await register(shop, '珠海门店', '440402')
    expect(await colourAfterCheckIn(zhuhai.code)).toBe('green')
  })

  test('a trip declared to a district of a flagged city turns the code yellow; to a sibling of a flagged district it does not; a typed-in destination is refused', async () => {
    const today = chinaDate(Date.now())
    const trip = (destination: unknown) => ({ kind: 'trip', destination, departedOn: today, returnedOn: today })
    const toShenzhen = await newCitizen('trip-shenzhen')
    const a = await api.call(toShenzhen, 'POST', '/v1/health-codes/self/declarations', trip('440305'))
    expect([a.statusCode, a.json().status.colour]).toEqual([201, 'yellow'])
    const toLiwan = await newCitizen('trip-liwan')
    const b = await api.call(toLiwan, 'POST', '/v1/health-codes/self/declarations', trip(LIWAN))
    expect([b.statusCode, b.json().status.colour]).toEqual([201, 'green'])
    for (const text of ['广州市越秀区', '越秀区北京街道', '深圳']) {
      const c = await api.call(toLiwan, 'POST', '/v1/health-codes/self/declarations', trip(text))
      expect([text, c.statusCode, c.json().code]).toEqual([text, 400, 'VALIDATION_FAILED'])
    }
  })
})

describe('checking in', () => {
  test('opening a venue code shows its name and area and writes no check-in until the citizen confirms', async () => {
    const token = await newCitizen('careful-diner')
    const link = `https://x/#/pages/check-in/index?v=${encodeURIComponent(riskCode)}`
    const res = await api.call(token, 'POST', '/v1/venues/preview', { venueCode: link })
    expect(res.statusCode).toBe(200)
    expect(VenuePreviewSchema.parse(res.json())).toEqual({ name: '测试茶餐厅', areaCode: YUEXIU, area: '广州市越秀区' })
    expect((await api.checkIns(token)).json().checkIns).toEqual([])
    expect(HealthCodeSchema.parse((await api.show(token)).json()).colour).toBe('green')
    const bad = await api.call(token, 'POST', '/v1/venues/preview', { venueCode: 'YSXV1.nope' })
    expect([bad.statusCode, bad.json().code]).toEqual([422, 'VENUE_CODE_INVALID'])
  })

  test('checking in at a venue in a risk area turns a green code yellow, the reason dated at the check-in', async () => {
    const token = await newCitizen('diner')
    expect(HealthCodeSchema.parse((await api.show(token)).json()).colour).toBe('green')
    const res = await api.checkIn(token, riskCode)
    expect(res.statusCode).toBe(201)
    const checkIn = CheckInSchema.parse(res.json().checkIn)
    expect(checkIn).toMatchObject({ venueName: '测试茶餐厅', areaCode: YUEXIU, area: '广州市越秀区' })
    const status = HealthStatusSchema.parse(res.json().status)
    expect(status.colour).toBe('yellow')
    expect(status.reasons).toEqual([
      expect.objectContaining({ rule: 'yellow.risk_venue', colour: 'yellow', since: checkIn.at }),
    ])
    expect(HealthCodeSchema.parse((await api.show(token)).json()).colour).toBe('yellow')
  })

  test('the H5 link printed in the venue QR is accepted, and a venue outside any risk area keeps the code green', async () => {
    const token = await newCitizen('reader')
    const res = await api.checkIn(token, `https://x/#/pages/check-in/index?v=${encodeURIComponent(safeCode)}`)
    expect(res.statusCode).toBe(201)
    expect(res.json().checkIn).toMatchObject({ venueName: '测试书店', areaCode: LIWAN, area: '广州市荔湾区' })
    expect(res.json().status).toMatchObject({ colour: 'green', reasons: [] })
  })

  test('a tampered or made-up venue code is refused and no check-in is recorded', async () => {
    const token = await newCitizen('forger')
    expect((await api.checkIn(token, safeCode)).statusCode).toBe(201)
    const before = (await api.checkIns(token)).json()
    const [prefix, id, mac] = riskCode.split('.') as [string, string, string]
    const flipped = `${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`
    const madeUpId = `${id.endsWith('A') ? 'B' : 'A'}${id.slice(1)}`
    for (const code of [
      `${prefix}.${id}.${flipped}`,
      `${prefix}.${madeUpId}.${mac}`,
      `${prefix}.${'Q'.repeat(22)}.${'Q'.repeat(22)}`,
      'YSXV1.nope',
      'https://x/#/?v=junk',
      'https://x/#/?v=%E4%B8',
    ]) {
      const res = await api.checkIn(token, code)
      expect([code, res.statusCode, res.json().code]).toEqual([code, 422, 'VENUE_CODE_INVALID'])
    }
    expect((await api.checkIns(token)).json()).toEqual(before)
    expect(HealthCodeSchema.parse((await api.show(token)).json()).colour).toBe('green')
  })

  test('the check-in list has every check-in, newest first', async () => {
    const token = await newCitizen('regular')
    const ids: string[] = []
    try {
      for (const code of [safeCode, riskCode, safeCode]) {
        ids.push(CheckInSchema.parse((await api.checkIn(token, code)).json().checkIn).checkInId)
        sys.advance(1000) // distinct times
      }
    } finally {
      sys.advance(-3000)
    }
    const res = await api.checkIns(token)
    expect(res.statusCode).toBe(200)
    const list = res.json().checkIns.map((c: unknown) => CheckInSchema.parse(c))
    expect(list.map((c: { checkInId: string }) => c.checkInId)).toEqual([...ids].reverse())
    expect(list.map((c: { venueName: string }) => c.venueName)).toEqual(['测试书店', '测试茶餐厅', '测试书店'])
  })
})

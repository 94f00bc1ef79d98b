// e2e in Chromium: a citizen declares their health and sees a green code; 卫健 flags a venue's district as a risk
// area; the citizen opens the venue QR's link, sees the venue's name and area, and nothing is written until they
// confirm (确认登记); then yellow with its reason; the entrance verifier, in another context, sees the colour and the
// time only. Screenshots of each step.
import type { Browser } from 'playwright-core'
import { businessOwnerPicker } from '../support/health-code'
import {
  bearer,
  CALLER,
  faceCheckAlwaysFails,
  OPERATOR,
  realNameUser,
  startSystem,
  type TestSystem,
  chinaToday,
} from '../support/system'
import { H5_DIR, launchChromium, phoneContext, type SessionTokens, shootWhole, signedIn, watchErrors } from './browser'

jest.setTimeout(180_000)

const RISK_AREA = '440103' // 广州市荔湾区
let sys: TestSystem
let browser: Browser
let bffUrl: string
let citizenName: string
let tokens: SessionTokens
let venueCode: string

async function hasNoPositiveTest(index: number): Promise<boolean> {
  const res = await CALLER.fetch(`${sys.departments.weijian!.url}/v1/nucleic-acid-tests/lookup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-client-id': 'GOV/test', 'x-purpose': 'test' },
    body: JSON.stringify({ idNumber: sys.citizen(index).idNumber }),
  })
  return res.ok && !((await res.json()) as { tests: { result: string }[] }).tests.some((t) => t.result === '阳性')
}

beforeAll(async () => {
  sys = await startSystem({ referenceDate: chinaToday(), departments: ['weijian', 'shichang'], bff: { h5Dir: H5_DIR } })
  bffUrl = await sys.bff.listen({ host: '127.0.0.1', port: 0 })
  let index = 30
  while (faceCheckAlwaysFails(index) || !(await hasNoPositiveTest(index))) index += 1
  await realNameUser(sys, 'e2e-health-citizen', index)
  citizenName = sys.citizen(index).name
  tokens = (await sys.login('e2e-health-citizen')) as typeof tokens
  // A restaurant's legal representative registers a venue code for it, in the district 卫健 will flag.
  const business = await businessOwnerPicker(sys, 200)()
  const owner = await realNameUser(sys, 'e2e-health-venue-owner', business.index)
  const venue = await sys.call({
    method: 'POST',
    url: '/v1/venues',
    headers: bearer(owner),
    payload: {
      creditCode: business.creditCode,
      name: '沙面老字号茶楼',
      areaCode: RISK_AREA,
      address: '沙面南街 52 号',
    },
  })
  venueCode = venue.json().code
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await sys?.close()
})

const newContext = () => phoneContext(browser)

test('declare → green; check in at a venue in a risk area → yellow with its reason; the verifier sees colour and time only', async () => {
  const citizen = await signedIn(await newContext(), bffUrl, tokens)
  const errors = watchErrors(citizen)

  // 健康申报: normal temperature, no symptoms, no contact.
  await citizen.goto(`${bffUrl}/#/packages/health/health-declare/index`)
  await citizen.locator('.page-health-declare__temperature input').fill('36.5')
  await citizen.locator('.page-health-declare__contact--no').click()
  await citizen.locator('.page-health-declare__submit').click()
  await citizen.locator('.page-health-declare__done').waitFor()
  expect(await citizen.locator('.page-health-declare__colour').textContent()).toContain('绿码')
  await shootWhole(citizen, 'health-declared')

  await citizen.goto(`${bffUrl}/#/packages/health/health-code/index`)
  const colour = citizen.locator('.page-health-code__colour')
  await colour.waitFor()
  await expect(colour.getAttribute('data-colour')).resolves.toBe('green')
  await citizen.locator('.page-health-code__qr .ysx-qr__image').waitFor()
  const codeText = (await citizen.locator('.page-health-code').textContent()) ?? ''
  expect(codeText).toMatch(/\d+ 秒后自动刷新/)
  expect(codeText).not.toContain(citizenName)
  expect(await citizen.locator('.page-health-code__name').textContent()).toContain(citizenName.slice(-1))
  await shootWhole(citizen, 'health-code-green')

  // 卫健 flags the district; the citizen opens the venue QR's link: the venue is shown, and nothing is written yet.
  const flag = await fetch(`${sys.departments.weijian!.url}/_admin/risk-areas`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...OPERATOR },
    body: JSON.stringify({ areaCode: RISK_AREA, level: 'medium' }),
  })
  expect(flag.status).toBe(200)
  const checkIns = async () =>
    (
      await sys.call({ method: 'GET', url: '/v1/health-codes/self/check-ins', headers: bearer(tokens.accessToken) })
    ).json().checkIns
  await citizen.goto(`${bffUrl}/#/pages/check-in/index?v=${encodeURIComponent(venueCode)}`)
  await citizen.locator('.page-check-in__confirm').waitFor()
  expect(await citizen.locator('.page-check-in__venue').textContent()).toContain('沙面老字号茶楼')
  expect(await citizen.locator('.page-check-in__confirm').textContent()).toContain('广州市荔湾区')
  expect(await checkIns()).toEqual([])
  await shootWhole(citizen, 'health-check-in-confirm')
  await citizen.locator('.page-check-in__confirm-button').click()
  await citizen.locator('.page-check-in__result--done').waitFor()
  expect(await checkIns()).toHaveLength(1)
  expect(await citizen.locator('.page-check-in__venue').textContent()).toContain('沙面老字号茶楼')
  expect(await citizen.locator('.page-check-in__colour').textContent()).toContain('黄码')
  await shootWhole(citizen, 'health-check-in')

  await citizen.goto(`${bffUrl}/#/packages/health/health-code/index`)
  await citizen.locator('.page-health-code__colour[data-colour="yellow"]').waitFor()
  const reason = citizen.locator('.page-health-code__reason[data-rule="yellow.risk_venue"]')
  await reason.waitFor()
  expect(await reason.textContent()).toContain('中高风险区域')
  await citizen.locator('.page-health-code__qr .ysx-qr__image').waitFor()
  await shootWhole(citizen, 'health-code-yellow')
  const qr = ((await citizen.locator('[data-testid="qr-text"]').textContent()) ?? '').trim()
  expect(qr).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+~[\w-]+\.[\w-]+\.[\w-]+$/)

  // The entrance: another device verifies the code online and learns only the colour and the time.
  const gate = await (await newContext()).newPage()
  const gateErrors = watchErrors(gate)
  await gate.goto(`${bffUrl}/#/packages/health/health-verify/index`)
  await gate.locator('.page-health-verify__input textarea').fill(qr)
  await gate.locator('.page-health-verify__submit').click()
  await gate.locator('.page-health-verify__result--online').waitFor()
  expect(await gate.locator('.page-health-verify__colour').textContent()).toContain('黄码')
  expect(await gate.locator('.page-health-verify__time').textContent()).toMatch(/\d{2}:\d{2}/)
  const shown = (await gate.locator('.page-health-verify').textContent()) ?? ''
  expect(shown).not.toContain(`*${citizenName.slice(-1)}`)
  expect(shown).not.toContain('沙面')
  await shootWhole(gate, 'health-verify')
  expect(gateErrors).toEqual([])
  expect(errors).toEqual([])
})

// e2e: a driver shows the driving-licence QR (交警查验); a second context verifies it offline, then online, in Chromium.
import type { Browser } from 'playwright-core'
import {
  ALL_DEPARTMENTS,
  CALLER,
  faceCheckAlwaysFails,
  type TestSystem,
  realNameSession,
  startSystem,
} from '../support/system'
import { H5_DIR, launchChromium, phoneContext, type SessionTokens, shootWhole, signedIn, watchErrors } from './browser'

jest.setTimeout(180_000)

interface Licence {
  licenceClass: string
  issueDate: string
  expiryDate: string | null
  points: { remaining: number }
  status: string
  type: string
}

let sys: TestSystem
let browser: Browser
let bffUrl: string
let tokens: SessionTokens
let driver: { name: string; idNumber: string; licence: Licence }

/** The stand-in face check always fails for these population indexes (departments/src/gongan/face.ts). */

async function licenceOf(index: number): Promise<Licence | null> {
  const res = await CALLER.fetch(`${sys.departments.jiaoguan!.url}/v1/certificates/lookup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-client-id': 'GOV/test', 'x-purpose': 'test' },
    body: JSON.stringify({ idNumber: sys.citizen(index).idNumber }),
  })
  if (!res.ok) return null
  const { certificates } = (await res.json()) as { certificates: Licence[] }
  return certificates.find((c) => c.type === 'driving_licence' && c.status === 'valid') ?? null
}

beforeAll(async () => {
  sys = await startSystem({ departments: ALL_DEPARTMENTS, bff: { h5Dir: H5_DIR } })
  bffUrl = await sys.bff.listen({ host: '127.0.0.1', port: 0 })
  for (let index = 50; index < 300 && !driver; index += 1) {
    const licence = faceCheckAlwaysFails(index) ? null : await licenceOf(index)
    if (!licence) continue
    // The browser signs in with the session that passed the face check: 亮证 needs that session's step-up.
    tokens = (await realNameSession(sys, 'e2e-wallet-driver', index)) as typeof tokens
    const who = sys.citizen(index)
    driver = { name: who.name, idNumber: who.idNumber, licence }
  }
  if (!driver) throw new Error('no citizen with a valid driving licence among indexes 50–299')
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await sys?.close()
})

const newContext = () => phoneContext(browser)
/** A date as the zh-CN app shows it: 2026-01-05 → 2026年1月5日. */
const zhDate = (iso: string) =>
  iso.replace(
    /^(\d{4})-(\d{2})-(\d{2})$/,
    (_all, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`,
  )

test('the driving-licence QR verifies offline in a second context and shows name, class, validity and points only', async () => {
  const citizen = await signedIn(await newContext(), bffUrl, tokens)
  const citizenErrors = watchErrors(citizen)
  await citizen.goto(`${bffUrl}/#/pages/wallet/index`)
  const licenceCard = citizen.locator('.ysx-wallet-card--driving_licence')
  await licenceCard.waitFor()
  await expect(citizen.locator('.ysx-wallet-card').count()).resolves.toBeGreaterThanOrEqual(2)
  const walletText = (await citizen.locator('.page-wallet').textContent()) ?? ''
  expect(walletText).toContain('机动车驾驶证')
  expect(walletText).toContain('有效')
  expect(walletText).not.toContain(driver.idNumber)
  expect(walletText).not.toContain(driver.name)
  await shootWhole(citizen, 'wallet-list')

  await licenceCard.click()
  await citizen.waitForURL(/packages\/card\/wallet-card\/index/)
  await citizen.locator('.page-wallet-card .ysx-query__row', { hasText: '准驾车型' }).waitFor()
  const cardText = (await citizen.locator('.page-wallet-card').textContent()) ?? ''
  expect(cardText).toContain(driver.licence.licenceClass)
  expect(cardText).toContain('记分 · 剩余分值')
  expect(cardText).not.toContain(driver.idNumber)
  await shootWhole(citizen, 'wallet-card')

  await citizen.locator('.nut-button', { hasText: '亮证' }).click()
  await citizen.getByText('交警查验', { exact: true }).click()
  await citizen.waitForURL(/packages\/card\/present\/index/)
  const qrText = citizen.locator('[data-testid="qr-text"]')
  await qrText.waitFor({ state: 'attached' })
  await citizen.locator('.ysx-qr__image').waitFor()
  const text = ((await qrText.textContent()) ?? '').trim()
  expect(text).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+~[\w-]+\.[\w-]+\.[\w-]+$/)
  expect(Buffer.byteLength(text)).toBeLessThanOrEqual(800)
  const presentText = (await citizen.locator('.page-present').textContent()) ?? ''
  expect(presentText).toMatch(/\d+ 秒后自动刷新/)
  expect(presentText).toContain('核验方将看到')
  expect(presentText).toContain(driver.name)
  await shootWhole(citizen, 'wallet-present')
  expect(citizenErrors).toEqual([])

  // The officer: opens the verifier once online (the JWKS gets cached), then loses the network.
  const officerContext = await newContext()
  const officer = await officerContext.newPage()
  const officerErrors = watchErrors(officer)
  await officer.goto(`${bffUrl}/#/packages/card/verify/index`)
  await officer.waitForFunction(() => localStorage.getItem('ysx.verify.jwks') !== null)
  await officerContext.setOffline(true)
  await officer.locator('.page-verify__input textarea').fill(text)
  await officer.locator('.nut-button', { hasText: '核验' }).click()
  await officer.locator('.page-verify__offline').waitFor()
  await officer.locator('.page-verify__result', { hasText: '无法连接平台' }).waitFor()
  const result = (await officer.locator('.page-verify__result').textContent()) ?? ''
  const { licence } = driver
  expect(result).toContain('离线核验通过')
  for (const shown of [
    driver.name,
    licence.licenceClass,
    zhDate(licence.issueDate),
    licence.expiryDate ? zhDate(licence.expiryDate) : '长期',
    String(licence.points.remaining),
  ]) {
    expect(result).toContain(shown)
  }
  const labels = await officer.locator('.page-verify__result .ysx-query__row-label').allTextContents()
  expect(labels).toEqual(['证照类型', '出示场景', '出示时间', '姓名', '准驾车型', '有效期起', '有效期至', '剩余记分'])
  expect(result).not.toContain(driver.idNumber)
  expect(result).not.toContain(driver.idNumber.slice(-4))
  await shootWhole(officer, 'wallet-verify-offline')

  // Back online, a fresh QR passes online too (status and one use); the same text again is a replay.
  await officerContext.setOffline(false)
  await citizen.locator('.nut-button', { hasText: '立即刷新' }).click()
  await citizen.waitForFunction((old) => {
    const now = document.querySelector('[data-testid="qr-text"]')?.textContent?.trim()
    return !!now && now !== old
  }, text)
  const fresh = ((await qrText.textContent()) ?? '').trim()
  await officer.locator('.page-verify__input textarea').fill(fresh)
  await officer.locator('.nut-button', { hasText: '核验' }).click()
  await officer.getByText('在线核验通过', { exact: true }).waitFor()
  await shootWhole(officer, 'wallet-verify-online')
  await officer.locator('.nut-button', { hasText: '核验' }).click()
  await officer.getByText('该亮证码已被核验过', { exact: false }).waitFor()
  // Refused online: the refusal alone, nothing about the holder (no offline pass shown beside it).
  const refused = (await officer.locator('.page-verify__result').textContent()) ?? ''
  expect(refused).toContain('在线核验未通过')
  expect(refused).not.toContain(driver.name)
  expect(refused).not.toContain('离线核验通过')

  // The citizen's card now lists that verification in its 核验记录.
  await citizen.goBack()
  await citizen.waitForURL(/packages\/card\/wallet-card\/index/)
  await citizen.locator('.page-wallet-card__log', { hasText: '核验通过' }).waitFor()
  expect(await citizen.locator('.page-wallet-card__log').textContent()).toContain('交警查验')
  expect(officerErrors).toEqual([])
  expect(citizenErrors).toEqual([])
})

test('卡包 without a session offers 去登录 instead of cards', async () => {
  const page = await (await newContext()).newPage()
  const errors = watchErrors(page)
  await page.goto(`${bffUrl}/#/pages/wallet/index`)
  await page.locator('.page-wallet .ysx-error').waitFor()
  await expect(page.locator('.page-wallet .ysx-error').textContent()).resolves.toContain('去登录')
  await expect(page.locator('.ysx-wallet-card').count()).resolves.toBe(0)
  expect(errors).toEqual([])
})

test('a card whose 核验记录 cannot be loaded says so, with 重试, never that it was not verified', async () => {
  const citizen = await signedIn(await newContext(), bffUrl, tokens)
  const unavailable = { code: 'OVERLOADED', message: '当前访问人数较多，请稍后重试', requestId: 'r-e2e' }
  await citizen.route('**/v1/wallet/*/presentations', (route) =>
    route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify(unavailable) }),
  )
  await citizen.goto(`${bffUrl}/#/pages/wallet/index`)
  await citizen.locator('.ysx-wallet-card--driving_licence').click()
  await citizen.waitForURL(/packages\/card\/wallet-card\/index/)
  const log = citizen.locator('.page-wallet-card__log')
  await log.locator('.ysx-error').waitFor()
  const text = (await log.textContent()) ?? ''
  expect(text).toContain('当前访问人数较多')
  expect(text).toContain('重试')
  expect(text).not.toContain('还没有被核验过')
})

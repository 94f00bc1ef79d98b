// e2e: the 服务大厅 in Chromium on the H5 build. A signed-in citizen searches 社保 on the 服务 tab and opens the first
// result's guide (materials with their evidence levels in words); finds 公积金提取 by pinyin (gjj tiqu), reads its guide
// (免证办 where a wallet card replaces the paper) and adds it to 我的收藏; switches the city to 深圳市 and finds its
// 居住证申领 run by 深圳市公安局; and sees 我的收藏 and 最近使用 in 我的服务. Screenshots land in tests/artifacts/.
import { catalogues, DEFAULT_LOCALE } from '@ysx/shared'
import type { Browser, Page } from 'playwright-core'
import { ALL_DEPARTMENTS, startSystem, type TestSystem } from '../support/system'
import {
  H5_DIR,
  launchChromium,
  phoneContext,
  type SessionTokens,
  settled,
  shootWhole,
  signedIn,
  watchErrors,
} from './browser'

jest.setTimeout(120_000)

const text = catalogues[DEFAULT_LOCALE]

let sys: TestSystem
let browser: Browser
let bffUrl: string
let page: Page
let errors: string[]

beforeAll(async () => {
  sys = await startSystem({ departments: ALL_DEPARTMENTS, bff: { h5Dir: H5_DIR } })
  bffUrl = await sys.bff.listen({ host: '127.0.0.1', port: 0 })
  const tokens = { ...(await sys.login('e2e-hall')), refreshExpiresIn: 3600 } as SessionTokens
  browser = await launchChromium()
  page = await signedIn(await phoneContext(browser), bffUrl, tokens)
  errors = watchErrors(page, { consoleFrom: bffUrl })
})
afterAll(async () => {
  await browser?.close()
  await sys?.close()
})

async function searchFor(words: string): Promise<void> {
  await page.goto(`${bffUrl}/#/pages/services/index`)
  const input = page.locator('.page-services__search-input input').locator('visible=true')
  await input.fill(words)
  await page.locator('.page-services__search-button').locator('visible=true').click()
  await page.waitForURL(/packages\/hall\/hall-list\/index/)
  await page.locator('.page-hall-list__results .ysx-service-row').first().waitFor()
  await settled(page)
}

const firstResult = () => page.locator('.page-hall-list .ysx-service-row__name').locator('visible=true').first()

test('searching 社保 lists 社保 services first and opens the first one’s guide', async () => {
  await searchFor('社保')
  await expect(firstResult().textContent()).resolves.toMatch(/社保|社会保险|社会保障/)
  await shootWhole(page, 'hall-search-shebao')
  const name = (await firstResult().textContent()) ?? ''
  await firstResult().click()
  await page.waitForURL(/packages\/hall\/hall-guide\/index\?code=/)
  await page.locator('.page-hall-guide__name', { hasText: name }).waitFor()
  await page.locator('.page-hall-guide__evidence').first().waitFor()
  await settled(page)
  await expect(page.title()).resolves.toBe(text.services.guide.title)
  expect(errors).toEqual([])
})

test('gjj tiqu finds 公积金提取; its guide marks 免证办 and it can be kept in 我的收藏', async () => {
  await searchFor('gjj tiqu')
  await expect(firstResult().textContent()).resolves.toContain('住房公积金提取')
  await firstResult().click()
  await page.locator('.page-hall-guide__material').first().waitFor()
  await page.locator('.page-hall-guide__paperless').first().waitFor()
  await expect(page.locator('.page-hall-guide__evidence').first().textContent()).resolves.toBe(text.services.evidence.A)
  await page.locator('.page-hall-guide__favourite', { hasText: text.services.guide.favourite }).click()
  await page.locator('.page-hall-guide__state', { hasText: text.services.guide.favourited }).waitFor()
  await shootWhole(page, 'hall-guide-gjj')

  await page.goto(`${bffUrl}/#/packages/hall/hall-mine/index`)
  const favourites = page.locator('.page-hall-mine__list').first()
  await favourites.locator('.ysx-service-row__name', { hasText: '住房公积金提取' }).waitFor()
  await settled(page)
  await shootWhole(page, 'hall-mine')
  expect(errors).toEqual([])
})

test('switching the city to 深圳市 (remembered) lists 深圳市公安局’s 居住证申领', async () => {
  await page.goto(`${bffUrl}/#/pages/services/index`)
  await page.locator('.page-services__city-switch').locator('visible=true').click()
  await page.locator('.page-services__city-option', { hasText: '深圳市' }).click()
  await page.locator('.page-services__city-label', { hasText: '深圳市' }).waitFor()
  await expect(page.evaluate(() => localStorage.getItem('ysx.city'))).resolves.toContain('440300')
  await searchFor('居住证申领')
  await page.locator('.page-hall-list .ysx-service-row__meta', { hasText: '深圳市公安局' }).first().waitFor()
  await expect(page.locator('.page-hall-list .ysx-service-row__meta', { hasText: '广州市' }).count()).resolves.toBe(0)
  expect(errors).toEqual([])
})

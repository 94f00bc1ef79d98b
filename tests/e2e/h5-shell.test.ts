// e2e: the H5 build, served by the BFF, opens in Chromium with its tab bar in Chinese; each tab opens its own page
// (what a visitor who has not signed in sees there), and no page logs an error; axe-core checks each (browser.ts's
// settled). 首页's and 服务's tiles are buttons a keyboard reaches, with a visible focus ring, opened by Enter or Space.
import { catalogues, DEFAULT_LOCALE } from '@ysx/shared'
import type { FastifyInstance } from 'fastify'
import type { Browser, Locator, Page } from 'playwright-core'
import { launchChromium, PHONE, screenshotPath, serveH5, settled, watchErrors } from './browser'

jest.setTimeout(60_000)

const text = catalogues[DEFAULT_LOCALE]

let browser: Browser
let server: { app: FastifyInstance; url: string }

beforeAll(async () => {
  // Load shedding off: on a busy machine a 503 OVERLOADED would stand in for what a visitor is told on 卡包.
  server = await serveH5({ maxEventLoopDelayMs: 600_000 })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.app.close()
})

/** Each tab: its label, its page's address and block, and texts only that page shows to a visitor not signed in. */
const TABS = [
  {
    label: '首页',
    path: 'pages/home/index',
    block: '.page-home',
    shows: [text.home.greeting, text.home.quickEntries, text.home.signInHint, text.home.trafficViolations],
  },
  {
    label: '服务',
    path: 'pages/services/index',
    block: '.page-services',
    shows: [text.services.title, text.services.tools, text.wallet.verifyEntry, text.healthCode.actions.declare],
  },
  {
    label: '卡包',
    path: 'pages/wallet/index',
    block: '.page-wallet',
    // Signed out, the wallet asks to sign in first: the error's message, and 去登录 in place of 重试.
    shows: [text.wallet.title, text.errors.AUTH_REQUIRED, text.home.signIn],
  },
  {
    label: '我的',
    path: 'pages/me/index',
    block: '.page-me',
    shows: [text.me.notLoggedIn, text.me.loginHint, text.me.login, text.me.feedback],
  },
] as const

/** Waits until the page `block` is shown with each of `texts` visible in it (Taro keeps other pages hidden). */
async function showsOwnPage(page: Page, block: string, texts: readonly string[]) {
  const shown = page.locator(block)
  await shown.waitFor()
  for (const t of texts) await shown.getByText(t, { exact: true }).first().waitFor()
}

test('the tab bar shows 首页 / 服务 / 卡包 / 我的 and each tab opens its own page, 首页 again last', async () => {
  const page = await browser.newPage(PHONE)
  const errors = watchErrors(page, { consoleFrom: server.url })
  await page.goto(server.url)
  const tabBar = page.locator('.taro-tabbar__tabbar')
  await tabBar.waitFor()
  for (const { label } of TABS) await tabBar.getByText(label, { exact: true }).waitFor()
  await expect(tabBar.locator('.weui-tabbar__label').allTextContents()).resolves.toEqual(TABS.map((t) => t.label))
  await showsOwnPage(page, TABS[0].block, TABS[0].shows)
  await settled(page)
  await page.screenshot({ path: screenshotPath('h5-home') })

  // Every tab from the last to the first, so each click leaves a page another tab showed.
  for (const tab of [...TABS.slice(1), TABS[0]]) {
    await tabBar.getByText(tab.label, { exact: true }).click()
    await page.waitForURL(new RegExp(tab.path.replaceAll('/', '\\/')))
    await showsOwnPage(page, tab.block, tab.shows)
    await settled(page)
    // The other tabs' pages are hidden, not shown below it.
    for (const other of TABS.filter((t) => t !== tab)) {
      await page.locator(other.block).first().waitFor({ state: 'hidden' })
    }
  }
  await page.screenshot({ path: screenshotPath('h5-home-again') })
  expect(errors).toEqual([])
})

/** The outline a focused element shows: its style and width in CSS px. */
const outline = (tile: Locator) =>
  tile.evaluate((e) => {
    const style = getComputedStyle(e)
    return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) }
  })

test('首页 and 服务 tiles are buttons a keyboard reaches with Tab, show a focus ring, and open with Enter or Space', async () => {
  const page = await browser.newPage(PHONE)
  await page.goto(server.url)
  const home = page.locator('.page-home')
  // 首页: from 健康码 (the first tile) Tab reaches 社保查询 (the next), which shows a ring and opens with Enter.
  const first = home.getByRole('button', { name: text.home.healthCode, exact: true })
  const social = home.getByRole('button', { name: text.home.socialSecurity, exact: true })
  await first.focus()
  await page.keyboard.press('Tab')
  await expect(social.evaluate((e) => e === document.activeElement)).resolves.toBe(true)
  const ring = await outline(social)
  expect(ring.style).toBe('solid')
  expect(ring.width).toBeGreaterThanOrEqual(2)
  await page.keyboard.press('Enter')
  await page.waitForURL(/packages\/queries\/social-security\/index/)
  await settled(page)

  // 服务: Space on 核验证照 (its only tool) opens the verifier; the page does not scroll instead.
  await page.goto(`${server.url}/#/pages/services/index`)
  const verify = page.locator('.page-services').getByRole('button', { name: text.wallet.verifyEntry, exact: true })
  await verify.focus()
  await page.keyboard.press('Space')
  await page.waitForURL(/packages\/card\/verify\/index/)
  await settled(page)
})

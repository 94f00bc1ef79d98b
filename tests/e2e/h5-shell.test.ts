// e2e: the H5 build, served by the BFF, opens in Chromium with its tab bar in Chinese and no console errors.
import type { FastifyInstance } from 'fastify'
import type { Browser } from 'playwright-core'
import { launchChromium, screenshotPath, serveH5 } from './browser'

jest.setTimeout(60_000)

let browser: Browser
let server: { app: FastifyInstance; url: string }

beforeAll(async () => {
  server = await serveH5()
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.app.close()
})

test('the tab bar shows 首页 / 服务 / 卡包 / 我的 and each tab opens its page', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${m.text()} ${m.location().url}`)
  })
  await page.goto(server.url)
  const tabBar = page.locator('.taro-tabbar__tabbar')
  await tabBar.waitFor({ state: 'visible' })
  for (const label of ['首页', '服务', '卡包', '我的']) {
    await expect(tabBar.getByText(label, { exact: true }).isVisible()).resolves.toBe(true)
  }
  await page.screenshot({ path: screenshotPath('h5-home') })

  await tabBar.getByText('我的', { exact: true }).click()
  await page.waitForURL(/pages\/me\/index/)
  await page.screenshot({ path: screenshotPath('h5-me') })
  expect(errors).toEqual([])
})

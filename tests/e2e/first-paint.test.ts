// e2e: 首页's first load. index.html preloads every chunk 首页 needs (no chunk waits for app.js to ask for it), and
// before any script has run it already shows 首页's band and, to a first visitor, the sign-in hint, in the browser's
// language (config/first-paint.ts); once the app has rendered 首页 the static first paint is gone. A first visit loads
// neither zod nor the contracts (nothing is called signed out).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { catalogues, type Locale } from '@ysx/shared'
import type { FastifyInstance } from 'fastify'
import type { Browser } from 'playwright-core'
import { H5_DIR, launchChromium, PHONE, serveH5, settled } from './browser'

jest.setTimeout(60_000)

let browser: Browser
let server: { app: FastifyInstance; url: string }

beforeAll(async () => {
  server = await serveH5({ maxEventLoopDelayMs: 600_000 })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.app.close()
})

const HOME = '/#/pages/home/index'
const FIRST_PAINT = '#ysx-first-paint'

/** The scripts and styles index.html names: its deferred scripts, stylesheets and preloads. */
function namedInIndex(): Set<string> {
  const html = readFileSync(path.join(H5_DIR, 'index.html'), 'utf8')
  return new Set([...html.matchAll(/\b(?:src|href)="(\/(?:js|css)\/[^"]+)"/g)].map((m) => m[1] ?? ''))
}

test('every script and style 首页 loads for a first visit is named in index.html (preloaded), and none is zod', async () => {
  const page = await browser.newPage(PHONE)
  const loaded: string[] = []
  page.on('request', (request) => {
    const { pathname } = new URL(request.url())
    if (/^\/(js|css)\//.test(pathname)) loaded.push(pathname)
  })
  await page.goto(`${server.url}${HOME}`, { waitUntil: 'networkidle' })
  await page.locator('.page-home').getByText(catalogues['zh-CN'].home.signInHint).waitFor()
  const named = namedInIndex()
  expect(loaded.length).toBeGreaterThan(named.size / 2)
  expect(loaded.filter((file) => !named.has(file))).toEqual([])
  // zod says its own name in its code; none of what a first visit loads does.
  const texts = await Promise.all(
    loaded.map((file) => (file.endsWith('.js') ? page.request.get(server.url + file) : null)),
  )
  const bodies = await Promise.all(texts.map((reply) => reply?.text() ?? ''))
  expect(bodies.filter((body) => body.includes('ZodError'))).toEqual([])
  await page.close()
})

test.each<[string, Locale]>([
  ['zh-CN', 'zh-CN'],
  ['zh-TW', 'zh-HK'],
  ['en-GB', 'en'],
])('before any script runs, a browser in %s sees 首页’s band and the sign-in hint in %s', async (language, locale) => {
  const context = await browser.newContext({ ...PHONE, locale: language })
  const page = await context.newPage()
  await page.route('**/js/**', (route) => route.abort())
  await page.goto(`${server.url}${HOME}`, { waitUntil: 'load' })
  const text = catalogues[locale]
  const shown = page.locator(FIRST_PAINT)
  for (const said of [text.app.name, text.app.slogan, text.home.greeting, text.home.signInHint]) {
    await expect(shown.getByText(said, { exact: true }).isVisible()).resolves.toBe(true)
  }
  // The other languages' texts are there but not shown.
  const other = locale === 'en' ? catalogues['zh-CN'] : catalogues.en
  await expect(shown.getByText(other.home.signInHint, { exact: true }).isVisible()).resolves.toBe(false)
  await context.close()
})

test('the app takes over: once 首页 has rendered, the static first paint is gone', async () => {
  const page = await browser.newPage(PHONE)
  await page.goto(`${server.url}${HOME}`)
  await page.locator('.page-home').getByText(catalogues['zh-CN'].home.signInHint).waitFor()
  await page.locator(FIRST_PAINT).waitFor({ state: 'detached' })
  await settled(page)
  await expect(page.locator(FIRST_PAINT).count()).resolves.toBe(0)
  await page.close()
})

test('another page opened from a link (扫码签到) never shows 首页’s first paint', async () => {
  const page = await browser.newPage(PHONE)
  await page.route('**/js/**', (route) => route.abort())
  await page.goto(`${server.url}/#/pages/check-in/index`, { waitUntil: 'load' })
  await expect(page.locator(FIRST_PAINT).isVisible()).resolves.toBe(false)
  await page.close()
})

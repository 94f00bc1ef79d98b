// Launches Debian's Chromium through playwright-core (no browser download), and serves the BFF with the H5 build.
import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { buildApp } from '@ysx/bff/app'
import { type Config, testConfig } from '@ysx/bff/config'
import type { FastifyInstance } from 'fastify'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { reportViolations, scanPage, writeAxeReport } from './axe'

export const H5_DIR = path.resolve(__dirname, '../../miniapp/dist/h5')
export const ARTIFACTS = path.resolve(__dirname, '../artifacts')

/** Flags for a fake camera that getUserMedia may use without a permission prompt (face verification). */
export const FAKE_CAMERA_ARGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']

/** The browsers this spec launched: after each test, axe-core checks every page still open in them (axe.ts). */
const launched = new Set<Browser>()

afterEach(async () => {
  for (const browser of launched) {
    if (!browser.isConnected()) continue
    for (const page of browser.contexts().flatMap((c) => c.pages())) await scanPage(page, 'end of test')
  }
  reportViolations()
})
afterAll(() => writeAxeReport(ARTIFACTS))

/** Playwright gives every launch a fresh temporary profile, so no --user-data-dir is passed. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  })
  launched.add(browser)
  return browser
}

/** The BFF on a free port, serving the H5 build at `/`; `overrides` change its test configuration. */
export async function serveH5(overrides: Partial<Config> = {}): Promise<{ app: FastifyInstance; url: string }> {
  if (!existsSync(path.join(H5_DIR, 'index.html'))) {
    throw new Error(`no H5 build at ${H5_DIR}: run \`pnpm --filter @ysx/miniapp build:h5\` (./scripts/test does)`)
  }
  const app = await buildApp(testConfig({ h5Dir: H5_DIR, logLevel: 'warn', ...overrides }))
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  return { app, url }
}

const MINIAPP_SRC = path.resolve(__dirname, '../../miniapp/src')

/**
 * The route of the page in folder `name`: pages/<name>/index for the tabs and the main package's other pages, else
 * packages/<group>/<name>/index in its subpackage (miniapp/src/app.config.ts).
 */
export function pageRoute(name: string): string {
  const groups = readdirSync(path.join(MINIAPP_SRC, 'packages'))
  const folders = [`pages/${name}`, ...groups.map((group) => `packages/${group}/${name}`)]
  const folder = folders.find((f) => existsSync(path.join(MINIAPP_SRC, f, 'index.tsx')))
  if (!folder) throw new Error(`no page folder ${name} under miniapp/src/pages or packages/*`)
  return `${folder}/index`
}

export function screenshotPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true })
  return path.join(ARTIFACTS, `${name}.png`)
}

/**
 * Errors of our app on a page, so a broken page fails its test even where it still looks right: uncaught page
 * errors always; console errors too when `consoleFrom` names our origin (pages not ours, such as the WeChat
 * stand-in's, are left out).
 */
export function watchErrors(page: Page, opts: { consoleFrom?: string } = {}): string[] {
  const errors: string[] = []
  const ours = () => !opts.consoleFrom || page.url().startsWith(opts.consoleFrom)
  page.on('pageerror', (e) => {
    if (ours()) errors.push(e.message)
  })
  if (opts.consoleFrom) {
    page.on('console', (m) => {
      if (m.type() === 'error' && ours()) errors.push(`${m.text()} ${m.location().url}`)
    })
  }
  return errors
}

/**
 * Waits until Taro's page transition (a CSS transition) has finished, so screenshots show one page; then axe-core
 * checks the page state it shows (axe.ts: serious or critical violations fail the test).
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState === 'finished'),
  )
  await scanPage(page)
}

/** A full-page shot: Taro's H5 pages scroll in their own container, so the viewport grows to the tallest page. */
export async function shootWhole(page: Page, name: string): Promise<void> {
  // Pages below the current one stay in the DOM, hidden (scrollHeight 0): the tallest is the one shown.
  const height = await page.evaluate(() =>
    Math.max(...Array.from(document.querySelectorAll('.ysx-page'), (p) => p.scrollHeight)),
  )
  await page.setViewportSize({ width: 390, height: Math.max(844, height + 60) })
  await settled(page)
  await page.screenshot({ path: screenshotPath(name) })
  await page.setViewportSize({ width: 390, height: 844 })
}

/**
 * A phone (390 × 844 CSS px, 2× pixels) set to a language: the app's first run follows it, so the tests that read
 * Chinese texts use a phone set to zh-CN (Chromium's own default is en-US).
 */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' }

/** A phone-sized browser context in `locale` (zh-CN unless told). */
export const phoneContext = (browser: Browser, locale = PHONE.locale) => browser.newContext({ ...PHONE, locale })

export interface SessionTokens {
  accessToken: string
  refreshToken: string
  refreshExpiresIn: number
}

/** A page of the app at `url`, signed in: the tokens go where services/token-store.ts keeps them (Taro wraps in {data}). */
export async function signedIn(context: BrowserContext, url: string, tokens: SessionTokens): Promise<Page> {
  const page = await context.newPage()
  await page.goto(url)
  const stored = {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    refreshExpiresAt: Date.now() + tokens.refreshExpiresIn * 1000,
  }
  await page.evaluate((value) => localStorage.setItem('ysx.auth.tokens', JSON.stringify({ data: value })), stored)
  return page
}

// e2e: the three languages in Chromium on the H5 build. One signed-in, real-name citizen switches language in 我的
// (zh-HK, English, then back to zh-CN); in each the tab bar, the titles, the main pages (首页, 服务, 卡包, a card,
// 粤康码, 我的, login) and every other page show no catalogue key and no raw value (male, issueDate, a status code,
// an ISO date), and home, a wallet card and 粤康码 are photographed into tests/artifacts/. One browser, one system,
// one login: kept fast.
import { type Catalogue, catalogues, type CertificateType, type Locale } from '@ysx/shared'
import type { Browser, Page } from 'playwright-core'
import { ALL_DEPARTMENTS, faceCheckAlwaysFails, realNameSession, startSystem, type TestSystem } from '../support/system'
import {
  H5_DIR,
  launchChromium,
  pageRoute,
  phoneContext,
  type SessionTokens,
  shootWhole,
  signedIn,
  watchErrors,
} from './browser'

jest.setTimeout(120_000)

let sys: TestSystem
let browser: Browser
let bffUrl: string
let page: Page
let errors: string[]
/** The citizen's cards (ids), each visited in every language: their own fields carry dates, codes and terms. */
let cards: { id: string; type: string }[]

beforeAll(async () => {
  sys = await startSystem({ departments: ALL_DEPARTMENTS, bff: { h5Dir: H5_DIR } })
  bffUrl = await sys.bff.listen({ host: '127.0.0.1', port: 0 })
  let index = 60
  while (faceCheckAlwaysFails(index)) index += 1
  const tokens = (await realNameSession(sys, 'e2e-languages', index)) as SessionTokens
  const wallet = await sys.call({
    method: 'GET',
    url: '/v1/wallet',
    headers: { authorization: `Bearer ${tokens.accessToken}` },
  })
  cards = (wallet.json() as { cards: { id: string; type: string }[] }).cards
  if (cards.length < 2) throw new Error(`citizen ${index} has ${cards.length} cards: pick one with more`)
  browser = await launchChromium()
  // The phone is set to zh-CN: the first run opens in it (the device's language).
  page = await signedIn(await phoneContext(browser, 'zh-CN'), bffUrl, tokens)
  errors = watchErrors(page, { consoleFrom: bffUrl })
})
afterAll(async () => {
  await browser?.close()
  await sys?.close()
})

/** A catalogue key written out (`wallet.issueDate`, `values.genders.male`): any path under a namespace. */
const CATALOGUE_KEY = new RegExp(`\\b(${Object.keys(catalogues['zh-CN']).join('|')})\\.[A-Za-z_]`)
/** A raw value: a contract's code word, a snake_case code, an ISO date or timestamp, a JS literal. */
const RAW_VALUE =
  /\b(male|female|issueDate|expiryDate|[a-z]+_[a-z_]+|true|false|null|undefined|NaN)\b|\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}/

/** What the citizen sees: the text of the page shown (hidden pages excluded) and the tab bar. */
const visibleText = () => page.evaluate(() => document.body.innerText)

async function expectClean(where: string): Promise<void> {
  const text = await visibleText()
  expect([where, text.match(CATALOGUE_KEY)?.[0] ?? null]).toEqual([where, null])
  expect([where, text.match(RAW_VALUE)?.[0] ?? null]).toEqual([where, null])
}

/** Opens the page in folder `name` (wherever its package is), with `query`. */
async function open(name: string, query = ''): Promise<void> {
  await page.goto(`${bffUrl}/#/${pageRoute(name)}${query}`)
}

const shown = (text: string) => page.getByText(text, { exact: false }).locator('visible=true').first().waitFor()

async function switchTo(locale: Locale, from: Catalogue): Promise<void> {
  await open('me')
  await page.locator('.page-me__language').click()
  await shown(from.me.languageTitle)
  await page.getByText(catalogues[locale].me.languages[locale], { exact: false }).last().click()
  await shown(catalogues[locale].me.title)
  await page.locator('.page-me__language', { hasText: catalogues[locale].me.language }).waitFor()
}

/** The other pages, each by its address and block: visited in every language for keys and raw values (no shots). */
const OTHER_PAGES = [
  'medical-insurance',
  'social-security',
  'housing-fund',
  'violations',
  'data-access',
  'privacy',
  'feedback',
  'face',
  'verify',
  'health-declare',
  'check-in',
  'venue',
  'family',
  'health-appeal',
  'health-transfer',
  'health-verify',
  'hall-list',
  'hall-mine',
] as const

/** Waits until the page `name` is in front and none of its skeletons (a query still loading) shows. */
async function loaded(name: string): Promise<void> {
  await page.locator(`.page-${name}`).locator('visible=true').first().waitFor()
  await page.waitForFunction(
    () =>
      !Array.from(document.querySelectorAll<HTMLElement>('.ysx-query__skeleton, .nut-skeleton')).some(
        (e) => e.offsetParent !== null,
      ),
  )
}

async function tour(locale: Locale): Promise<void> {
  const text = catalogues[locale]
  const tag = locale.toLowerCase()

  // The tab bar follows.
  const tabs = page.locator('.taro-tabbar__tabbar .weui-tabbar__label')
  await expect(tabs.allTextContents()).resolves.toEqual([
    text.tabs.home,
    text.tabs.services,
    text.tabs.wallet,
    text.tabs.me,
  ])
  await expectClean(`${locale} 我的`)
  await expect(page.title()).resolves.toBe(text.me.title)
  await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(locale)

  await open('home')
  await page.locator('.page-home__dashboard').waitFor()
  await page.locator('.page-home__card-title').first().waitFor()
  await shown(text.dashboard.cards)
  await expect(page.title()).resolves.toBe(text.app.name)
  await expectClean(`${locale} 首页`)
  await shootWhole(page, `languages-home-${tag}`)

  await open('services')
  await shown(text.services.tools)
  await expect(page.title()).resolves.toBe(text.services.title)
  await expectClean(`${locale} 服务`)

  await open('wallet')
  const card = page.locator('.page-wallet .ysx-wallet-card').first()
  await card.waitFor()
  await expect(page.title()).resolves.toBe(text.wallet.title)
  await expectClean(`${locale} 卡包`)
  await card.click()
  await page.waitForURL(/packages\/card\/wallet-card\/index/)
  await page.locator('.page-wallet-card .ysx-query__row', { hasText: text.wallet.issueDate }).waitFor()
  await expect(page.title()).resolves.toBe(text.wallet.details)
  await expectClean(`${locale} 证照详情`)
  await shootWhole(page, `languages-wallet-card-${tag}`)
  for (const { id, type } of cards.slice(1)) {
    await open('wallet-card', `?id=${id}`)
    await page.locator(`.page-wallet-card .ysx-wallet-card--${type}`).locator('visible=true').waitFor()
    await page.locator('.page-wallet-card .ysx-query__row', { hasText: text.wallet.issueDate }).waitFor()
    await expect(visibleText()).resolves.toContain(text.values.certificateTypes[type as CertificateType])
    await expectClean(`${locale} ${type}`)
  }

  await open('health-code')
  await page.locator('.page-health-code__colour').waitFor()
  await page.locator('.page-health-code__qr .ysx-qr__image').waitFor()
  await shown(text.healthCode.notice)
  await expect(page.title()).resolves.toBe(text.healthCode.title)
  await expectClean(`${locale} 粤康码`)
  await shootWhole(page, `languages-health-code-${tag}`)

  await open('hall-guide', '?code=440100GJ101')
  await page.locator('.page-hall-guide__material').first().waitFor()
  await shown(text.services.evidence.A)
  await expect(page.title()).resolves.toBe(text.services.guide.title)
  await expectClean(`${locale} 办事指南`)

  await open('login')
  await shown(text.login.heading)
  await expect(page.title()).resolves.toBe(text.login.title)
  await expectClean(`${locale} 登录`)

  for (const name of OTHER_PAGES) {
    await open(name)
    await loaded(name)
    await expectClean(`${locale} ${name}`)
  }
}

test('the app switches to zh-HK, English and back to zh-CN in 我的; every main page is translated and shows no raw value', async () => {
  await open('me')
  await shown(catalogues['zh-CN'].me.title)

  await switchTo('zh-HK', catalogues['zh-CN'])
  await tour('zh-HK')

  await switchTo('en', catalogues['zh-HK'])
  // The choice is stored (ysx.locale) and outlives a reload.
  await expect(page.evaluate(() => localStorage.getItem('ysx.locale'))).resolves.toContain('"en"')
  await page.reload()
  await shown(catalogues.en.me.title)
  await tour('en')

  await switchTo('zh-CN', catalogues.en)
  await tour('zh-CN')
  expect(errors).toEqual([])
})

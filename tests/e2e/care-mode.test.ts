// e2e: 长辈版 (care mode) in Chromium on the H5 build, measured against MIIT's 《移动互联网应用(APP)适老化通用设计规范》.
// A signed-in, real-name citizen on a zh-CN phone turns care mode on with the switch on 首页; then on 首页, 我的, 卡包
// and 粤康码 (and 服务, where a service not built yet says so in the page, not in a toast) every visible text is ≥ 18 px with line height ≥ 1.3 × its size, the largest text is ≥ 30 px, every
// button, link, tab and tile is ≥ 60 × 60 px, and every text's contrast against the nearest opaque background under it
// is ≥ 4.5:1 (3:1 for large text: ≥ 24 px, or ≥ 18.66 px bold), all from getComputedStyle and bounding boxes. Each page
// is photographed into tests/artifacts/care-*.png. The switch in 我的 turns it off again, and the choice outlives a
// reload; 语言 in 我的 opens in the list rather than an action sheet. One browser, one system, one login: kept under a minute.
import { catalogues } from '@ysx/shared'
import type { Browser, Page } from 'playwright-core'
import { ALL_DEPARTMENTS, faceCheckAlwaysFails, realNameSession, startSystem, type TestSystem } from '../support/system'
import { H5_DIR, launchChromium, phoneContext, type SessionTokens, shootWhole, signedIn, watchErrors } from './browser'

jest.setTimeout(60_000)

const zh = catalogues['zh-CN']

let sys: TestSystem
let browser: Browser
let bffUrl: string
let page: Page
let errors: string[]

beforeAll(async () => {
  sys = await startSystem({ departments: ALL_DEPARTMENTS, bff: { h5Dir: H5_DIR } })
  bffUrl = await sys.bff.listen({ host: '127.0.0.1', port: 0 })
  let index = 70
  while (faceCheckAlwaysFails(index)) index += 1
  const tokens = (await realNameSession(sys, 'e2e-care', index)) as SessionTokens
  browser = await launchChromium()
  page = await signedIn(await phoneContext(browser), bffUrl, tokens)
  errors = watchErrors(page, { consoleFrom: bffUrl })
})
afterAll(async () => {
  await browser?.close()
  await sys?.close()
})

/** What one page measures: each failing element with the number that failed, and the largest text size. */
interface Measured {
  texts: number
  targets: number
  largest: number
  small: string[]
  tight: string[]
  tiny: string[]
  faint: string[]
}

/**
 * Measures the page in front, the tab bar and the navigation bar (hidden pages stay in Taro's DOM: only what has a box
 * on screen counts; decoration marked aria-hidden, such as a service badge's first character over its name, and the
 * visually hidden QR texts are left out). Runs in the page.
 */
function measure(): Measured {
  type Rgba = [number, number, number, number]
  const parse = (value: string): Rgba[] =>
    Array.from(value.matchAll(/rgba?\(([^)]+)\)/g), (m) => {
      const [r = 0, g = 0, b = 0, a = 1] = (m[1] ?? '')
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number)
      return [r, g, b, a] as Rgba
    })
  const over = (top: Rgba, under: Rgba, alpha = top[3]): Rgba => [
    top[0] * alpha + under[0] * (1 - alpha),
    top[1] * alpha + under[1] * (1 - alpha),
    top[2] * alpha + under[2] * (1 - alpha),
    1,
  ]
  const luminance = ([r, g, b]: Rgba) => {
    const channel = (c: number) => {
      const s = c / 255
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
    }
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
  }
  const ratio = (a: Rgba, b: Rgba) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
    return (hi + 0.05) / (lo + 0.05)
  }
  /** The backgrounds under an element: the nearest opaque colour with the translucent ones above it laid over it; a
   * gradient counts as each of its colours. Also the opacity the text is drawn with. */
  const backgrounds = (element: Element): { under: Rgba[]; opacity: number } => {
    const layers: Rgba[] = []
    let opacity = 1
    let under: Rgba[] = [[255, 255, 255, 1]]
    for (let e: Element | null = element; e; e = e.parentElement) {
      const style = getComputedStyle(e)
      opacity *= Number(style.opacity)
      const gradient = parse(style.backgroundImage)
      if (gradient.length) {
        under = gradient.map((c) => over(c, [255, 255, 255, 1]))
        break
      }
      const [colour] = parse(style.backgroundColor)
      if (colour && colour[3] >= 1) {
        under = [colour]
        break
      }
      if (colour && colour[3] > 0) layers.push(colour)
    }
    return { under: under.map((u) => layers.reduceRight((acc, layer) => over(layer, acc), u)), opacity }
  }
  const onScreen = (e: Element) => {
    const box = e.getBoundingClientRect()
    if (box.width < 2 || box.height < 2) return false
    if (!e.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false
    return !e.closest('.ysx-visually-hidden, [aria-hidden="true"]')
  }
  const name = (e: Element) => {
    const text = (e.textContent ?? '').trim().slice(0, 12)
    return `${e.tagName.toLowerCase()}.${(e.getAttribute('class') ?? '').split(/\s+/).slice(0, 2).join('.')} “${text}”`
  }

  const result: Measured = { texts: 0, targets: 0, largest: 0, small: [], tight: [], tiny: [], faint: [] }
  for (const element of Array.from(document.querySelectorAll('body *'))) {
    const ownText = Array.from(element.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim())
    if (!ownText || !onScreen(element)) continue
    result.texts += 1
    const style = getComputedStyle(element)
    const size = parseFloat(style.fontSize)
    result.largest = Math.max(result.largest, size)
    if (size < 18) result.small.push(`${name(element)} ${size}px`)
    const lineHeight = style.lineHeight === 'normal' ? size * 1.2 : parseFloat(style.lineHeight)
    if (lineHeight / size < 1.3 - 1e-6) result.tight.push(`${name(element)} ${(lineHeight / size).toFixed(2)}`)
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700)
    const { under, opacity } = backgrounds(element)
    const [text] = parse(style.color)
    if (!text) continue
    const worst = Math.min(...under.map((bg) => ratio(over(text, bg, text[3] * opacity), bg)))
    if (worst < (large ? 3 : 4.5)) result.faint.push(`${name(element)} ${worst.toFixed(2)}:1`)
  }
  const TARGETS = [
    'button',
    'a[href]',
    '[role="button"]',
    '[role="tab"]',
    '[role="link"]',
    '.nut-button',
    '.nut-cell-clickable',
    '.weui-tabbar__item',
    '.taro-navigation-bar-back',
    '.taro-navigation-bar-home',
    '.page-home__care-tile',
    '.ysx-wallet-card',
  ].join(',')
  for (const target of Array.from(document.querySelectorAll(TARGETS))) {
    if (!onScreen(target)) continue
    result.targets += 1
    const box = target.getBoundingClientRect()
    if (box.width < 60 - 0.5 || box.height < 60 - 0.5) {
      result.tiny.push(`${name(target)} ${box.width.toFixed(1)}×${box.height.toFixed(1)}`)
    }
  }
  return result
}

/** Waits until `block`'s page is in front with nothing loading, measures it, photographs it as care-<shot>.png. */
async function measured(block: string, shot: string): Promise<Measured> {
  await page.locator(`.${block}`).locator('visible=true').first().waitFor()
  await page.waitForFunction(
    () =>
      !Array.from(document.querySelectorAll<HTMLElement>('.ysx-query__skeleton, .nut-skeleton')).some(
        (e) => e.offsetParent !== null,
      ),
  )
  await shootWhole(page, `care-${shot}`)
  return page.evaluate(measure)
}

/** What failed on one page, by rule (empty when it meets every number). */
function failures(m: Measured): Record<string, unknown> {
  const failed: Record<string, unknown> = {}
  if (m.texts < 5 || m.targets < 1) failed.measuredTooLittle = { texts: m.texts, targets: m.targets }
  if (m.small.length) failed.textUnder18px = m.small
  if (m.tight.length) failed.lineHeightUnder1_3 = m.tight
  if (m.tiny.length) failed.targetUnder60x60 = m.tiny
  if (m.faint.length) failed.contrastTooLow = m.faint
  if (m.largest < 30) failed.largestUnder30px = m.largest
  return failed
}

test('长辈版 turned on from 首页 meets the numbers on 首页, 我的, 卡包, 粤康码, 服务 and the hall’s list and guide with no pop-up, and turns off from 我的', async () => {
  await page.goto(`${bffUrl}/#/pages/home/index`)
  await page.locator('.page-home__care-switch').locator('visible=true').click()
  await page.locator('.page-home__care-tiles').waitFor()
  await expect(page.evaluate(() => document.documentElement.classList.contains('ysx-care'))).resolves.toBe(true)
  await expect(page.evaluate(() => localStorage.getItem('ysx.care'))).resolves.toContain('true')
  // The simplified home: the most used services as large tiles, each named in words.
  await expect(page.locator('.page-home__care-tile-text').allTextContents()).resolves.toEqual(
    expect.arrayContaining([zh.home.healthCode, zh.home.care.wallet, zh.home.care.socialSecurity, zh.home.housingFund]),
  )
  const pages: Record<string, Record<string, unknown>> = {}
  pages['首页'] = failures(await measured('page-home__care-tiles', 'home'))

  // The choice outlives a reload.
  await page.reload()
  await page.locator('.page-home__care-tiles').waitFor()

  await page.goto(`${bffUrl}/#/pages/me/index`)
  await page.locator('.page-me__care', { hasText: zh.home.care.on }).waitFor()
  await page.locator('.page-me__name', { hasText: /\S/ }).locator('visible=true').waitFor()
  pages['我的'] = failures(await measured('page-me__entries', 'me'))
  // 语言 opens its choices in the list, not in an action sheet.
  await page.locator('.page-me__language').locator('visible=true').click()
  await expect(page.locator('.page-me__language-option').locator('visible=true').count()).resolves.toBe(3)
  await expect(page.locator('.nut-actionsheet').locator('visible=true').count()).resolves.toBe(0)
  await page.locator('.page-me__language-option', { hasText: zh.me.languages['zh-CN'] }).click()
  await page.locator('.page-me__language-option').first().waitFor({ state: 'detached' })

  await page.goto(`${bffUrl}/#/pages/wallet/index`)
  await page.locator('.page-wallet .ysx-wallet-card').first().waitFor()
  pages['卡包'] = failures(await measured('page-wallet', 'wallet'))

  await page.goto(`${bffUrl}/#/packages/health/health-code/index`)
  await page.locator('.page-health-code__qr .ysx-qr__image').waitFor()
  pages['粤康码'] = failures(await measured('page-health-code__colour', 'health-code'))

  // 服务: the city is chosen in the page, not in a pop-up; the hall's list and guide follow the care theme too.
  await page.goto(`${bffUrl}/#/pages/services/index`)
  await page.locator('.page-services__hot .ysx-service-row').first().waitFor()
  await page.locator('.page-services__city-switch').locator('visible=true').click()
  await page.locator('.page-services__city-option').first().waitFor()
  await expect(page.locator('.nut-popup, .nut-toast').locator('visible=true').count()).resolves.toBe(0)
  pages['服务'] = failures(await measured('page-services__cities', 'services'))
  await page.goto(`${bffUrl}/#/packages/hall/hall-list/index?event=birth`)
  pages['服务列表'] = failures(await measured('page-hall-list__results', 'hall-list'))
  await page.goto(`${bffUrl}/#/packages/hall/hall-guide/index?code=440100GJ101`)
  await page.locator('.page-hall-guide__material').first().waitFor()
  pages['办事指南'] = failures(await measured('page-hall-guide__materials', 'hall-guide'))
  expect(pages).toEqual({ 首页: {}, 我的: {}, 卡包: {}, 粤康码: {}, 服务: {}, 服务列表: {}, 办事指南: {} })

  await page.goto(`${bffUrl}/#/pages/me/index`)
  await page.locator('.page-me__care').locator('visible=true').click()
  await page.locator('.page-me__care', { hasText: zh.home.care.off }).waitFor()
  await expect(page.evaluate(() => document.documentElement.classList.contains('ysx-care'))).resolves.toBe(false)
  await expect(page.evaluate(() => localStorage.getItem('ysx.care'))).resolves.toContain('false')
  expect(errors).toEqual([])
})

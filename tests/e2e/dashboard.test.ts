// e2e: with 医保 down the home dashboard shows every other card and a 重试 on the broken one, which recovers it;
// then a query page (交通违法) and 我的数据使用记录 in Chromium on the H5 build.
import { testConfig } from '@ysx/bff/config'
import type { Browser, Locator, Page } from 'playwright-core'
import { ALL_DEPARTMENTS, bearer, realNameUser, setFaults, startSystem, type TestSystem } from '../support/system'
import {
  H5_DIR,
  launchChromium,
  phoneContext,
  screenshotPath,
  type SessionTokens,
  settled,
  shootWhole,
  signedIn,
  watchErrors,
} from './browser'

jest.setTimeout(120_000)

let sys: TestSystem
let browser: Browser
let bffUrl: string
let yibaoUrl: string
let tokens: SessionTokens
let expected: { balance: number; unpaidCount: number; unpaidFines: number }

const yuan = (n: number) => `¥${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`

/** A real-name citizen with a medical account and unpaid traffic fines, so every card has something to show. */
async function citizenWithRecords(): Promise<void> {
  for (let index = 1; index <= 40; index += 1) {
    const account = `e2e-dashboard-${index}`
    // Some citizens always fail the stand-in's face check (departments/src/gongan/face.ts): skip them.
    const access = await realNameUser(sys, account, index).catch(() => null)
    if (!access) continue
    const medical = (await sys.call({ method: 'GET', url: '/v1/medical-insurance', headers: bearer(access) })).json()
    const violations = (
      await sys.call({ method: 'GET', url: '/v1/traffic/violations', headers: bearer(access) })
    ).json()
    if (medical.account && violations?.unpaidCount > 0) {
      expected = {
        balance: medical.account.balance,
        unpaidCount: violations.unpaidCount,
        unpaidFines: violations.unpaidFines,
      }
      tokens = (await sys.login(account)) as typeof tokens
      return
    }
  }
  throw new Error('no citizen with a medical account and unpaid fines among the first 40')
}

beforeAll(async () => {
  const base = testConfig()
  sys = await startSystem({
    departments: ALL_DEPARTMENTS,
    bff: {
      h5Dir: H5_DIR,
      // Short timeouts keep the broken card quick; a high breaker threshold keeps 重试 reaching the department.
      departments: {
        ...base.departments,
        timeoutMs: 500,
        dashboardBudgetMs: 1000,
        cacheTtlMs: 0,
        breakerThreshold: 1000,
      },
    },
  })
  bffUrl = await sys.bff.listen({ host: '127.0.0.1', port: 0 })
  yibaoUrl = sys.departments.yibao!.url
  await citizenWithRecords()
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await sys?.close()
})

const button = (scope: Page | Locator, label: string) => scope.locator('.nut-button', { hasText: label })
const tile = (page: Page, name: string) => page.locator(`.page-home__tile--${name}`)

/** Opens the app signed in, on a phone-sized page. */
async function openSignedIn(): Promise<Page> {
  const page = await signedIn(await phoneContext(browser), bffUrl, tokens)
  await page.goto(bffUrl)
  return page
}

test('with 医保 failing the dashboard shows the other cards and a 重试 on 医保, which brings its balance back', async () => {
  await setFaults(yibaoUrl, { errorRate: 1 })
  const page = await openSignedIn()
  const errors = watchErrors(page)

  const medical = tile(page, 'medicalInsurance')
  await button(medical, '重试').waitFor()
  await expect(medical.textContent()).resolves.toContain('部门系统')
  await expect(medical.textContent()).resolves.not.toContain('¥')
  // The other sections are served as usual.
  await expect(tile(page, 'cards').textContent()).resolves.toMatch(/共 \d+ 张/)
  await expect(tile(page, 'socialSecurity').textContent()).resolves.toMatch(/已缴 \d+ 个月|暂无记录/)
  await expect(tile(page, 'housingFund').textContent()).resolves.toMatch(/¥[\d,]+\.\d{2}|暂无记录/)
  await expect(tile(page, 'violations').textContent()).resolves.toContain(`未处理 ${expected.unpaidCount} 条`)
  await expect(tile(page, 'violations').textContent()).resolves.toContain(yuan(expected.unpaidFines))
  await expect(tile(page, 'healthCode').textContent()).resolves.toMatch(/[绿黄红]码/)
  await expect(page.locator('.page-home__dashboard .nut-button', { hasText: '重试' }).count()).resolves.toBe(1)
  await shootWhole(page, 'dashboard-home-broken')

  await setFaults(yibaoUrl, { errorRate: 0 })
  await button(medical, '重试').click()
  await medical.getByText(yuan(expected.balance), { exact: true }).waitFor()
  await expect(button(page.locator('.page-home__dashboard'), '重试').count()).resolves.toBe(0)
  await expect(tile(page, 'violations').textContent()).resolves.toContain(`未处理 ${expected.unpaidCount} 条`)
  await shootWhole(page, 'dashboard-home-retried')
  expect(errors).toEqual([])
})

test('交通违法 opens from its card with the unpaid total, and 我的数据使用记录 lists the queries made', async () => {
  const page = await openSignedIn()
  const errors = watchErrors(page)

  await tile(page, 'violations').getByText(`未处理 ${expected.unpaidCount} 条`).waitFor()
  await tile(page, 'violations').click()
  await page.waitForURL(/pages\/violations\/index/)
  await expect(page.locator('.page-violations__unpaid').textContent()).resolves.toBe(yuan(expected.unpaidFines))
  await expect(page.locator('.page-violations__item').count()).resolves.toBeGreaterThanOrEqual(expected.unpaidCount)
  await expect(page.getByText('未缴款', { exact: true }).count()).resolves.toBe(expected.unpaidCount)
  await shootWhole(page, 'dashboard-violations')

  await page.goto(bffUrl)
  await page.locator('.taro-tabbar__tabbar').getByText('我的', { exact: true }).click()
  await page.waitForURL(/pages\/me\/index/)
  await page.locator('.nut-cell', { hasText: '我的数据使用记录' }).click()
  await page.waitForURL(/pages\/data-access\/index/)
  const records = page.locator('.page-data-access__record')
  await records.first().waitFor()
  const firstPage = await page.locator('.page-data-access').textContent()
  expect(firstPage).toContain('医保 · 查询医保参保信息与个人账户余额')
  expect(firstPage).toContain('交管 · 查询最近 2 年的交通违法记录')
  expect(firstPage).toContain('已返回数据')
  expect(firstPage).toContain('用途：查看交通违法记录')
  await settled(page)
  await page.screenshot({ path: screenshotPath('dashboard-data-access') })

  // 加载更多 appends older pages until none is left; among them the 医保 calls that failed while it was down.
  for (let shown = await records.count(); await button(page, '加载更多').count(); shown = await records.count()) {
    await button(page, '加载更多').click()
    await page.waitForFunction((n) => document.querySelectorAll('.page-data-access__record').length > n, shown)
  }
  await page.getByText('没有更多了', { exact: true }).waitFor()
  const all = await page.locator('.page-data-access').textContent()
  expect(all).toMatch(/医保 · [^·]*部门未能应答/)
  expect(all).toContain('公安 · 人脸核身')
  await expect(records.count()).resolves.toBeGreaterThan(20)
  expect(errors).toEqual([])
})

test('医保, 社保 and 公积金 pages show the balance, contributions with 养老金, and the statement', async () => {
  const page = await openSignedIn()
  const errors = watchErrors(page)
  for (const [path, marker] of [
    ['medical-insurance', '.page-medical-insurance__balance'],
    ['social-security', '.page-social-security__pension .ysx-card, .page-social-security__pension .ysx-error'],
    ['housing-fund', '.page-housing-fund .ysx-card'],
  ] as const) {
    await page.goto(`${bffUrl}/#/pages/${path}/index`)
    await page.locator(marker).first().waitFor()
    await shootWhole(page, `dashboard-${path}`)
  }
  await page.goto(`${bffUrl}/#/pages/medical-insurance/index`)
  await expect(page.locator('.page-medical-insurance__balance').textContent()).resolves.toBe(yuan(expected.balance))
  expect(errors).toEqual([])
})

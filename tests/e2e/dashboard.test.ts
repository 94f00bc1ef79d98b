// e2e: with 医保 down the home dashboard shows every other card and a 重试 on the broken one, which recovers it;
// then a query page (交通违法) and 我的数据使用记录 in Chromium on the H5 build; then the 医保, 社保 and 公积金 pages. Each
// test stands alone: what it shows is read from the API for the same citizen, and a fault a test sets is lifted after it.
import { testConfig } from '@ysx/bff/config'
import type { z } from '@ysx/shared/z'
import {
  catalogues,
  ContributionsViewSchema,
  type Dashboard,
  DashboardSchema,
  DataAccessPageSchema,
  DEFAULT_LOCALE,
  HousingFundViewSchema,
  PensionViewSchema,
  ViolationsViewSchema,
} from '@ysx/shared'
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

const text = catalogues[DEFAULT_LOCALE]

let sys: TestSystem
let browser: Browser
let bffUrl: string
let yibaoUrl: string
/** A signed-in real-name citizen and what the API answers for them, all departments up: what the pages must show. */
interface Citizen {
  tokens: SessionTokens
  dashboard: Dashboard['sections']
  violations: z.infer<typeof ViolationsViewSchema>
  contributions: z.infer<typeof ContributionsViewSchema>
  pension: z.infer<typeof PensionViewSchema>
  housingFund: z.infer<typeof HousingFundViewSchema>
}
/** Unpaid traffic fines (the first such citizen: the population has few) */
let fined: Citizen
/** Contributions, a medical and a housing-fund account */
let insured: Citizen

const yuan = (n: number) => `¥${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
const month = (m: string) => m.replace(/^(\d{4})-(\d{2})$/, (_all, y: string, mm: string) => `${y}年${Number(mm)}月`)
const fill = (template: string, value: string | number) => template.replace(/\{\{\w+\}\}/, String(value))

/** GET one of the citizen's views through the BFF, as the app does, checked against its contract. */
async function view<S extends z.ZodTypeAny>(schema: S, url: string, access: string): Promise<z.infer<S>> {
  const res = await sys.call({ method: 'GET', url, headers: bearer(access) })
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`)
  return schema.parse(res.json())
}

type Sections = Dashboard['sections']
/** The `data` of a dashboard section that was served (null: no record), else a failure of the test's set-up */
function served<K extends keyof Sections>(sections: Sections, name: K) {
  const section = sections[name]
  if (section.status !== 'ok') throw new Error(`${name}: ${JSON.stringify(section)}`)
  return section.data as Extract<Sections[K], { status: 'ok' }>['data']
}

/** Signs citizen `index` in with a real name and reads their views; undefined if the face check refuses them. */
async function citizen(index: number): Promise<Citizen | undefined> {
  const account = `e2e-dashboard-${index}`
  // Some citizens always fail the stand-in's face check (departments/src/gongan/face.ts).
  const access = await realNameUser(sys, account, index).catch(() => null)
  if (!access) return undefined
  return {
    tokens: (await sys.login(account)) as SessionTokens,
    dashboard: (await view(DashboardSchema, '/v1/dashboard', access)).sections,
    violations: await view(ViolationsViewSchema, '/v1/traffic/violations', access),
    contributions: await view(ContributionsViewSchema, '/v1/social-security/contributions', access),
    pension: await view(PensionViewSchema, '/v1/social-security/pension', access),
    housingFund: await view(HousingFundViewSchema, '/v1/housing-fund', access),
  }
}

/** The first citizens (by index) with unpaid fines, and with contributions, a medical and a housing-fund account. */
async function pickCitizens(): Promise<void> {
  const found: { fined?: Citizen; insured?: Citizen } = {}
  for (let index = 1; index <= 60 && !(found.fined && found.insured); index += 1) {
    const c = await citizen(index)
    if (!c) continue
    const d = c.dashboard
    const shown = Object.values(d).every((s) => s.status === 'ok') && served(d, 'cards')!.cards.length > 0
    if (shown && (c.violations?.unpaidCount ?? 0) > 0) found.fined ??= c
    if (shown && c.contributions?.months.length && c.housingFund.account && served(d, 'medicalInsurance'))
      found.insured ??= c
  }
  if (!found.fined || !found.insured) throw new Error(`not found among the first 60: ${Object.keys(found)}`)
  ;({ fined, insured } = found as Required<typeof found>)
}

beforeAll(async () => {
  const base = testConfig()
  sys = await startSystem({
    departments: ALL_DEPARTMENTS,
    bff: {
      h5Dir: H5_DIR,
      // Load shedding off: on a busy machine a 503 OVERLOADED would stand in for what the pages show. Picking the
      // citizens signs many in from one address: the limits are not what this tests.
      maxEventLoopDelayMs: 600_000,
      rateLimit: { ...base.rateLimit, max: 1_000_000 },
      auth: { ...base.auth, loginRateLimitMax: 1_000_000 },
      // The broken department answers 5xx at once: timeouts as generous as a loaded machine needs (a timeout is not
      // what this tests); a high breaker threshold keeps 重试 reaching the department.
      departments: {
        ...base.departments,
        timeoutMs: 10_000,
        dashboardBudgetMs: 20_000,
        cacheTtlMs: 0,
        breakerThreshold: 1000,
      },
    },
  })
  bffUrl = await sys.bff.listen({ host: '127.0.0.1', port: 0 })
  yibaoUrl = sys.departments.yibao!.url
  await pickCitizens()
  browser = await launchChromium()
})
// 医保 is up again after every test, whether it passed or not.
afterEach(async () => setFaults(yibaoUrl, { errorRate: 0 }))
afterAll(async () => {
  await browser?.close()
  await sys?.close()
})

const button = (scope: Page | Locator, label: string) => scope.locator('.nut-button', { hasText: label })
const tile = (page: Page, name: string) => page.locator(`.page-home__tile--${name}`)
/** Waits until `scope` shows `label`, exactly, in one of its elements. */
const shows = (scope: Page | Locator, label: string) => scope.getByText(label, { exact: true }).first().waitFor()

/** Opens the app signed in as `who`, on a phone-sized page. */
async function openSignedIn(who: Citizen): Promise<Page> {
  const page = await signedIn(await phoneContext(browser), bffUrl, who.tokens)
  await page.goto(bffUrl)
  return page
}

/** What each dashboard card shows for what the API served (a section without a record: 暂无记录). */
function cardTexts(d: Sections): Record<keyof Sections, string[]> {
  const cards = served(d, 'cards')!.cards
  const social = served(d, 'socialSecurity')
  const balance = (b: { balance: number; status: string } | null) => (b ? [yuan(b.balance), b.status] : [])
  const violations = served(d, 'violations')
  const none = text.dashboard.noRecord
  return {
    cards: [fill(text.dashboard.cardCount, cards.length), cards[0]!.title],
    socialSecurity: social ? [fill(text.dashboard.monthsPaid, social.monthsPaid)] : [none],
    medicalInsurance: served(d, 'medicalInsurance') ? balance(served(d, 'medicalInsurance')) : [none],
    housingFund: served(d, 'housingFund') ? balance(served(d, 'housingFund')) : [none],
    violations: !violations
      ? [none]
      : violations.unpaidCount === 0
        ? [text.dashboard.noViolations]
        : [
            fill(text.dashboard.unpaid, violations.unpaidCount),
            fill(text.dashboard.unpaidFines, yuan(violations.unpaidFines)),
          ],
    healthCode: [text.dashboard.healthColors[served(d, 'healthCode')!.color]],
  }
}

/** Waits until every card of the dashboard shows what the API says, but the sections named in `down`. */
async function dashboardShown(page: Page, who: Citizen, down: (keyof Sections)[] = []) {
  const texts = Object.entries(cardTexts(who.dashboard)).filter(([name]) => !down.includes(name as keyof Sections))
  for (const [name, want] of texts) for (const t of want) await shows(tile(page, name), t)
}

test('with 医保 failing the dashboard shows the other cards and a 重试 on 医保, which brings its balance back', async () => {
  await setFaults(yibaoUrl, { errorRate: 1 })
  // What the API says of the broken section: the card must show its message.
  const broken = (await view(DashboardSchema, '/v1/dashboard', fined.tokens.accessToken)).sections.medicalInsurance
  expect(broken).toMatchObject({ status: 'unavailable', code: 'UPSTREAM_UNAVAILABLE' })
  const page = await openSignedIn(fined)
  const errors = watchErrors(page)

  const medical = tile(page, 'medicalInsurance')
  await button(medical, '重试').waitFor()
  await shows(medical, (broken as { message: string }).message)
  await expect(medical.textContent()).resolves.not.toContain('¥')
  // The other sections are served as usual, each with the API's figures; 重试 is on 医保 alone.
  await dashboardShown(page, fined, ['medicalInsurance'])
  await expect(button(page.locator('.page-home__dashboard'), '重试').count()).resolves.toBe(1)
  await shootWhole(page, 'dashboard-home-broken')

  await setFaults(yibaoUrl, { errorRate: 0 })
  await button(medical, '重试').click()
  for (const t of cardTexts(fined.dashboard).medicalInsurance) await shows(medical, t)
  await button(page.locator('.page-home__dashboard'), '重试').first().waitFor({ state: 'detached' })
  await dashboardShown(page, fined)
  await shootWhole(page, 'dashboard-home-retried')
  expect(errors).toEqual([])
})

test('交通违法 opens from its card with the unpaid total, and 我的数据使用记录 lists every query made, failed ones included', async () => {
  // A 医保 query that fails while 医保 is down: its record must say the department did not answer.
  await setFaults(yibaoUrl, { errorRate: 1 })
  const failed = await sys.call({
    method: 'GET',
    url: '/v1/medical-insurance',
    headers: bearer(fined.tokens.accessToken),
  })
  expect([failed.statusCode, failed.json().code]).toEqual([503, 'UPSTREAM_UNAVAILABLE'])
  await setFaults(yibaoUrl, { errorRate: 0 })

  const page = await openSignedIn(fined)
  const errors = watchErrors(page)
  const violations = fined.violations!
  await shows(tile(page, 'violations'), fill(text.dashboard.unpaid, violations.unpaidCount))
  await tile(page, 'violations').click()
  await page.waitForURL(/packages\/queries\/violations\/index/)
  await shows(page.locator('.page-violations__unpaid'), yuan(violations.unpaidFines))
  await expect(page.locator('.page-violations__item').count()).resolves.toBe(violations.violations.length)
  await expect(page.getByText('未缴款', { exact: true }).count()).resolves.toBe(violations.unpaidCount)
  await shootWhole(page, 'dashboard-violations')

  await page.goto(bffUrl)
  // The dashboard's own department calls are made (and recorded) before the records are read.
  await dashboardShown(page, fined)
  await page.locator('.taro-tabbar__tabbar').getByText('我的', { exact: true }).click()
  await page.waitForURL(/pages\/me\/index/)
  await page.locator('.nut-cell', { hasText: '我的数据使用记录' }).click()
  await page.waitForURL(/packages\/queries\/data-access\/index/)
  const records = page.locator('.page-data-access__record')
  await records.first().waitFor()
  const firstPage = await page.locator('.page-data-access').textContent()
  expect(firstPage).toContain('医保 · 查询医保参保信息与个人账户余额')
  expect(firstPage).toContain('交管 · 查询最近 2 年的交通违法记录')
  expect(firstPage).toContain('已返回数据')
  expect(firstPage).toContain('用途：查看交通违法记录')
  await settled(page)
  await page.screenshot({ path: screenshotPath('dashboard-data-access') })

  // 加载更多 appends older pages until none is left.
  for (let shown = await records.count(); await button(page, '加载更多').count(); shown = await records.count()) {
    await button(page, '加载更多').click()
    await page.waitForFunction((n) => document.querySelectorAll('.page-data-access__record').length > n, shown)
  }
  await page.getByText('没有更多了', { exact: true }).waitFor()
  // Every record the API holds for the citizen, newest first, as the page lists them.
  const all: z.infer<typeof DataAccessPageSchema>['records'] = []
  for (let before: string | null | undefined; before !== null;) {
    const query = `/v1/me/data-access?limit=100${before ? `&before=${encodeURIComponent(before)}` : ''}`
    const next = await view(DataAccessPageSchema, query, fined.tokens.accessToken)
    all.push(...next.records)
    before = next.nextBefore
  }
  const titles = all.map((r) => `${text.departments[r.department as keyof typeof text.departments]} · ${r.dataKind}`)
  await expect(records.locator('.ysx-query__item-title').allTextContents()).resolves.toEqual(titles)
  const listed = await page.locator('.page-data-access').textContent()
  expect(listed).toMatch(/医保 · [^·]*部门未能应答/)
  expect(listed).toContain('公安 · 人脸核身')
  expect(errors).toEqual([])
})

test('医保, 社保 and 公积金 pages show the balance, contributions with 养老金, and the statement', async () => {
  const page = await openSignedIn(insured)
  const errors = watchErrors(page)
  const { pension } = insured
  const contributions = insured.contributions!
  const { account, statement } = insured.housingFund

  await page.goto(`${bffUrl}/#/packages/queries/medical-insurance/index`)
  await shows(page.locator('.page-medical-insurance__balance'), cardTexts(insured.dashboard).medicalInsurance[0]!)
  await shootWhole(page, 'dashboard-medical-insurance')

  await page.goto(`${bffUrl}/#/packages/queries/social-security/index`)
  const months = page.locator('.page-social-security__contributions .ysx-query__item-title')
  await shows(months, month(contributions.months[0]!.month))
  await expect(months.allTextContents()).resolves.toEqual(contributions.months.map((m) => month(m.month)))
  // 养老金: the monthly amount once retired, else the notice that nothing is paid yet.
  const pensionShows =
    pension?.retired && pension.monthlyAmount !== null
      ? yuan(pension.monthlyAmount)
      : text.queries.socialSecurity.notRetired
  await shows(page.locator('.page-social-security__pension'), pensionShows)
  await shootWhole(page, 'dashboard-social-security')

  await page.goto(`${bffUrl}/#/packages/queries/housing-fund/index`)
  await shows(page.locator('.page-housing-fund__balance'), yuan(account!.balance))
  const entries = page.locator('.page-housing-fund .ysx-query__item-title')
  const newestFirst = [...statement!.entries].reverse().map((e) => e.summary)
  await shows(entries, newestFirst[0]!)
  await expect(entries.allTextContents()).resolves.toEqual(newestFirst)
  await shootWhole(page, 'dashboard-housing-fund')
  expect(errors).toEqual([])
})

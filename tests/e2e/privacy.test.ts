// e2e: 我的 → 个人信息与隐私. A real-name citizen downloads the JSON copy of their data, then closes the account after
// reading what closing means and confirming; the app comes back signed out and the old session is refused.
import { readFileSync } from 'node:fs'
import { PersonalDataExportSchema } from '@ysx/shared'
import type { Browser, Page } from 'playwright-core'
import { bearer, realNameSession, startSystem, type TestSystem } from '../support/system'
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

let sys: TestSystem
let browser: Browser
let bffUrl: string

beforeAll(async () => {
  // Load shedding off: on a busy machine a 503 OVERLOADED would stand in for what the page shows.
  sys = await startSystem({ size: 40, bff: { h5Dir: H5_DIR, maxEventLoopDelayMs: 600_000 } })
  bffUrl = await sys.bff.listen({ host: '127.0.0.1', port: 0 })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await sys?.close()
})

const button = (page: Page, label: string) => page.locator('.nut-button', { hasText: label })

test('a citizen downloads their data as JSON, then closes the account with the consequences shown first', async () => {
  const who = sys.citizen(4)
  // The browser signs in with the session that passed the face check: step-up is per session.
  const tokens = (await realNameSession(sys, 'e2e-privacy', 4)) as SessionTokens
  const context = await phoneContext(browser)
  const page = await signedIn(context, bffUrl, tokens)
  const errors = watchErrors(page, { consoleFrom: bffUrl })

  await page.locator('.taro-tabbar__tabbar').getByText('我的', { exact: true }).click()
  await page.waitForURL(/pages\/me\/index/)
  await page.locator('.nut-cell', { hasText: '个人信息与隐私' }).click()
  await page.waitForURL(/packages\/account\/privacy\/index/)
  await page.getByText('所有设备上的登录将立即失效', { exact: true }).waitFor()
  await shootWhole(page, 'privacy-page')

  // The face check at binding is still fresh: the copy downloads at once.
  const [download] = await Promise.all([page.waitForEvent('download'), button(page, '下载我的数据').click()])
  expect(download.suggestedFilename()).toBe('ysx-personal-data.json')
  const copy = PersonalDataExportSchema.parse(JSON.parse(readFileSync((await download.path())!, 'utf8')))
  expect(copy.account).toMatchObject({ level: 'real_name', name: who.name, idNumber: who.idNumber, phone: who.phone })
  await page.getByText('已下载：ysx-personal-data.json', { exact: true }).waitFor()

  await button(page, '注销账号').click()
  await page.getByText('确认注销账号？', { exact: true }).waitFor()
  await settled(page)
  await page.getByText('确认注销', { exact: true }).click()
  await page.getByText('账号已注销', { exact: true }).waitFor()
  await page.getByText('知道了', { exact: true }).click()
  await page.waitForURL(/pages\/me\/index/)
  await page.getByText('未登录', { exact: true }).waitFor()

  // The old session is refused: its access token, and its refresh token as documented for a session that is gone.
  const access = await sys.call({ method: 'GET', url: '/v1/me', headers: bearer(tokens.accessToken) })
  expect([access.statusCode, access.json().code]).toEqual([401, 'AUTH_TOKEN_INVALID'])
  const refresh = await sys.call({
    method: 'POST',
    url: '/v1/auth/refresh',
    payload: { refreshToken: tokens.refreshToken },
  })
  expect([refresh.statusCode, refresh.json().code]).toEqual([401, 'AUTH_REFRESH_INVALID'])
  expect(errors).toEqual([])
  await context.close()
})

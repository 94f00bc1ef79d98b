// e2e: a new citizen logs in via the WeChat stand-in, binds a real name by face verification, sees the masked profile.
import { testConfig } from '@ysx/bff/config'
import type { Person } from '@ysx/departments/harness'
import { maskIdNumber, maskName } from '@ysx/shared'
import type { Browser, Page } from 'playwright-core'
import { startSystem, type TestSystem } from '../support/system'
import { FAKE_CAMERA_ARGS, H5_DIR, launchChromium, PHONE, screenshotPath, settled, watchErrors } from './browser'

jest.setTimeout(120_000)

/** How long a face check opens the step-up; the step-up test moves the BFF's clock past it instead of waiting. */
const STEP_UP_SECONDS = 300

let sys: TestSystem
let browser: Browser
let bffUrl: string
/** Citizens the 公安 stand-in knows and whose face checks pass (see departments/src/gongan/face.ts). */
let citizen: Person
let other: Person
let third: Person

beforeAll(async () => {
  const base = testConfig()
  sys = await startSystem({ size: 40, bff: { h5Dir: H5_DIR, auth: { ...base.auth, stepUpSeconds: STEP_UP_SECONDS } } })
  ;[citizen, other, third] = [sys.citizen(1), sys.citizen(2), sys.citizen(3)]
  bffUrl = await sys.bff.listen({ host: '127.0.0.1', port: 0 })
  browser = await launchChromium(FAKE_CAMERA_ARGS)
})
afterAll(async () => {
  await browser?.close()
  await sys?.close()
})

/** A NutUI button by its label (the label's own element does not take the click: the button does). */
const button = (page: Page, label: string) => page.locator('.nut-button', { hasText: label })
/** Matches exactly this text. */
const exactly = (text: string) => new RegExp(`^${text.replace(/[*]/g, '\\*')}$`)
/** The ID number on 我的 once it reads exactly `text` (auto-waiting: the reveal lands after the page shows). */
const idValue = (page: Page, text: string) => page.locator('.page-me__id-value').filter({ hasText: exactly(text) })

/** From 我的 (logged out) through the login page and the WeChat stand-in's 允许, back to 我的 at the basic level. */
async function logIn(page: Page, shots: boolean) {
  await button(page, '登录 / 注册').click()
  await page.waitForURL(/pages\/login\/index/)
  await button(page, '微信登录').waitFor()
  await settled(page)
  if (shots) await page.screenshot({ path: screenshotPath('identity-login') })
  await button(page, '微信登录').click()
  await page.waitForURL(/\/connect\/oauth2\/authorize\?/)
  await page.getByRole('button', { name: '允许' }).waitFor()
  if (shots) await page.screenshot({ path: screenshotPath('identity-authorize') })
  await page.getByRole('button', { name: '允许' }).click()
  await page.waitForURL(/pages\/me\/index/)
  await page.getByText('未实名', { exact: true }).waitFor()
  await settled(page)
  if (shots) await page.screenshot({ path: screenshotPath('identity-me-basic') })
}

/**
 * On the face page: the digits, the countdown and the fake camera's picture; then name, ID number (binding only: a
 * real-name citizen's step-up asks for neither), submit.
 */
async function verifyFace(page: Page, who: Person, shots: string | null, camera = true, stepUp = false) {
  await page.waitForURL(/packages\/account\/face\/index/)
  await expect(page.locator('.page-face__digits').textContent()).resolves.toMatch(/^\d{6}$/)
  await page.getByText(/^\d+ 秒后失效$/).waitFor()
  await page.getByText('语音识别为模拟', { exact: false }).waitFor()
  if (camera) await page.waitForFunction(() => (document.querySelector('video')?.videoWidth ?? 0) > 0)
  else await page.getByText('模拟样本', { exact: true }).waitFor()
  if (stepUp) {
    await page.getByText('无需再次填写姓名与身份证号', { exact: false }).waitFor()
    expect(await page.getByRole('textbox').count()).toBe(0)
  } else {
    await page.getByRole('textbox', { name: '请输入身份证上的姓名' }).fill(who.name)
    await page.getByRole('textbox', { name: '请输入 18 位身份证号码' }).fill(who.idNumber)
  }
  await settled(page)
  if (shots) await page.screenshot({ path: screenshotPath(shots) })
  await button(page, '提交验证').click()
  await page.waitForURL(/pages\/me\/index/)
  await page.locator('.page-face').waitFor({ state: 'detached' })
}

async function openMe(page: Page) {
  await page.goto(bffUrl)
  await page.locator('.taro-tabbar__tabbar').getByText('我的', { exact: true }).click()
  await page.waitForURL(/pages\/me\/index/)
}

type Sample = { kind: string; image: string; spokenDigits: string }

const newPage = () => browser.newPage(PHONE)

test('a new user logs in, binds a real name by face verification and sees only the masked profile', async () => {
  const page = await newPage()
  const errors = watchErrors(page, { consoleFrom: bffUrl })
  const samples: Sample[] = []
  page.on('request', (req) => {
    if (req.url().endsWith('/v1/face/verifications')) samples.push((req.postDataJSON() as { sample: Sample }).sample)
  })

  await openMe(page)
  await logIn(page, true)
  await button(page, '实名认证').click()
  await verifyFace(page, citizen, 'identity-face')

  // Back on 我的: real-name, masked name and ID number, and the full number nowhere.
  await page.getByText('已实名', { exact: true }).waitFor()
  await idValue(page, maskIdNumber(citizen.idNumber)).waitFor()
  await page
    .locator('.page-me__name-value')
    .filter({ hasText: exactly(maskName(citizen.name)) })
    .waitFor()
  await settled(page)
  await page.screenshot({ path: screenshotPath('identity-me') })

  expect(await page.content()).not.toContain(citizen.idNumber)
  expect(await page.evaluate(() => document.body.innerText)).not.toContain(citizen.idNumber.slice(6, 14)) // nor the birth date
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))
  expect(stored).not.toContain(citizen.idNumber)
  expect(stored.length).toBeLessThan(4000) // tokens only: no image bytes kept
  expect(samples).toHaveLength(1)
  expect(samples[0]?.kind).toBe('camera')
  expect(samples[0]?.image.length).toBeGreaterThan(1000)
  expect(errors).toEqual([])
})

test('the full ID number needs a fresh face check (step-up) and is shown until hidden; logout ends the session', async () => {
  const page = await newPage()
  await openMe(page)
  await logIn(page, false)
  await button(page, '实名认证').click()
  await verifyFace(page, other, null)
  await page.getByText('已实名', { exact: true }).waitFor()
  await settled(page)

  // The binding's face check goes stale (the BFF's clock moves past the step-up window), so the reveal sends the
  // citizen to verify again, then shows the number.
  const stale = (STEP_UP_SECONDS + 1) * 1000
  sys.advance(stale)
  try {
    await button(page, '查看完整证件号').click()
    await page.getByText('查看完整证件号前请再次完成刷脸验证', { exact: false }).waitFor()
    await verifyFace(page, other, 'identity-face-step-up', true, true)
    await idValue(page, other.idNumber).waitFor()
    await settled(page)
    await page.screenshot({ path: screenshotPath('identity-me-revealed') })
    await button(page, '隐藏完整证件号').click()
    await idValue(page, maskIdNumber(other.idNumber)).waitFor()
  } finally {
    sys.advance(-stale)
  }

  await button(page, '退出登录').click()
  await button(page, '登录 / 注册').waitFor()
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain('ysx.auth.tokens')
})

test('without a camera the page submits the labelled stand-in sample, which binds as well', async () => {
  const page = await newPage()
  // A browser without getUserMedia (an old WebView, or a page served over plain http from a LAN address).
  await page.addInitScript(() => Object.defineProperty(navigator, 'mediaDevices', { value: undefined }))
  const samples: Sample[] = []
  page.on('request', (req) => {
    if (req.url().endsWith('/v1/face/verifications')) samples.push((req.postDataJSON() as { sample: Sample }).sample)
  })
  await openMe(page)
  await logIn(page, false)
  await button(page, '实名认证').click()
  await verifyFace(page, third, 'identity-face-standin', false)
  await page.getByText('已实名', { exact: true }).waitFor()
  expect(samples).toEqual([{ kind: 'standin', image: '', spokenDigits: expect.stringMatching(/^\d{6}$/) }])
})

test('when the digits run out the page offers a new challenge instead of submitting', async () => {
  const page = await newPage()
  await page.clock.install()
  await openMe(page)
  await logIn(page, false)
  await button(page, '实名认证').click()
  await page.waitForURL(/packages\/account\/face\/index/)
  const first = await page.locator('.page-face__digits').textContent()
  await page.clock.fastForward('02:01')
  await page.getByText('数字已失效，请重新获取', { exact: true }).waitFor()
  await expect(button(page, '提交验证').count()).resolves.toBe(0)
  await button(page, '重新获取数字').click()
  await page.getByText(/^1[12]\d 秒后失效$/).waitFor()
  await expect(page.locator('.page-face__digits').textContent()).resolves.toMatch(/^\d{6}$/)
  expect(await page.locator('.page-face__digits').textContent()).not.toBe(first)
})

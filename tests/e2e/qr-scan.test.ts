// e2e in Chromium: 扫码签到 reads a venue's 场所码 with the camera in the browser (H5). Chromium's fake camera plays a
// video made here from the QR of a venue code registered through the system; the page opens the rear camera, decodes
// the code with qr-scanner, turns the camera off, and shows the venue to confirm — as pasting the code does — and
// 确认登记 records the check-in.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
// The mini-program's own QR modules (qrcode is its dependency): the code the test films is made as the app makes it.
import { qrModules } from '../../miniapp/src/platform/qr-poster'
import { businessOwnerPicker } from '../support/health-code'
import { bearer, chinaToday, faceCheckAlwaysFails, realNameUser, startSystem, type TestSystem } from '../support/system'
import {
  FAKE_CAMERA_ARGS,
  H5_DIR,
  launchChromium,
  phoneContext,
  type SessionTokens,
  shootWhole,
  signedIn,
  watchErrors,
} from './browser'

jest.setTimeout(60_000)

const WIDTH = 640
const HEIGHT = 480

/**
 * One frame of a Y4M video (4:2:0, grey: U and V at 128) showing `text`'s QR code, black on white, centred — what
 * Chromium's fake camera plays over and over (--use-file-for-fake-video-capture).
 */
export function qrVideo(text: string): Buffer {
  const modules = qrModules(text)
  // qr-scanner looks at the middle two thirds of the picture: the code, with room around it, fills about half.
  const scale = Math.floor((Math.min(WIDTH, HEIGHT) * 0.5) / modules.size)
  const left = Math.floor((WIDTH - modules.size * scale) / 2)
  const top = Math.floor((HEIGHT - modules.size * scale) / 2)
  const luma = Buffer.alloc(WIDTH * HEIGHT, 255)
  for (let y = 0; y < modules.size * scale; y += 1) {
    for (let x = 0; x < modules.size * scale; x += 1) {
      if (modules.get(Math.floor(y / scale), Math.floor(x / scale))) luma[(top + y) * WIDTH + left + x] = 0
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128)
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\nFRAME\n`)
  return Buffer.concat([header, luma, chroma])
}

let sys: TestSystem
let browser: Browser
let bffUrl: string
let tokens: SessionTokens
let venueCode: string

beforeAll(async () => {
  sys = await startSystem({ referenceDate: chinaToday(), departments: ['weijian', 'shichang'], bff: { h5Dir: H5_DIR } })
  bffUrl = await sys.bff.listen({ host: '127.0.0.1', port: 0 })
  let index = 60
  while (faceCheckAlwaysFails(index)) index += 1
  await realNameUser(sys, 'e2e-scan-citizen', index)
  tokens = (await sys.login('e2e-scan-citizen')) as typeof tokens
  // A tea house's legal representative registers its venue code through the system.
  const business = await businessOwnerPicker(sys, 240)()
  const owner = await realNameUser(sys, 'e2e-scan-venue-owner', business.index)
  const venue = await sys.call({
    method: 'POST',
    url: '/v1/venues',
    headers: bearer(owner),
    payload: { creditCode: business.creditCode, name: '陶陶居茶楼', areaCode: '440104', address: '第十甫路 20 号' },
  })
  venueCode = venue.json().code
  const video = path.join(mkdtempSync(path.join(tmpdir(), 'ysx-qr-')), 'venue-code.y4m')
  writeFileSync(video, qrVideo(venueCode))
  browser = await launchChromium([...FAKE_CAMERA_ARGS, `--use-file-for-fake-video-capture=${video}`])
})
afterAll(async () => {
  await browser?.close()
  await sys?.close()
})

test('扫码签到 reads the venue code with the browser’s camera, stops the camera, and checks in on 确认登记', async () => {
  const context = await phoneContext(browser)
  // Every camera stream the page opens, to see that it is turned off.
  await context.addInitScript(() => {
    const media = navigator.mediaDevices
    const open = media.getUserMedia.bind(media)
    const streams: MediaStream[] = []
    Object.assign(window, { ysxStreams: streams })
    media.getUserMedia = async (constraints) => {
      const stream = await open(constraints)
      streams.push(stream)
      return stream
    }
  })
  const page = await signedIn(context, bffUrl, tokens)
  const errors = watchErrors(page, { consoleFrom: bffUrl })
  const checkIns = async () =>
    (
      await sys.call({ method: 'GET', url: '/v1/health-codes/self/check-ins', headers: bearer(tokens.accessToken) })
    ).json().checkIns
  await page.goto(`${bffUrl}/#/pages/check-in/index`)
  const scan = page.locator('.page-check-in__scan')
  await scan.waitFor()
  await scan.click()

  // The camera's picture is shown while it looks for a code; once read, the camera is off and the venue is shown.
  await page.locator('.page-check-in__confirm').waitFor()
  expect(await page.locator('.page-check-in__venue').textContent()).toContain('陶陶居茶楼')
  expect(await page.locator('.page-check-in__confirm').textContent()).toContain('广州市越秀区')
  expect(await page.locator('.page-check-in__input textarea').inputValue()).toBe(venueCode)
  expect(await page.locator('video.ysx-scanner__video').count()).toBe(0)
  const tracks = await page.evaluate(() =>
    (window as unknown as { ysxStreams: MediaStream[] }).ysxStreams.flatMap((s) =>
      s.getTracks().map((t) => t.readyState),
    ),
  )
  expect(tracks).toEqual(['ended'])
  expect(await checkIns()).toEqual([])
  await shootWhole(page, 'qr-scan-check-in-confirm')

  await page.locator('.page-check-in__confirm-button').click()
  await page.locator('.page-check-in__result--done').waitFor()
  expect((await checkIns()).map((c: { venueName: string }) => c.venueName)).toEqual(['陶陶居茶楼'])
  expect(errors).toEqual([])
  await context.close()
})

test('场所码: saved as a PNG download named after the venue; printing shows only the code and its name', async () => {
  const owner = (await sys.login('e2e-scan-venue-owner')) as SessionTokens
  const context = await phoneContext(browser, 'zh-CN')
  // The print dialog is the browser's: here a stand-in that records the call, so the print layout can be looked at.
  await context.addInitScript(() => {
    Object.assign(window, { ysxPrinted: 0, print: () => Object.assign(window, { ysxPrinted: 1 }) })
  })
  const page = await signedIn(context, bffUrl, owner)
  const errors = watchErrors(page, { consoleFrom: bffUrl })
  await page.goto(`${bffUrl}/#/packages/health/venue/index`)
  await page.locator('.page-venue__item').first().locator('button, taro-button-core').first().click()
  const save = page.locator('.page-venue__save')
  await save.waitFor()

  const [download] = await Promise.all([page.waitForEvent('download'), save.click()])
  expect(download.suggestedFilename()).toBe('陶陶居茶楼.png')
  const saved = await download.path()
  const png = readFileSync(saved)
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  await page.locator('.page-venue__saved--saved').waitFor()

  await page.locator('.page-venue__print').click()
  expect(await page.evaluate(() => (window as unknown as { ysxPrinted: number }).ysxPrinted)).toBe(1)
  await page.emulateMedia({ media: 'print' })
  expect(await page.locator('.ysx-printed .page-venue__code-name').isVisible()).toBe(true)
  expect(await page.locator('.ysx-printed .ysx-qr__image').isVisible()).toBe(true)
  expect(await page.locator('.page-venue__intro').isVisible()).toBe(false)
  expect(await page.locator('.ysx-printed .page-venue__save').isVisible()).toBe(false)
  expect(errors).toEqual([])
  await context.close()
})

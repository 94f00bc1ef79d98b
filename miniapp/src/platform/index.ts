// The one module behind which every build-specific call goes (weapp or H5): which build this is, WeChat's login code
// and the authorize redirect, 扫一扫 (WeChat's scanner, or the camera in the page), the front camera and its photo, the
// device key's storage, randomness, saving a file, and a QR saved as a picture or printed. Hooks, services and
// components call these, never the build's own APIs; tests replace the whole module with test/platform-double.ts.
// Taro inlines process.env.TARO_ENV and the TARO_APP_* values at build time (config/build-env.ts), so they are read
// here once: which build this is is never a switch a user can flip.
import Taro from '@tarojs/taro'
import type { PosterContext } from './qr-poster'
import type { WechatStandIn } from './wechat-stand-in'

const BUILD = process.env.TARO_ENV
/** A development weapp build's WeChat stand-in (its origin and the app id registered there); null in every other */
const WECHAT_STAND_IN: WechatStandIn | null = process.env.TARO_APP_WECHAT_STAND_IN
  ? { url: process.env.TARO_APP_WECHAT_STAND_IN, appId: process.env.TARO_APP_WECHAT_APP_ID ?? '' }
  : null
/**
 * The stand-in's login, in a development build only: a production build inlines '' as the condition, so webpack
 * drops the require and the module with it (scripts/check-weapp.ts checks that no trace of it is shipped).
 */
const standInLogin: typeof import('./wechat-stand-in') | null = process.env.TARO_APP_WECHAT_STAND_IN
  ? require('./wechat-stand-in')
  : null

/** The WeChat mini-program build. */
export const isWeapp = (): boolean => BUILD === 'weapp'
/** The browser build (served by the BFF). */
export const isH5 = (): boolean => BUILD === 'h5'
/** A development build against the stand-ins (its login codes come from the WeChat stand-in): shows 开发环境. */
export const isDevBuild = (): boolean => WECHAT_STAND_IN !== null

// ---- Login ----------------------------------------------------------------------------------------------------------

/**
 * weapp: a one-time login code from WeChat (wx.login), or in a development build from the WeChat stand-in's device
 * login (what wx.login does on a phone); rejects when neither can give one.
 */
export async function wechatLoginCode(): Promise<string> {
  if (WECHAT_STAND_IN && standInLogin) return standInLogin.standInLoginCode(WECHAT_STAND_IN, randomBytes)
  return (await Taro.login()).code
}

/** H5: this app's address for a page (Taro's H5 router keeps the page path in the hash), e.g. for the way back. */
export function pageAddress(pagePath: string): string {
  return `${window.location.origin}/#${pagePath}`
}

/** H5: where this app is served from; null on the weapp, which has no address of its own. */
export function appOrigin(): string | null {
  return isH5() ? window.location.origin : null
}

/** H5: leaves the app for another site (the WeChat authorize page). */
export function leaveFor(url: string): void {
  window.location.assign(url)
}

// ---- Language -------------------------------------------------------------------------------------------------------

/** The device's language tag: WeChat's (zh_CN, zh_HK, en …) on the weapp, the browser's (zh-TW, en-GB …) on H5. */
export function systemLanguage(): string | undefined {
  if (isH5()) return typeof navigator === 'undefined' ? undefined : navigator.language
  try {
    return (Taro.getAppBaseInfo?.() ?? Taro.getSystemInfoSync()).language
  } catch {
    return undefined
  }
}

/** H5: the document's language (<html lang>), so a screen reader reads the page in its voice; the weapp has none. */
export function setDocumentLanguage(tag: string): void {
  if (isH5() && typeof document !== 'undefined') document.documentElement.lang = tag
}

/**
 * H5: keeps the page unpainted (`ysx-hold` on <html>, app.scss) until `ready` settles or `limitMs` passes, so a start in
 * zh-HK or English never paints zh-CN first while its catalogue loads; a catalogue that fails to load shows zh-CN
 * rather than nothing. The weapp has no document to hold: its first page shows once the start is done.
 */
export function holdFirstPaint(ready: Promise<unknown>, limitMs = 3000): void {
  if (!isH5() || typeof document === 'undefined') return
  const root = document.documentElement
  root.classList.add('ysx-hold')
  const release = () => root.classList.remove('ysx-hold')
  const limit = setTimeout(release, limitMs)
  void ready.then(
    () => (clearTimeout(limit), release()),
    () => (clearTimeout(limit), release()),
  )
}

/**
 * H5: removes 首页's static first paint (index.html's, config/first-paint.ts) once a page has rendered under it; the
 * weapp has none. Every page calls it through usePageTitle.
 */
export function endFirstPaint(): void {
  if (isH5() && typeof document !== 'undefined') document.getElementById('ysx-first-paint')?.remove()
}

/**
 * H5: the page's own scrolling container (Taro's H5 router gives each page a <div id="<path>?stamp=…"> that scrolls)
 * becomes a region named by the page's title, in the tab order: a keyboard can scroll a page that has no focusable
 * control in view (axe's scrollable-region-focusable, WCAG 2.1.1), and a screen reader says which page it is in. The
 * weapp has no document, and WeChat names the page from its navigation title.
 */
export function labelPage(pageId: string | undefined, title: string): void {
  if (!isH5() || typeof document === 'undefined' || !pageId) return
  const page = document.getElementById(pageId)
  if (!page) return
  page.setAttribute('role', 'region')
  page.setAttribute('aria-label', title)
  page.tabIndex = 0
}

// ---- 长辈版 (care mode) ------------------------------------------------------------------------------------------

/** weapp: WeChat's font size setting as a factor of the standard size (1 standard, about 1.4 largest); H5: 1. */
export function fontSizeScale(): number {
  if (!isWeapp()) return 1
  try {
    const info = Taro.getAppBaseInfo?.() as { fontSizeScaleFactor?: number } | undefined
    const factor = info?.fontSizeScaleFactor
    return typeof factor === 'number' && Number.isFinite(factor) && factor > 0 ? factor : 1
  } catch {
    return 1
  }
}

/** H5: 长辈版's class on <html>, so its theme reaches every page and Taro's tab and navigation bars; the weapp has none. */
export function setDocumentCare(on: boolean): void {
  if (isH5() && typeof document !== 'undefined') document.documentElement.classList.toggle('ysx-care', on)
}

// ---- 扫一扫 ---------------------------------------------------------------------------------------------------------

/** Whether this build can scan a QR code with the camera: the weapp with WeChat's 扫一扫, H5 in the page. */
export const canScan = (): boolean => isWeapp() || isH5()

/** Whether scanning happens in the page (H5: a <video> and startQrScanner) rather than in WeChat's own scanner. */
export const scansInPage = (): boolean => isH5()

/** weapp: the text of a QR code scanned with the camera; rejects when the citizen cancels or the scan fails. */
export async function scanQrCode(): Promise<string> {
  return (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
}

/** Why the in-page scanner could not start: the message of the Error startQrScanner rejects with. */
export type ScanFailure = 'no-camera' | 'denied' | 'failed'

/** A running in-page scanner; stop() ends the scan and turns the camera off at once. */
export interface QrScan {
  stop: () => void
}

/** getUserMedia's refusal in words: the citizen or the browser said no, or there is no camera to open. */
function cameraFailure(error: unknown): ScanFailure {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : ''
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied'
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'no-camera'
  return 'failed'
}

/**
 * qr-scanner, loaded when a scan starts (its own chunk, and its web worker another where the browser has no
 * BarcodeDetector); a weapp build inlines 'weapp' here, so webpack drops the import and the library with it.
 */
const loadQrScanner = (): Promise<typeof import('qr-scanner')> =>
  process.env.TARO_ENV === 'h5' ? import('qr-scanner') : Promise.reject(new Error('no-camera'))

/**
 * H5: opens the rear camera (the front one where there is no other) in `video` and decodes QR codes from it with
 * qr-scanner; the first text read is handed to `onText` once, after the camera is stopped. Rejects with an Error whose
 * message is a ScanFailure. The camera stream is opened here, not by qr-scanner (which reports every refusal as "no
 * camera"), so a refused permission can be told apart, and stop() ends it at once.
 */
export async function startQrScanner(video: HTMLVideoElement, onText: (text: string) => void): Promise<QrScan> {
  if (!isH5() || typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia) {
    throw new Error('no-camera' satisfies ScanFailure)
  }
  let stream: MediaStream
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: { ideal: 'environment' } },
      audio: false,
    })
  } catch (error) {
    throw new Error(cameraFailure(error))
  }
  let stopped = false
  let scanner: { destroy: () => void } | null = null
  const stop = () => {
    if (stopped) return
    stopped = true
    scanner?.destroy()
    stream.getTracks().forEach((track) => track.stop())
    video.srcObject = null
  }
  try {
    const { default: QrScanner } = await loadQrScanner()
    const running = new QrScanner(
      video,
      ({ data }) => {
        if (stopped || !data) return
        stop()
        onText(data)
      },
      { returnDetailedScanResult: true, maxScansPerSecond: 10 },
    )
    scanner = running
    // qr-scanner plays a stream already in the video rather than opening its own; given only now that the scanner
    // listens for the video's play event (which starts its decoding), so an autoplay cannot start before it does.
    video.srcObject = stream
    await running.start()
  } catch {
    stop()
    throw new Error('failed' satisfies ScanFailure)
  }
  return { stop }
}

// ---- The front camera -----------------------------------------------------------------------------------------------

/** A running front camera: H5 plays `stream` in a <video>; the weapp's <Camera> component shows itself (null). */
export interface CameraFeed {
  stream: MediaStream | null
  stop: () => void
}

/** Starts the front camera; rejects where it cannot run (no camera API, no permission, no camera). */
export async function openFrontCamera(): Promise<CameraFeed> {
  if (isWeapp()) return { stream: null, stop: () => undefined }
  if (!isH5() || !navigator.mediaDevices?.getUserMedia) throw new Error('no camera on this build')
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user' }, audio: false })
  return { stream, stop: () => stream.getTracks().forEach((track) => track.stop()) }
}

/** H5: plays the camera's stream in the <video> element. */
export function playFeed(video: HTMLVideoElement, feed: CameraFeed): void {
  if (!feed.stream) return
  video.srcObject = feed.stream
  void video.play().catch(() => undefined)
}

const FRAME_WIDTH = 320
const JPEG_QUALITY = 0.7

/** H5: a downscaled JPEG of the video's current frame, base64 without the data: prefix. */
function grabFrame(video: HTMLVideoElement | null): string {
  if (!video?.videoWidth || !video.videoHeight) throw new Error('no frame yet')
  const canvas = document.createElement('canvas')
  canvas.width = FRAME_WIDTH
  canvas.height = Math.round((video.videoHeight / video.videoWidth) * FRAME_WIDTH)
  const context = canvas.getContext('2d')
  if (!context) throw new Error('no canvas')
  context.drawImage(video, 0, 0, canvas.width, canvas.height)
  const url = canvas.toDataURL('image/jpeg', JPEG_QUALITY)
  return url.slice(url.indexOf(',') + 1)
}

/** weapp: a photo from the <Camera> component, recompressed to a small JPEG, read as base64. */
function takePhoto(): Promise<string> {
  return new Promise((resolve, reject) => {
    Taro.createCameraContext().takePhoto({
      quality: 'low',
      success: ({ tempImagePath }) => {
        Taro.compressImage({ src: tempImagePath, quality: 40, compressedWidth: 480 })
          .then(({ tempFilePath }) => resolve(String(Taro.getFileSystemManager().readFileSync(tempFilePath, 'base64'))))
          .catch(reject)
      },
      fail: reject,
    })
  })
}

/** One JPEG photo from the running camera, base64; rejects when none can be taken (camera still starting). */
export async function cameraPhoto(video: HTMLVideoElement | null): Promise<string> {
  return isH5() ? grabFrame(video) : takePhoto()
}

// ---- The device key and randomness ----------------------------------------------------------------------------------

export const DEVICE_KEY_STORAGE = 'ysx.wallet.deviceKey'

/** The stored device key (base64url), or null when none is stored. */
export function readDeviceKey(): string | null {
  const stored = Taro.getStorageSync<unknown>(DEVICE_KEY_STORAGE)
  return typeof stored === 'string' && stored.length > 0 ? stored : null
}

export function writeDeviceKey(encoded: string): void {
  Taro.setStorageSync(DEVICE_KEY_STORAGE, encoded)
}

/** Cryptographic random bytes: WebCrypto where the engine has it (H5, newer WeChat), else WeChat's UserCryptoManager. */
export function randomBytes(length: number): Promise<Uint8Array> {
  const webCrypto = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto
  if (webCrypto?.getRandomValues) return Promise.resolve(webCrypto.getRandomValues(new Uint8Array(length)))
  return new Promise((resolve, reject) => {
    Taro.getUserCryptoManager().getRandomValues({
      length,
      success: (res) => resolve(new Uint8Array(res.randomValues)),
      fail: (res) => reject(new Error(res.errMsg)),
    })
  })
}

// ---- Saving a file --------------------------------------------------------------------------------------------------

/**
 * Saves a JSON text as a file: H5 downloads it through the browser; the weapp writes it to the app's user-data
 * folder. Returns where it went (the file's name on H5, its path on the weapp).
 */
export function saveJsonFile(name: string, text: string): string {
  if (isH5()) {
    download(name, new Blob([text], { type: 'application/json' }))
    return name
  }
  const file = `${Taro.env.USER_DATA_PATH}/${name}`
  Taro.getFileSystemManager().writeFileSync(file, text, 'utf8')
  return file
}

/** H5: hands a file to the browser's download. */
function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.appendChild(link)
  link.click()
  link.remove()
  URL.revokeObjectURL(url)
}

// ---- A QR code as a picture: save, print ----------------------------------------------------------------------------

/**
 * A picture to save: its size, how to draw it on a 2D context (qr-poster.ts's drawPoster, called by the page's hook,
 * so that qrcode stays out of this module and the first load) and the file's name (.png).
 */
export interface QrPicture {
  width: number
  height: number
  draw: (context: PosterContext) => void
  fileName: string
}

/** Where a saved picture went: the browser's downloads (H5) or the phone's photo album (weapp). */
export type SavedTo = 'download' | 'album'

/**
 * Saves the QR with its caption as a PNG: H5 draws it on a <canvas> and downloads it; the weapp draws it on an
 * offscreen canvas, makes a temporary file of it (canvasToTempFilePath) and saves that to the photo album (WeChat
 * asks for the album permission the first time). Rejects when the picture cannot be made or saved.
 */
export async function saveQrPicture(picture: QrPicture): Promise<SavedTo> {
  const { width, height } = picture
  if (isH5()) {
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    const context = canvas.getContext('2d')
    if (!context) throw new Error('no canvas')
    picture.draw(context)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
    if (!blob) throw new Error('no picture')
    download(picture.fileName, blob)
    return 'download'
  }
  const canvas = Taro.createOffscreenCanvas({ type: '2d', width, height })
  const context = canvas.getContext('2d') as PosterContext | null
  if (!context) throw new Error('no canvas')
  picture.draw(context)
  const { tempFilePath } = await Taro.canvasToTempFilePath({
    canvas: canvas as unknown as Taro.Canvas,
    fileType: 'png',
    destWidth: width,
    destHeight: height,
  })
  await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath })
  return 'album'
}

/** Whether this build can print (H5: the browser's print; a mini-program has none). */
export const canPrint = (): boolean => isH5()

/** The body's class while printing, and the class of the one part of the page that is printed (app.scss). */
export const PRINTING_CLASS = 'ysx-printing'
export const PRINTED_CLASS = 'ysx-printed'

/**
 * H5: prints only the element with this id (the print stylesheet hides the rest of the page while the body has
 * PRINTING_CLASS); the classes come off when the print dialog closes.
 */
export function printSection(id: string): void {
  if (!isH5()) return
  const section = document.getElementById(id)
  if (!section) return
  document.body.classList.add(PRINTING_CLASS)
  section.classList.add(PRINTED_CLASS)
  window.addEventListener(
    'afterprint',
    () => {
      document.body.classList.remove(PRINTING_CLASS)
      section.classList.remove(PRINTED_CLASS)
    },
    { once: true },
  )
  window.print()
}

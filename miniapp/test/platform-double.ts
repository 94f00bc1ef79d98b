// A test double of src/platform (the build-specific calls): the build is read from process.env.TARO_ENV at each call,
// so one file can run a hook in both builds; WeChat's login hands out one-time codes as the WeChat stand-in's device
// login does; the scanner (WeChat's and the one in the page), the camera, the device key's storage, saved files and
// pictures, and printed sections are plain state a test sets and reads.
// Install it with:
//   jest.mock('../src/platform', () => jest.requireActual<typeof import('./platform-double')>('./platform-double').platform)
import { createHash } from 'node:crypto'
import { fromBase64url, publicJwkOf } from '@ysx/shared/credential'
import type * as Platform from '../src/platform'

export type Build = 'h5' | 'weapp'

/** Runs a describe block's tests in one build: sets TARO_ENV before each test and puts it back after. */
export function inBuild(build: Build): void {
  const env = process.env as Record<string, string | undefined>
  let before: string | undefined
  beforeEach(() => {
    before = env.TARO_ENV
    env.TARO_ENV = build
  })
  afterEach(() => {
    if (before === undefined) delete env.TARO_ENV
    else env.TARO_ENV = before
  })
}

export const ORIGIN = 'https://ysx.test'
export const USER_DATA_PATH = 'wxfile://usr'

/** The WeChat stand-in's device login (wx.login): a one-time 32-hex code per call, or a failure while it is down. */
export const wechat = {
  /** Codes handed out, oldest first */
  issued: [] as string[],
  down: false,
}

/**
 * 扫一扫: what the next weapp scans read (oldest first; a scan with nothing queued is a cancelled one), and the H5
 * scanner in the page: whether its camera opens (`failure`: the ScanFailure it rejects with instead), how many times it
 * started and stopped, and the running scan's reader (`see(text)`: a QR comes into view).
 */
export const scanner = {
  queue: [] as string[],
  failure: null as Platform.ScanFailure | null,
  started: 0,
  stopped: 0,
  /** The videos a scan ran in */
  videos: [] as HTMLVideoElement[],
  reader: null as ((text: string) => void) | null,
  /** The running scan reads a QR: hands its text to the page, which stops the camera first. */
  see(text: string): void {
    const read = scanner.reader
    if (!read) throw new Error('no scan is running')
    read(text)
  },
}

/** QR pictures saved (H5 downloads, weapp photo album) and sections printed (their ids); `saveFails`: saving rejects. */
export const pictures = {
  /** Each saved picture: its file name, size, the texts drawn on it, and where it went */
  saved: [] as Array<{ fileName: string; width: number; height: number; texts: string[]; to: Platform.SavedTo }>,
  printed: [] as string[],
  saveFails: false,
}

/** The front camera: whether it may run, the photo it takes, and how many times it was opened and stopped. */
export const camera = {
  allowed: true,
  /** The next photo, base64 (a video frame on H5, a compressed photo on the weapp); null: the photo fails */
  photo: 'AAAA' as string | null,
  opened: 0,
  stopped: 0,
  /** The videos a feed was played in */
  played: [] as HTMLVideoElement[],
}

/** The device key's storage slot (base64url), files saved (path → text), the device's language tag and <html lang>. */
export const device = {
  key: null as string | null,
  files: new Map<string, string>(),
  language: 'zh_CN' as string | undefined,
  documentLanguage: 'zh-CN',
  /** WeChat's font size factor (getAppBaseInfo().fontSizeScaleFactor): 1 is the standard size */
  fontScale: 1,
  /** Whether <html> carries 长辈版's class (H5) */
  documentCare: false,
}

/** The public half of the device key stored now (what the phone sends to have a credential bound to it). */
export function storedPublicJwk(): ReturnType<typeof publicJwkOf> {
  const privateKey = device.key === null ? null : fromBase64url(device.key)
  if (!privateKey) throw new Error('no device key is stored')
  return publicJwkOf(privateKey)
}

let randomCounter = 0

/** Deterministic "random" bytes: sha256 of a counter, so a run is reproducible. */
function seededBytes(length: number): Uint8Array {
  const out = new Uint8Array(length)
  for (let filled = 0; filled < length; filled += 32) {
    const block = createHash('sha256').update(`platform-double:${randomCounter++}`).digest()
    out.set(block.subarray(0, Math.min(32, length - filled)), filled)
  }
  return out
}

const build = (): string | undefined => process.env.TARO_ENV

/** The platform's functions as jest mocks (their calls recorded, their behaviour replaceable per test). */
type Double = {
  [K in keyof typeof Platform]: (typeof Platform)[K] extends (...args: infer A) => infer R
    ? jest.Mock<R, A>
    : (typeof Platform)[K]
}

export const platform: Double & { __esModule: true } = {
  __esModule: true,
  isWeapp: jest.fn(() => build() === 'weapp'),
  isH5: jest.fn(() => build() === 'h5'),
  // A production build unless a test says otherwise (the 开发环境 marker shows only in a development build).
  isDevBuild: jest.fn(() => false),
  wechatLoginCode: jest.fn(async () => {
    if (wechat.down) throw new Error('login:fail')
    const code = createHash('sha256').update(`wechat:${wechat.issued.length}`).digest('hex').slice(0, 32)
    wechat.issued.push(code)
    return code
  }),
  pageAddress: jest.fn((pagePath: string) => `${ORIGIN}/#${pagePath}`),
  appOrigin: jest.fn(() => (build() === 'h5' ? ORIGIN : null)),
  leaveFor: jest.fn((_url: string) => undefined),
  systemLanguage: jest.fn(() => device.language),
  setDocumentLanguage: jest.fn((tag: string) => void (device.documentLanguage = tag)),
  holdFirstPaint: jest.fn(),
  endFirstPaint: jest.fn(),
  labelPage: jest.fn(),
  fontSizeScale: jest.fn(() => (build() === 'weapp' ? device.fontScale : 1)),
  setDocumentCare: jest.fn((on: boolean) => void (device.documentCare = build() === 'h5' && on)),
  canScan: jest.fn(() => build() === 'weapp' || build() === 'h5'),
  scansInPage: jest.fn(() => build() === 'h5'),
  scanQrCode: jest.fn(async () => {
    const text = scanner.queue.shift()
    if (text === undefined) throw new Error('scanCode:fail cancel')
    return text
  }),
  startQrScanner: jest.fn(async (video: HTMLVideoElement, onText: (text: string) => void) => {
    if (build() !== 'h5') throw new Error('no-camera')
    if (scanner.failure) throw new Error(scanner.failure)
    scanner.started += 1
    scanner.videos.push(video)
    let running = true
    const stop = () => {
      if (!running) return
      running = false
      scanner.stopped += 1
      scanner.reader = null
    }
    scanner.reader = (text: string) => {
      stop()
      onText(text)
    }
    return { stop }
  }),
  openFrontCamera: jest.fn(async () => {
    if (!camera.allowed) throw new Error('NotAllowedError')
    camera.opened += 1
    const stream = build() === 'h5' ? ({ id: `stream-${camera.opened}` } as unknown as MediaStream) : null
    return { stream, stop: () => void (camera.stopped += 1) }
  }),
  playFeed: jest.fn((video: HTMLVideoElement, _feed: Platform.CameraFeed) => void camera.played.push(video)),
  cameraPhoto: jest.fn(async (_video: HTMLVideoElement | null) => {
    if (camera.photo === null) throw new Error('takePhoto:fail')
    return camera.photo
  }),
  DEVICE_KEY_STORAGE: 'ysx.wallet.deviceKey',
  readDeviceKey: jest.fn(() => device.key),
  writeDeviceKey: jest.fn((encoded: string) => void (device.key = encoded)),
  randomBytes: jest.fn(async (length: number) => seededBytes(length)),
  saveJsonFile: jest.fn((name: string, text: string) => {
    const where = build() === 'h5' ? name : `${USER_DATA_PATH}/${name}`
    device.files.set(where, text)
    return where
  }),
  saveQrPicture: jest.fn(async (picture: Platform.QrPicture) => {
    if (pictures.saveFails) throw new Error(build() === 'h5' ? 'no canvas' : 'saveImageToPhotosAlbum:fail auth deny')
    const to: Platform.SavedTo = build() === 'h5' ? 'download' : 'album'
    const texts: string[] = []
    const context = { fillStyle: '', font: '', textAlign: '', textBaseline: '', fillRect: () => undefined }
    picture.draw({ ...context, fillText: (text: string) => void texts.push(text) })
    pictures.saved.push({ fileName: picture.fileName, width: picture.width, height: picture.height, texts, to })
    return to
  }),
  canPrint: jest.fn(() => build() === 'h5'),
  PRINTING_CLASS: 'ysx-printing',
  PRINTED_CLASS: 'ysx-printed',
  printSection: jest.fn((id: string) => void (build() === 'h5' ? pictures.printed.push(id) : undefined)),
}

/** Back to a fresh device: no key, no files, WeChat up, camera allowed, nothing scanned; call records cleared. */
export function resetPlatform(): void {
  wechat.issued = []
  wechat.down = false
  Object.assign(scanner, { queue: [], failure: null, started: 0, stopped: 0, videos: [], reader: null })
  Object.assign(pictures, { saved: [], printed: [], saveFails: false })
  Object.assign(camera, { allowed: true, photo: 'AAAA', opened: 0, stopped: 0, played: [] })
  device.key = null
  device.language = 'zh_CN'
  device.documentLanguage = 'zh-CN'
  device.fontScale = 1
  device.documentCare = false
  device.files.clear()
  randomCounter = 0
  for (const value of Object.values(platform)) if (jest.isMockFunction(value)) value.mockClear()
}

/** @jest-environment jsdom */
// src/platform's QR calls in each build: H5 scans in the page (its own getUserMedia stream, rear camera preferred,
// handed to qr-scanner; a refusal told apart from no camera; the camera stopped on the first code read and on stop()),
// saves a QR with its caption as a PNG download and prints one section; the weapp draws the same picture on WeChat's
// offscreen canvas and saves it to the photo album, and never loads qr-scanner. qr-scanner, the canvas and Taro's
// APIs are stubbed where jsdom has none.
import type * as Platform from '../src/platform'
import { platformOf } from './platform-of'
import { drawPoster, type PosterContext, posterLayout } from '../src/platform/qr-poster'

/** qr-scanner as the tests drive it: the scanners made, each with its video, decoder and state. */
const mockScanners: Array<{
  video: HTMLVideoElement
  decode: (result: { data: string }) => void
  started: boolean
  destroyed: boolean
}> = []
let mockStartFails = false

jest.mock('qr-scanner', () => ({
  __esModule: true,
  default: class {
    private readonly entry: (typeof mockScanners)[number]
    constructor(video: HTMLVideoElement, decode: (result: { data: string }) => void) {
      this.entry = { video, decode, started: false, destroyed: false }
      mockScanners.push(this.entry)
    }
    async start() {
      if (mockStartFails) throw 'Camera not found.'
      this.entry.started = true
    }
    destroy() {
      this.entry.destroyed = true
    }
  },
}))

/** A 2D context that records what is drawn. */
function recordingContext() {
  const rects: number[][] = []
  const texts: Array<{ text: string; x: number; y: number; maxWidth?: number }> = []
  const context: PosterContext = {
    fillStyle: '',
    font: '',
    textAlign: '',
    textBaseline: '',
    fillRect: (...r) => void rects.push(r),
    fillText: (text, x, y, maxWidth) => void texts.push({ text, x, y, maxWidth }),
  }
  return { context, rects, texts }
}

const taro = {
  createOffscreenCanvas: jest.fn((_o: { type: string; width: number; height: number }) => ({
    getContext: () => recordingContext().context,
  })),
  canvasToTempFilePath: jest.fn(async (_o: object) => ({ tempFilePath: 'wxfile://tmp/venue.png', errMsg: 'ok' })),
  saveImageToPhotosAlbum: jest.fn(async (_o: { filePath: string }) => ({ errMsg: 'saveImageToPhotosAlbum:ok' })),
  scanCode: jest.fn(),
}

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    createOffscreenCanvas: (o: { type: string; width: number; height: number }) => taro.createOffscreenCanvas(o),
    canvasToTempFilePath: (o: object) => taro.canvasToTempFilePath(o),
    saveImageToPhotosAlbum: (o: { filePath: string }) => taro.saveImageToPhotosAlbum(o),
    scanCode: () => taro.scanCode(),
  },
}))

/** A camera stream whose tracks record being stopped. */
function fakeStream() {
  const track = { stopped: false, stop: () => void (track.stopped = true) }
  return { stream: { getTracks: () => [track] } as unknown as MediaStream, track }
}

function withCamera(getUserMedia: (c: MediaStreamConstraints) => Promise<MediaStream>) {
  Object.defineProperty(navigator, 'mediaDevices', {
    value: { getUserMedia: jest.fn(getUserMedia) },
    configurable: true,
  })
  return navigator.mediaDevices.getUserMedia as jest.Mock
}

const refusal = (name: string) => Object.assign(new Error(name), { name })
const TEXT = `YSXV1.${'a'.repeat(22)}.${'b'.repeat(22)}`
/** The venue's picture as the page's hook hands it over. */
const picture = (fileName: string): Platform.QrPicture => ({
  ...posterLayout(TEXT),
  draw: (context) => void drawPoster(context, TEXT, '陶陶居茶楼'),
  fileName,
})

beforeEach(() => {
  mockScanners.length = 0
  mockStartFails = false
  for (const fn of Object.values(taro)) fn.mockClear()
})

describe('the picture: a QR with its caption', () => {
  it('is the code with a quiet zone, black modules on white, and the caption centred under it within the width', () => {
    const { context, rects, texts } = recordingContext()
    const layout = drawPoster(context, TEXT, '陶陶居茶楼')
    expect(layout).toEqual(posterLayout(TEXT))
    expect(layout.height).toBeGreaterThan(layout.width)
    expect(rects[0]).toEqual([0, 0, layout.width, layout.height])
    // Every dark module inside the quiet zone (4 modules of 8 px).
    const modules = rects.slice(1)
    expect(modules.length).toBeGreaterThan(layout.modules)
    expect(modules.every(([x, y]) => x! >= 32 && y! >= 32 && x! < layout.width - 32 && y! < layout.width - 32)).toBe(
      true,
    )
    expect(texts).toEqual([
      { text: '陶陶居茶楼', x: layout.width / 2, y: expect.any(Number), maxWidth: layout.width - 32 },
    ])
    expect(texts[0]!.y).toBeGreaterThan(layout.width - 32)
  })
})

describe('h5', () => {
  const platform = platformOf('h5')
  // qr-scanner's import is behind TARO_ENV itself (so that a weapp build drops it), read when a scan starts.
  const env = process.env as Record<string, string | undefined>
  let before: string | undefined
  beforeEach(() => {
    before = env.TARO_ENV
    env.TARO_ENV = 'h5'
  })
  afterEach(() => {
    if (before === undefined) delete env.TARO_ENV
    else env.TARO_ENV = before
  })

  it('scans in the page: the rear camera (ideally) in the video, decoded by qr-scanner; the first code read stops it', async () => {
    const { stream, track } = fakeStream()
    const getUserMedia = withCamera(async () => stream)
    const video = document.createElement('video')
    const read: string[] = []
    const scan = await platform.startQrScanner(video, (text) => read.push(text))
    expect(getUserMedia).toHaveBeenCalledWith({ video: { facingMode: { ideal: 'environment' } }, audio: false })
    expect(mockScanners).toHaveLength(1)
    expect(mockScanners[0]).toMatchObject({ video, started: true })
    expect(video.srcObject).toBe(stream)
    mockScanners[0]!.decode({ data: TEXT })
    mockScanners[0]!.decode({ data: 'a second read' })
    expect(read).toEqual([TEXT])
    expect(track.stopped).toBe(true)
    expect(mockScanners[0]!.destroyed).toBe(true)
    expect(video.srcObject).toBeNull()
    scan.stop()
    expect(read).toEqual([TEXT])
  })

  it('stop() turns the camera off at once and nothing is read after it', async () => {
    const { stream, track } = fakeStream()
    withCamera(async () => stream)
    const read: string[] = []
    const scan = await platform.startQrScanner(document.createElement('video'), (text) => read.push(text))
    scan.stop()
    expect(track.stopped).toBe(true)
    mockScanners[0]!.decode({ data: TEXT })
    expect(read).toEqual([])
  })

  it.each([
    ['NotAllowedError', 'denied'],
    ['SecurityError', 'denied'],
    ['NotFoundError', 'no-camera'],
    ['OverconstrainedError', 'no-camera'],
    ['NotReadableError', 'failed'],
  ])('a camera refused with %s is %s, and no scanner is made', async (name, failure) => {
    withCamera(async () => {
      throw refusal(name)
    })
    await expect(platform.startQrScanner(document.createElement('video'), () => undefined)).rejects.toThrow(failure)
    expect(mockScanners).toHaveLength(0)
  })

  it('without getUserMedia there is no camera; a scanner that cannot start stops the camera it was given', async () => {
    Object.defineProperty(navigator, 'mediaDevices', { value: undefined, configurable: true })
    await expect(platform.startQrScanner(document.createElement('video'), () => undefined)).rejects.toThrow('no-camera')
    const { stream, track } = fakeStream()
    withCamera(async () => stream)
    mockStartFails = true
    await expect(platform.startQrScanner(document.createElement('video'), () => undefined)).rejects.toThrow('failed')
    expect(track.stopped).toBe(true)
  })

  it('saves the QR with its caption as a PNG download under its file name', async () => {
    const { context, texts } = recordingContext()
    jest
      .spyOn(HTMLCanvasElement.prototype, 'getContext')
      .mockImplementation(() => context as unknown as CanvasRenderingContext2D)
    jest
      .spyOn(HTMLCanvasElement.prototype, 'toBlob')
      .mockImplementation((callback, type) => callback(new Blob(['png'], { type: type ?? '' })))
    const created: Blob[] = []
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => (created.push(blob), 'blob:qr'),
      revokeObjectURL: () => undefined,
    })
    const clicked: string[] = []
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download)
    })
    await expect(platform.saveQrPicture(picture('陶陶居茶楼.png'))).resolves.toBe('download')
    expect(texts.map((t) => t.text)).toEqual(['陶陶居茶楼'])
    expect(created.map((b) => b.type)).toEqual(['image/png'])
    expect(clicked).toEqual(['陶陶居茶楼.png'])
    expect(taro.saveImageToPhotosAlbum).not.toHaveBeenCalled()
    click.mockRestore()
    jest.restoreAllMocks()
  })

  it('prints only the named section: the body and the section are marked until the print dialog closes', () => {
    const section = document.createElement('div')
    section.id = 'venue-code-v1'
    document.body.appendChild(section)
    const marks: string[] = []
    const print = jest.fn(() => {
      marks.push(document.body.className, section.className)
    })
    Object.assign(window, { print })
    platform.printSection('venue-code-v1')
    expect(print).toHaveBeenCalledTimes(1)
    expect(marks).toEqual([platform.PRINTING_CLASS, platform.PRINTED_CLASS])
    window.dispatchEvent(new Event('afterprint'))
    expect([document.body.className, section.className]).toEqual(['', ''])
    expect(platform.canPrint()).toBe(true)
    section.remove()
  })
})

describe('weapp', () => {
  const platform = platformOf('weapp')

  it('scans with WeChat’s scanner, not in the page: no camera is opened and qr-scanner is never made', async () => {
    const getUserMedia = withCamera(async () => fakeStream().stream)
    expect([platform.canScan(), platform.scansInPage()]).toEqual([true, false])
    await expect(platform.startQrScanner(document.createElement('video'), () => undefined)).rejects.toThrow('no-camera')
    expect(getUserMedia).not.toHaveBeenCalled()
    expect(mockScanners).toHaveLength(0)
  })

  it('saves the picture to the photo album: drawn on an offscreen 2D canvas, made a PNG file, then saved', async () => {
    await expect(platform.saveQrPicture(picture('x.png'))).resolves.toBe('album')
    const { width, height } = posterLayout(TEXT)
    expect(taro.createOffscreenCanvas).toHaveBeenCalledWith({ type: '2d', width, height })
    expect(taro.canvasToTempFilePath).toHaveBeenCalledWith(
      expect.objectContaining({ fileType: 'png', destWidth: width, destHeight: height }),
    )
    expect(taro.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/venue.png' })
  })

  it('a refused album (or a failed file) rejects; there is no print', async () => {
    taro.saveImageToPhotosAlbum.mockRejectedValueOnce(new Error('saveImageToPhotosAlbum:fail auth deny'))
    await expect(platform.saveQrPicture(picture('x.png'))).rejects.toThrow('auth deny')
    expect(platform.canPrint()).toBe(false)
  })
})

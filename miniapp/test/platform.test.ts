/** @jest-environment jsdom */
// src/platform itself, loaded once per build (it reads TARO_ENV once, as Taro inlines it): each build's own calls —
// WeChat's login code, 扫一扫, the weapp's file folder and camera on one side; the authorize redirect's address, the
// browser download and getUserMedia on the other — with Taro's APIs and the browser's stubbed where jsdom has none.
import { platformOf } from './platform-of'

type Callbacks<T> = { success: (res: T) => void; fail: (res: { errMsg: string }) => void }

const taro = {
  login: jest.fn(async () => ({ code: 'wx-code-1', errMsg: 'login:ok' })),
  scanCode: jest.fn(async (_o: object) => ({ result: 'scanned text', errMsg: 'scanCode:ok' })),
  writeFileSync: jest.fn(),
  readFileSync: jest.fn((_path: string, _encoding: string) => 'SlBFRw'),
  getStorageSync: jest.fn((_key: string): unknown => ''),
  setStorageSync: jest.fn(),
  takePhoto: jest.fn((o: { quality: string } & Callbacks<{ tempImagePath: string }>) =>
    o.success({ tempImagePath: 'wxfile://tmp/photo.jpg' }),
  ),
  compressImage: jest.fn(async (_o: object) => ({ tempFilePath: 'wxfile://tmp/small.jpg', errMsg: 'ok' })),
  getRandomValues: jest.fn((o: { length: number } & Callbacks<{ randomValues: ArrayBuffer }>) =>
    o.success({ randomValues: new Uint8Array(o.length).fill(7).buffer }),
  ),
  getAppBaseInfo: jest.fn((): { language: string; fontSizeScaleFactor?: number } => ({ language: 'zh_HK' })),
}

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    login: () => taro.login(),
    scanCode: (o: object) => taro.scanCode(o),
    getFileSystemManager: () => ({ writeFileSync: taro.writeFileSync, readFileSync: taro.readFileSync }),
    createCameraContext: () => ({ takePhoto: taro.takePhoto }),
    compressImage: (o: object) => taro.compressImage(o),
    getUserCryptoManager: () => ({ getRandomValues: taro.getRandomValues }),
    getStorageSync: (key: string) => taro.getStorageSync(key),
    setStorageSync: (key: string, value: unknown) => taro.setStorageSync(key, value),
    env: { USER_DATA_PATH: 'wxfile://usr' },
    getAppBaseInfo: () => taro.getAppBaseInfo(),
  },
}))

/** The platform module as the given build bundles it. */
beforeEach(() => {
  for (const fn of Object.values(taro)) fn.mockClear()
  taro.getStorageSync.mockImplementation(() => '')
})

describe('weapp', () => {
  const platform = platformOf('weapp')

  it('is the weapp build, and can scan', () => {
    expect([platform.isWeapp(), platform.isH5(), platform.canScan()]).toEqual([true, false, true])
    expect(platform.appOrigin()).toBeNull()
  })

  it('takes the login code from WeChat’s wx.login', async () => {
    await expect(platform.wechatLoginCode()).resolves.toBe('wx-code-1')
    expect(taro.login).toHaveBeenCalledTimes(1)
  })

  it('scans QR codes only, from the camera only, and gives the text read', async () => {
    await expect(platform.scanQrCode()).resolves.toBe('scanned text')
    expect(taro.scanCode).toHaveBeenCalledWith({ onlyFromCamera: true, scanType: ['qrCode'] })
  })

  it('writes a saved file to the app’s user-data folder and says its path', () => {
    expect(platform.saveJsonFile('copy.json', '{"a":1}')).toBe('wxfile://usr/copy.json')
    expect(taro.writeFileSync).toHaveBeenCalledWith('wxfile://usr/copy.json', '{"a":1}', 'utf8')
  })

  it('reads the device’s language from WeChat (wx.getAppBaseInfo), and none when WeChat cannot say', () => {
    expect(platform.systemLanguage()).toBe('zh_HK')
    taro.getAppBaseInfo.mockImplementationOnce(() => {
      throw new Error('getAppBaseInfo:fail')
    })
    expect(platform.systemLanguage()).toBeUndefined()
  })

  it('reads WeChat’s font size factor (wx.getAppBaseInfo), and the standard size when WeChat cannot say', () => {
    taro.getAppBaseInfo.mockReturnValueOnce({ language: 'zh_CN', fontSizeScaleFactor: 1.4 })
    expect(platform.fontSizeScale()).toBe(1.4)
    expect(platform.fontSizeScale()).toBe(1)
    taro.getAppBaseInfo.mockImplementationOnce(() => {
      throw new Error('getAppBaseInfo:fail')
    })
    expect(platform.fontSizeScale()).toBe(1)
  })

  it('its camera is the <Camera> component: a feed with no stream of its own', async () => {
    await expect(platform.openFrontCamera()).resolves.toMatchObject({ stream: null })
  })

  it('a photo is the <Camera> component’s, recompressed to 480 px wide at quality 40, read as base64', async () => {
    await expect(platform.cameraPhoto(null)).resolves.toBe('SlBFRw')
    expect(taro.takePhoto).toHaveBeenCalledWith(expect.objectContaining({ quality: 'low' }))
    expect(taro.compressImage).toHaveBeenCalledWith({
      src: 'wxfile://tmp/photo.jpg',
      quality: 40,
      compressedWidth: 480,
    })
    expect(taro.readFileSync).toHaveBeenCalledWith('wxfile://tmp/small.jpg', 'base64')
  })

  it('a photo the camera cannot take (still starting, or refused) rejects', async () => {
    taro.takePhoto.mockImplementationOnce((o) => o.fail({ errMsg: 'takePhoto:fail camera not ready' }))
    await expect(platform.cameraPhoto(null)).rejects.toEqual({ errMsg: 'takePhoto:fail camera not ready' })
    expect(taro.compressImage).not.toHaveBeenCalled()
  })

  it('without WebCrypto, random bytes come from WeChat’s UserCryptoManager; its failure rejects', async () => {
    const noWebCrypto = jest.spyOn(globalThis as { crypto: unknown }, 'crypto', 'get').mockReturnValue(undefined)
    try {
      await expect(platform.randomBytes(4)).resolves.toEqual(new Uint8Array([7, 7, 7, 7]))
      expect(taro.getRandomValues).toHaveBeenCalledWith(expect.objectContaining({ length: 4 }))
      taro.getRandomValues.mockImplementationOnce((o) => o.fail({ errMsg: 'getRandomValues:fail' }))
      await expect(platform.randomBytes(4)).rejects.toThrow('getRandomValues:fail')
    } finally {
      noWebCrypto.mockRestore()
    }
  })

  it('with WebCrypto, random bytes are WebCrypto’s', async () => {
    const bytes = await platform.randomBytes(16)
    expect(bytes).toHaveLength(16)
    expect(taro.getRandomValues).not.toHaveBeenCalled()
  })

  it('keeps the device key under its ysx. key, and reads anything but a non-empty string as no key', () => {
    platform.writeDeviceKey('abc')
    expect(taro.setStorageSync).toHaveBeenCalledWith('ysx.wallet.deviceKey', 'abc')
    taro.getStorageSync.mockImplementation((key) => (key === 'ysx.wallet.deviceKey' ? 'abc' : ''))
    expect(platform.readDeviceKey()).toBe('abc')
    for (const stored of ['', 42, null, { k: 'abc' }]) {
      taro.getStorageSync.mockImplementation(() => stored)
      expect(platform.readDeviceKey()).toBeNull()
    }
  })
})

describe('h5', () => {
  const platform = platformOf('h5')

  it('is the H5 build, and scans in the page', () => {
    expect([platform.isWeapp(), platform.isH5(), platform.canScan()]).toEqual([false, true, true])
  })

  it('reads the device’s language from the browser', () => {
    jest.spyOn(navigator, 'language', 'get').mockReturnValueOnce('zh-TW')
    expect(platform.systemLanguage()).toBe('zh-TW')
  })

  it('marks the document’s language (<html lang>) for screen readers', () => {
    platform.setDocumentLanguage('en')
    expect(document.documentElement.lang).toBe('en')
    platform.setDocumentLanguage('zh-HK')
    expect(document.documentElement.lang).toBe('zh-HK')
  })

  it('makes the page’s scrolling container a focusable region named by its title, and leaves other pages alone', () => {
    const page = document.createElement('div')
    page.id = '/pages/home/index?stamp=AA'
    const other = document.createElement('div')
    other.id = '/pages/me/index?stamp=AB'
    document.body.append(page, other)
    try {
      platform.labelPage(page.id, '粤省事')
      expect([page.getAttribute('role'), page.getAttribute('aria-label'), page.tabIndex]).toEqual([
        'region',
        '粤省事',
        0,
      ])
      expect([other.getAttribute('role'), other.getAttribute('aria-label'), other.tabIndex]).toEqual([null, null, -1])
      platform.labelPage(page.id, 'Guangdong Services')
      expect(page.getAttribute('aria-label')).toBe('Guangdong Services')
      expect(() => platform.labelPage('/pages/gone/index?stamp=ZZ', 'x')).not.toThrow()
    } finally {
      page.remove()
      other.remove()
    }
  })

  it('holds the first paint while a start’s language loads, and shows the page once it has loaded or failed', async () => {
    let loaded!: () => void
    platform.holdFirstPaint(new Promise<void>((resolve) => (loaded = resolve)))
    expect(document.documentElement.classList.contains('ysx-hold')).toBe(true)
    loaded()
    await Promise.resolve()
    await Promise.resolve()
    expect(document.documentElement.classList.contains('ysx-hold')).toBe(false)
    platform.holdFirstPaint(Promise.reject(new Error('chunk failed')))
    await Promise.resolve()
    await Promise.resolve()
    expect(document.documentElement.classList.contains('ysx-hold')).toBe(false)
  })

  it('shows the page after the limit even when the language never loads', () => {
    jest.useFakeTimers()
    try {
      platform.holdFirstPaint(new Promise<void>(() => undefined), 3000)
      jest.advanceTimersByTime(2999)
      expect(document.documentElement.classList.contains('ysx-hold')).toBe(true)
      jest.advanceTimersByTime(1)
      expect(document.documentElement.classList.contains('ysx-hold')).toBe(false)
    } finally {
      jest.useRealTimers()
    }
  })

  it('puts 长辈版’s class on <html> and takes it off; the browser’s font size is its own, so the factor is 1', () => {
    platform.setDocumentCare(true)
    expect(document.documentElement.classList.contains('ysx-care')).toBe(true)
    platform.setDocumentCare(false)
    expect(document.documentElement.classList.contains('ysx-care')).toBe(false)
    expect(platform.fontSizeScale()).toBe(1)
  })

  it('addresses a page through the hash router, on this origin', () => {
    expect(platform.pageAddress('/pages/login/index')).toBe(`${window.location.origin}/#/pages/login/index`)
    expect(platform.appOrigin()).toBe(window.location.origin)
  })

  it('downloads a saved file through the browser under its name, and lets go of the blob', () => {
    const created: Blob[] = []
    const revoked: string[] = []
    const clicked: { download: string; href: string }[] = []
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => (created.push(blob), 'blob:copy'),
      revokeObjectURL: (url: string) => void revoked.push(url),
    })
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ download: this.download, href: this.href })
    })
    expect(platform.saveJsonFile('copy.json', '{"a":1}')).toBe('copy.json')
    expect(clicked).toEqual([{ download: 'copy.json', href: 'blob:copy' }])
    expect(created.map((b) => b.type)).toEqual(['application/json'])
    expect(revoked).toEqual(['blob:copy'])
    expect(document.querySelectorAll('a')).toHaveLength(0)
    expect(taro.writeFileSync).not.toHaveBeenCalled()
    click.mockRestore()
  })

  it('opens the front camera with getUserMedia, video only, and stops its tracks', async () => {
    const track = { stop: jest.fn() }
    const stream = { getTracks: () => [track] } as unknown as MediaStream
    const getUserMedia = jest.fn(async (_c: MediaStreamConstraints) => stream)
    Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia }, configurable: true })
    const feed = await platform.openFrontCamera()
    expect(getUserMedia).toHaveBeenCalledWith({ video: { facingMode: 'user' }, audio: false })
    expect(feed.stream).toBe(stream)
    feed.stop()
    expect(track.stop).toHaveBeenCalledTimes(1)
  })

  it('without getUserMedia (or when it is refused) the camera cannot run', async () => {
    Object.defineProperty(navigator, 'mediaDevices', { value: undefined, configurable: true })
    await expect(platform.openFrontCamera()).rejects.toThrow()
    const refused = jest.fn(async () => Promise.reject(new Error('NotAllowedError')))
    Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia: refused }, configurable: true })
    await expect(platform.openFrontCamera()).rejects.toThrow('NotAllowedError')
  })

  it('a photo is the video’s current frame, 320 px wide at its aspect ratio, as JPEG base64 without the data: prefix', async () => {
    const video = document.createElement('video')
    Object.defineProperties(video, { videoWidth: { value: 640 }, videoHeight: { value: 480 } })
    const drawn: number[][] = []
    const getContext = jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
      () =>
        ({
          drawImage: (_v: unknown, ...box: number[]) => void drawn.push(box),
        }) as unknown as CanvasRenderingContext2D,
    )
    const toDataURL = jest
      .spyOn(HTMLCanvasElement.prototype, 'toDataURL')
      .mockImplementation(() => 'data:image/jpeg;base64,SlBFRw')
    await expect(platform.cameraPhoto(video)).resolves.toBe('SlBFRw')
    expect(drawn).toEqual([[0, 0, 320, 240]])
    expect(toDataURL).toHaveBeenCalledWith('image/jpeg', 0.7)
    getContext.mockRestore()
    toDataURL.mockRestore()
  })

  it('a photo before the video has a frame is refused', async () => {
    await expect(platform.cameraPhoto(document.createElement('video'))).rejects.toThrow()
    await expect(platform.cameraPhoto(null)).rejects.toThrow()
  })
})

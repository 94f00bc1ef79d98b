// The front camera (H5 getUserMedia, weapp <Camera>) and one in-memory JPEG frame on demand, else the stand-in sample.
import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { t } from '../i18n'
import type { FaceSample } from '../services/face'

export type CameraMode = 'starting' | 'live' | 'standin'
/** A sample without the spoken digits, which the speech step adds. */
export type CapturedSample = Omit<FaceSample, 'spokenDigits'>

const FRAME_WIDTH = 320
const JPEG_QUALITY = 0.7
/** The contract's cap on the base64 image. */
const MAX_IMAGE_CHARS = 400_000

/** No frame could be taken (camera still starting, or the photo failed): the citizen can simply try again. */
export class CameraError extends Error {
  override name = 'CameraError'
}

const notReady = () => new CameraError(t('face.cameraNotReady'))

/** H5: a downscaled JPEG of the video's current frame, base64 without the data: prefix. */
function grabFrame(video: HTMLVideoElement): string {
  if (!video.videoWidth || !video.videoHeight) throw notReady()
  const canvas = document.createElement('canvas')
  canvas.width = FRAME_WIDTH
  canvas.height = Math.round((video.videoHeight / video.videoWidth) * FRAME_WIDTH)
  const context = canvas.getContext('2d')
  if (!context) throw notReady()
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
          .catch(() => reject(notReady()))
      },
      fail: () => reject(notReady()),
    })
  })
}

export function useCamera() {
  const [mode, setMode] = useState<CameraMode>('starting')
  // The camera runs only while the page is in front: it stops when the page hides and starts again when it shows.
  const [active, setActive] = useState(true)
  const videoRef = useRef<HTMLVideoElement | null>(null)
  const streamRef = useRef<MediaStream | null>(null)
  useDidShow(() => setActive(true))
  useDidHide(() => setActive(false))

  useEffect(() => {
    if (!active) return undefined
    setMode('starting')
    if (process.env.TARO_ENV === 'weapp') {
      setMode('live')
      return undefined
    }
    if (process.env.TARO_ENV !== 'h5' || !navigator.mediaDevices?.getUserMedia) {
      setMode('standin')
      return undefined
    }
    let cancelled = false
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'user' }, audio: false })
      .then((stream) => {
        if (cancelled) {
          stream.getTracks().forEach((track) => track.stop())
          return
        }
        streamRef.current = stream
        setMode('live')
      })
      .catch(() => {
        if (!cancelled) setMode('standin')
      })
    return () => {
      cancelled = true
      streamRef.current?.getTracks().forEach((track) => track.stop())
      streamRef.current = null
    }
  }, [active])

  /** H5: the <video> element's ref; it starts playing the stream as soon as it mounts. */
  const attachVideo = useCallback((video: HTMLVideoElement | null) => {
    videoRef.current = video
    if (!video || !streamRef.current) return
    video.srcObject = streamRef.current
    void video.play().catch(() => undefined)
  }, [])

  /** The weapp <Camera> reports that it cannot run (no permission, no camera). */
  const cameraFailed = useCallback(() => setMode('standin'), [])

  const capture = useCallback(async (): Promise<CapturedSample> => {
    if (mode === 'standin') return { kind: 'standin', image: '' }
    if (mode === 'starting') throw notReady()
    let image: string
    if (process.env.TARO_ENV === 'h5') {
      if (!videoRef.current) throw notReady()
      image = grabFrame(videoRef.current)
    } else {
      image = await takePhoto()
    }
    if (image.length > MAX_IMAGE_CHARS) throw new CameraError(t('errors.PAYLOAD_TOO_LARGE'))
    return { kind: 'camera', image }
  }, [mode])

  return { mode, attachVideo, cameraFailed, capture }
}

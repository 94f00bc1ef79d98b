// The front camera (the platform's: H5 getUserMedia, weapp <Camera>) and one in-memory JPEG frame on demand, else
// the stand-in sample.
import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import { t } from '../i18n'
import { type CameraFeed, cameraPhoto, openFrontCamera, playFeed } from '../platform'
import type { FaceSample } from '../services/face'

export type CameraMode = 'starting' | 'live' | 'standin'
/** A sample without the spoken digits, which the speech step adds. */
export type CapturedSample = Omit<FaceSample, 'spokenDigits'>

/** The contract's cap on the base64 image. */
const MAX_IMAGE_CHARS = 400_000

/** No frame could be taken (camera still starting, or the photo failed): the citizen can simply try again. */
export class CameraError extends Error {
  override name = 'CameraError'
}

const notReady = () => new CameraError(t('face.cameraNotReady'))

export function useCamera() {
  const [mode, setMode] = useState<CameraMode>('starting')
  // The camera runs only while the page is in front: it stops when the page hides and starts again when it shows.
  const [active, setActive] = useState(true)
  const videoRef = useRef<HTMLVideoElement | null>(null)
  const feedRef = useRef<CameraFeed | null>(null)
  useDidShow(() => setActive(true))
  useDidHide(() => setActive(false))

  useEffect(() => {
    if (!active) return undefined
    setMode('starting')
    let cancelled = false
    openFrontCamera()
      .then((feed) => {
        if (cancelled) return feed.stop()
        feedRef.current = feed
        if (videoRef.current) playFeed(videoRef.current, feed)
        setMode('live')
      })
      .catch(() => {
        if (!cancelled) setMode('standin')
      })
    return () => {
      cancelled = true
      feedRef.current?.stop()
      feedRef.current = null
    }
  }, [active])

  /** H5: the <video> element's ref; it starts playing the stream as soon as it mounts. */
  const attachVideo = useCallback((video: HTMLVideoElement | null) => {
    videoRef.current = video
    if (video && feedRef.current) playFeed(video, feedRef.current)
  }, [])

  /** The weapp <Camera> reports that it cannot run (no permission, no camera). */
  const cameraFailed = useCallback(() => setMode('standin'), [])

  const capture = useCallback(async (): Promise<CapturedSample> => {
    if (mode === 'standin') return { kind: 'standin', image: '' }
    if (mode === 'starting') throw notReady()
    let image: string
    try {
      image = await cameraPhoto(videoRef.current)
    } catch {
      throw notReady()
    }
    if (image.length > MAX_IMAGE_CHARS) throw new CameraError(t('errors.PAYLOAD_TOO_LARGE'))
    return { kind: 'camera', image }
  }, [mode])

  return { mode, attachVideo, cameraFailed, capture }
}

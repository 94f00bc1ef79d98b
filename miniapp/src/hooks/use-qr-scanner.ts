// 扫一扫 for the pages that take a QR code (扫码签到, 核验证照, 核验健康码): the weapp opens WeChat's scanner; H5 opens the
// rear camera in the page (components/qr-scanner-view.tsx) and decodes it there. Either way the text read goes where a
// pasted text goes — into the box, then submitted. The H5 camera runs only while scanning: it stops when a code is
// read, on 关闭摄像头, when the page hides and when the page goes away; no camera, or a refused permission, is said in
// words, and the paste box stays for both.
import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidHide } from '@tarojs/taro'
import type { CodeField } from '../components/code-input'
import { t, type TranslationKey } from '../i18n'
import { type QrScan, type ScanFailure, scanQrCode, scansInPage, startQrScanner } from '../platform'

export type ScannerState =
  | { status: 'closed' }
  | { status: 'starting' }
  | { status: 'scanning' }
  | { status: 'failed'; failure: ScanFailure; message: string }

const MESSAGES: Record<ScanFailure, TranslationKey> = {
  'no-camera': 'common.scanner.noCamera',
  denied: 'common.scanner.denied',
  failed: 'common.scanner.failed',
}

const failureOf = (error: unknown): ScanFailure =>
  error instanceof Error && Object.hasOwn(MESSAGES, error.message) ? (error.message as ScanFailure) : 'failed'

const CLOSED: ScannerState = { status: 'closed' }

export function useQrScanner(field: Pick<CodeField, 'onInput' | 'onSubmit'>) {
  const [state, setState] = useState<ScannerState>(CLOSED)
  const videoRef = useRef<HTMLVideoElement | null>(null)
  const scanRef = useRef<QrScan | null>(null)
  // Each start is one generation: a scan that finishes starting after it was closed (or read) is stopped at once.
  const generation = useRef(0)
  const fieldRef = useRef(field)
  fieldRef.current = field

  const read = useCallback((text: string) => {
    fieldRef.current.onInput(text)
    fieldRef.current.onSubmit(text)
  }, [])

  const stop = useCallback(() => {
    generation.current += 1
    scanRef.current?.stop()
    scanRef.current = null
  }, [])

  useEffect(() => {
    if (state.status !== 'starting') return
    const video = videoRef.current
    if (!video) return
    const mine = ++generation.current
    startQrScanner(video, (text) => {
      // The platform stopped the camera before handing the text over.
      generation.current += 1
      scanRef.current = null
      setState(CLOSED)
      read(text)
    })
      .then((scan) => {
        if (mine !== generation.current) return scan.stop()
        scanRef.current = scan
        setState({ status: 'scanning' })
      })
      .catch((error: unknown) => {
        if (mine !== generation.current) return
        const failure = failureOf(error)
        setState({ status: 'failed', failure, message: t(MESSAGES[failure]) })
      })
  }, [state.status, read])

  // The page goes away, or hides (another page opened over it): the camera goes off.
  useEffect(() => stop, [stop])
  useDidHide(() => {
    stop()
    setState(CLOSED)
  })

  /** 扫一扫: WeChat's scanner on the weapp (a cancelled scan leaves the box as it was), the camera in the page on H5. */
  const scan = () => {
    if (!scansInPage()) {
      void scanQrCode().then(read, () => undefined)
      return
    }
    stop()
    setState({ status: 'starting' })
  }

  /** 关闭摄像头: stops scanning, nothing entered. */
  const close = () => {
    stop()
    setState(CLOSED)
  }

  /** H5: the <video> the camera plays in (mounted while starting or scanning). */
  const attachVideo = useCallback((video: HTMLVideoElement | null) => {
    videoRef.current = video
  }, [])

  return { state, scan, close, attachVideo }
}

export type QrScanner = ReturnType<typeof useQrScanner>

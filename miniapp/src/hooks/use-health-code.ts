// 粤康码 display: the code from the BFF (colour, reasons, a status credential bound to the device key), a QR text the
// device signs again every 30 s, a clock that ticks every second, and a fresh code when the credential or the
// evaluation runs out. The credential is re-issued only when the status changes, so asking again is cheap: the ask
// is conditional (If-None-Match with the credential held) and an unchanged status answers 304 with no body.
import { useEffect, useRef, useState } from 'react'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { ApiError, type ApiErrorCode, serverNow, unreachable } from '../services/client'
import { deviceKey, freshPresentation } from '../services/device-key'
import { type HealthCodeShown, type Holder, show } from '../services/health-code'
import { t } from '../i18n'
import { PAGES } from '../page-paths'
import { REFRESH_SECONDS } from './use-presentation'

/** Ask again this long before the credential expires, so a QR never carries a lapsing credential. */
export const EXPIRY_MARGIN_MS = 60_000
/** Never ask again sooner than this after an answer (an evaluation already past its validUntil must not loop). */
export const MIN_REFETCH_MS = 30_000
/** After a failed background refresh, while the credential still holds: try again this much later. */
export const RETRY_MS = 30_000

export interface Schedule {
  /** When the device signs the next QR (0: at once) */
  signAt: number
  /** When the code is asked for again */
  fetchAt: number
  /** When the credential stops verifying: no QR from it after this */
  expiresAt: number
}

/** The schedule after the BFF answered with `code` at `now`; the QR is signed again at once when the credential changed. */
export function scheduleFor(
  code: HealthCodeShown,
  now: number,
  previous?: { schedule: Schedule; credential: string },
): Schedule {
  const expiresAt = Date.parse(code.credentialExpiresAt)
  const due = Math.min(expiresAt - EXPIRY_MARGIN_MS, Date.parse(code.validUntil))
  const sameCredential = previous?.credential === code.credential
  return {
    signAt: sameCredential && previous ? previous.schedule.signAt : 0,
    fetchAt: Math.max(due, now + MIN_REFETCH_MS),
    expiresAt,
  }
}

export interface Step {
  /** Ask the BFF for the code again (the credential or the evaluation is running out) */
  fetch: boolean
  /** Sign a fresh QR now */
  sign: boolean
  /** The credential has expired: nothing may be shown from it */
  expired: boolean
  /** The schedule after this step (signAt moved on when signing) */
  schedule: Schedule
  /** Whole seconds until the next QR, as the countdown shows them (1…30) */
  secondsLeft: number
}

/** One tick of the clock: what to do at `now`, given the schedule; `fetching` holds back a second request. */
export function step(now: number, schedule: Schedule, fetching = false): Step {
  const expired = now >= schedule.expiresAt
  const sign = !expired && now >= schedule.signAt
  const next = sign ? { ...schedule, signAt: now + REFRESH_SECONDS * 1000 } : schedule
  return {
    fetch: !fetching && now >= schedule.fetchAt,
    sign,
    expired,
    schedule: next,
    secondsLeft: Math.min(REFRESH_SECONDS, Math.max(1, Math.ceil((next.signAt - now) / 1000))),
  }
}

export type HealthCodeState =
  | { status: 'loading' }
  | { status: 'ready'; code: HealthCodeShown; text: string; secondsLeft: number; now: number; offline: boolean }
  | { status: 'error'; code: ApiErrorCode; message: string }

const failure = (error: unknown): Extract<HealthCodeState, { status: 'error' }> =>
  error instanceof ApiError
    ? { status: 'error', code: error.code, message: error.message }
    : { status: 'error', code: 'BAD_RESPONSE', message: t('healthCode.failed') }

export function useHealthCode(holder: Holder) {
  const [state, setState] = useState<HealthCodeState>({ status: 'loading' })
  const [active, setActive] = useState(true)
  const [attempt, setAttempt] = useState(0)
  // The last code shown per holder: while its credential holds it is still shown when the BFF cannot be reached.
  const last = useRef<Map<Holder, HealthCodeShown>>(new Map())

  useDidShow(() => setActive(true))
  useDidHide(() => setActive(false))

  useEffect(() => {
    if (!active) return undefined
    let stopped = false
    let timer: ReturnType<typeof setInterval> | undefined
    setState((current) =>
      current.status === 'ready' && current.code.holder === holder ? current : { status: 'loading' },
    )

    async function start() {
      const key = await deviceKey()
      let offline = false
      let code: HealthCodeShown
      try {
        // Conditional: the code kept for this holder is answered 304 (and kept) while its credential is current.
        code = await show(holder, key.publicJwk, last.current.get(holder))
      } catch (error) {
        const kept = last.current.get(holder)
        if (!kept || !unreachable(error) || Date.parse(kept.credentialExpiresAt) <= serverNow()) throw error
        code = kept
        offline = true
      }
      last.current.set(holder, code)
      let schedule = scheduleFor(code, serverNow())
      if (offline) schedule = { ...schedule, fetchAt: serverNow() + RETRY_MS }
      let text = ''
      let fetching = false

      const refetch = () => {
        fetching = true
        show(holder, key.publicJwk, code)
          .then((fresh) => {
            schedule = scheduleFor(fresh, serverNow(), { schedule, credential: code.credential })
            code = fresh
            offline = false
            last.current.set(holder, fresh)
          })
          .catch(() => {
            // Keep showing the code while its credential holds; the tick turns an expired one into an error.
            schedule = { ...schedule, fetchAt: serverNow() + RETRY_MS }
          })
          .finally(() => {
            fetching = false
          })
      }

      const tick = async () => {
        const now = serverNow()
        const next = step(now, schedule, fetching)
        schedule = next.schedule
        if (next.fetch) refetch()
        if (next.expired) {
          if (!stopped && !fetching)
            setState(failure(new ApiError({ code: 'NETWORK_ERROR', message: t('common.networkError'), status: 0 })))
          return
        }
        if (next.sign) text = await freshPresentation(code.credential, key.privateKey, now)
        if (!stopped) setState({ status: 'ready', code, text, secondsLeft: next.secondsLeft, now, offline })
      }
      await tick()
      timer = setInterval(() => void tick(), 1000)
    }

    start().catch((error: unknown) => {
      if (!stopped) setState(failure(error))
    })
    return () => {
      stopped = true
      if (timer) clearInterval(timer)
    }
  }, [active, attempt, holder])

  return {
    state,
    /** Ask the BFF again now and sign a new QR (重试 / 立即刷新). */
    retry: () => {
      setState((current) => (current.status === 'error' ? { status: 'loading' } : current))
      setAttempt((n) => n + 1)
    },
  }
}

/** Back to the holder's code: the page below when it is the code, else the code page in place of this one. */
export function backToCode(holder: Holder): void {
  const pages = Taro.getCurrentPages()
  const below = pages[pages.length - 2]
  if (below && `/${(below.route ?? '').replace(/^\//, '')}`.startsWith(PAGES.healthCode)) void Taro.navigateBack()
  else void Taro.redirectTo({ url: `${PAGES.healthCode}?holder=${holder}` })
}

// 亮证: the device key, a credential kept for offline use until it expires, and a device-signed QR text every 30 s.
import { useEffect, useRef, useState } from 'react'
import type { DisclosureProfile } from '@ysx/shared'
import { useDidHide, useDidShow } from '@tarojs/taro'
import { ApiError, type ApiErrorCode, serverNow } from '../services/client'
import { keepCredential, storedCredential } from '../services/credential-store'
import { deviceKey, freshPresentation } from '../services/device-key'
import { type CredentialIssued, issueCredential } from '../services/wallet'
import { t } from '../i18n'
import { askForStepUp, takeStepUp } from './step-up'

export const REFRESH_SECONDS = 30

export type PresentationState =
  | { status: 'preparing' }
  | { status: 'ready'; issued: CredentialIssued; text: string; secondsLeft: number }
  | { status: 'error'; code: ApiErrorCode; message: string }

export function usePresentation(cardId: string, profile: DisclosureProfile) {
  const [state, setState] = useState<PresentationState>({ status: 'preparing' })
  const [active, setActive] = useState(true)
  const [attempt, setAttempt] = useState(0)
  const action = `present:${cardId}:${profile}`
  const redirect = useRef(true)

  useDidShow(() => {
    if (takeStepUp(action)) {
      redirect.current = false
      setAttempt((n) => n + 1)
    }
    setActive(true)
  })
  useDidHide(() => setActive(false))

  useEffect(() => {
    if (!active) return undefined
    let stopped = false
    let timer: ReturnType<typeof setInterval> | undefined
    async function start() {
      const key = await deviceKey()
      let issued = storedCredential(cardId, profile)
      if (!issued) {
        issued = await issueCredential(cardId, profile, key.publicJwk)
        keepCredential(cardId, issued)
      }
      const credential = issued
      let nextAt = 0
      let text = ''
      const tick = async () => {
        const now = serverNow()
        if (now >= nextAt) {
          text = await freshPresentation(credential.credential, key.privateKey, now)
          nextAt = now + REFRESH_SECONDS * 1000
        }
        if (!stopped)
          setState({
            status: 'ready',
            issued: credential,
            text,
            secondsLeft: Math.max(1, Math.ceil((nextAt - now) / 1000)),
          })
      }
      await tick()
      timer = setInterval(() => void tick(), 1000)
    }
    start().catch((error: unknown) => {
      if (stopped) return
      if (error instanceof ApiError && error.code === 'STEP_UP_REQUIRED' && redirect.current)
        return askForStepUp(action)
      if (error instanceof ApiError) return setState({ status: 'error', code: error.code, message: error.message })
      setState({ status: 'error', code: 'BAD_RESPONSE', message: t('present.failed') })
    })
    return () => {
      stopped = true
      if (timer) clearInterval(timer)
    }
  }, [active, attempt, cardId, profile, action])

  return {
    state,
    retry: () => {
      redirect.current = true
      setState({ status: 'preparing' })
      setAttempt((n) => n + 1)
    },
  }
}

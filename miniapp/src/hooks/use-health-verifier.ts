// 核验健康码 at an entrance: online first (signature, device, freshness, current status, one use); when the platform
// cannot be reached, offline with the cached JWKS (signature, device, freshness only). Only the colour and the time.
import { useEffect, useState } from 'react'
import type { HealthColour } from '@ysx/shared'
import { t } from '../i18n'
import { ApiError } from '../services/client'
import { verify as verifyOnline } from '../services/health-code'
import { type OfflineFailure, refreshKeys, verifyHealthCode, verifyWithCachedKeys } from '../services/verify-offline'

export type HealthVerifyState =
  | { status: 'idle' | 'verifying' }
  | { status: 'failed'; message: string }
  | { status: 'passed'; colour: HealthColour; presentedAt: number; mode: 'online' | 'offline' }

/** The platform did not answer (no network, or it is down): the cue to verify offline instead. */
export const unreachable = (error: unknown): boolean =>
  error instanceof ApiError && (error.code === 'NETWORK_ERROR' || error.status >= 500)

export function offlineMessage(code: OfflineFailure): string {
  return code === 'KEYS_UNAVAILABLE'
    ? t('healthCode.verify.keysUnavailable')
    : code === 'PRESENTATION_EXPIRED'
      ? t('healthCode.verify.expired')
      : t('healthCode.verify.invalid')
}

/** One verification: online, or offline when the platform cannot be reached. */
export async function verifyCode(
  code: string,
  nowMs?: number,
): Promise<Exclude<HealthVerifyState, { status: 'idle' | 'verifying' }>> {
  try {
    const online = await verifyOnline(code)
    return { status: 'passed', colour: online.colour, presentedAt: Date.parse(online.presentedAt), mode: 'online' }
  } catch (error) {
    if (!unreachable(error))
      return { status: 'failed', message: error instanceof ApiError ? error.message : t('common.badResponse') }
  }
  const offline = await verifyWithCachedKeys(code, nowMs, verifyHealthCode)
  return offline.ok
    ? { status: 'passed', colour: offline.colour, presentedAt: offline.presentedAt, mode: 'offline' }
    : { status: 'failed', message: offlineMessage(offline.code) }
}

export function useHealthVerifier() {
  const [input, setInput] = useState('')
  const [state, setState] = useState<HealthVerifyState>({ status: 'idle' })

  // Cache the keys while online, so a later check works with the network cut.
  useEffect(() => {
    void refreshKeys()
  }, [])

  async function verify(text = input) {
    const code = text.trim()
    if (!code) return setState({ status: 'failed', message: t('healthCode.verify.emptyInput') })
    setState({ status: 'verifying' })
    setState(await verifyCode(code))
  }

  return { input, setInput, state, verify: (text?: string) => void verify(text) }
}

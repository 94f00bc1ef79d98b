// 核验: offline first (cached JWKS, signatures, expiry, freshness), then online when the BFF answers (status, replay).
import { useEffect, useState } from 'react'
import type { Disclosed, DisclosureProfile } from '@ysx/shared'
import { ApiError } from '../services/client'
import { refreshKeys, verifyWithCachedKeys } from '../services/verify-offline'
import { verifyOnline } from '../services/wallet'
import { t } from '../i18n'

export type OnlineState =
  { status: 'idle' | 'pending' | 'passed' | 'unavailable' } | { status: 'failed'; message: string }

export type VerifierState =
  | { status: 'idle' }
  | { status: 'verifying' }
  | { status: 'failed'; message: string }
  | {
      status: 'passed'
      type: string
      profile: DisclosureProfile
      disclosed: Disclosed
      presentedAt: number
      online: OnlineState
    }

const offlineMessage = (code: 'PRESENTATION_INVALID' | 'PRESENTATION_EXPIRED' | 'KEYS_UNAVAILABLE') =>
  code === 'KEYS_UNAVAILABLE' ? t('verify.keysUnavailable') : t(`errors.${code}`)

export function useVerifier() {
  const [input, setInput] = useState('')
  const [state, setState] = useState<VerifierState>({ status: 'idle' })

  // Cache the keys while online, so a later check works with the network cut.
  useEffect(() => {
    void refreshKeys()
  }, [])

  async function verify(text = input) {
    const presentation = text.trim()
    if (!presentation) return setState({ status: 'failed', message: t('verify.emptyInput') })
    setState({ status: 'verifying' })
    const offline = await verifyWithCachedKeys(presentation)
    if (!offline.ok) return setState({ status: 'failed', message: offlineMessage(offline.code) })
    const passed = {
      status: 'passed',
      type: offline.type,
      profile: offline.profile,
      disclosed: offline.disclosed,
      presentedAt: offline.presentedAt,
    } as const
    setState({ ...passed, online: { status: 'pending' } })
    let online: OnlineState
    try {
      await verifyOnline(presentation)
      online = { status: 'passed' }
    } catch (error) {
      online =
        error instanceof ApiError && error.status > 0 && error.status < 500
          ? { status: 'failed', message: error.message }
          : { status: 'unavailable' }
    }
    setState({ ...passed, online })
  }

  return { input, setInput, state, verify: (text?: string) => void verify(text) }
}

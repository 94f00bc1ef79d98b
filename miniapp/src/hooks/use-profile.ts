// 我的: the masked profile, reloaded whenever the page shows; the step-up-guarded ID-number reveal; logout.
import { useState } from 'react'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import type { Profile } from '@ysx/shared'
import { PAGES } from '../page-paths'
import * as auth from '../services/auth'
import { ApiError } from '../services/client'

export type ProfileStatus = 'loading' | 'anonymous' | 'ready'

/**
 * Set when a reveal needed a fresh face verification and the citizen went to do it: the last verification time
 * seen then. Coming back with a newer one means it succeeded, so the reveal is retried once, without redirecting.
 */
let pendingReveal: { lastFaceVerifiedAt: string | null } | null = null

export function useProfile() {
  const [status, setStatus] = useState<ProfileStatus>(() => (auth.hasSession() ? 'loading' : 'anonymous'))
  const [profile, setProfile] = useState<Profile | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [fullIdNumber, setFullIdNumber] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  function signedOut(message: string | null) {
    setProfile(null)
    setFullIdNumber(null)
    setStatus('anonymous')
    setFailure(message)
  }

  async function reveal(redirectForStepUp = true) {
    setBusy(true)
    setFailure(null)
    try {
      setFullIdNumber(await auth.revealIdNumber())
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      if (error.code === 'AUTH_REQUIRED') return signedOut(error.message)
      if (error.code === 'STEP_UP_REQUIRED' && redirectForStepUp && profile) {
        pendingReveal = { lastFaceVerifiedAt: profile.lastFaceVerifiedAt }
        void Taro.navigateTo({ url: `${PAGES.face}?purpose=step-up` })
        return
      }
      setFailure(error.message)
    } finally {
      setBusy(false)
    }
  }

  async function load() {
    if (!auth.hasSession()) return signedOut(null)
    try {
      const loaded = await auth.me()
      setProfile(loaded)
      setStatus('ready')
      setFailure(null)
      const pending = pendingReveal
      pendingReveal = null
      if (pending && loaded.lastFaceVerifiedAt !== pending.lastFaceVerifiedAt) await reveal(false)
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      if (error.code === 'AUTH_REQUIRED') return signedOut(error.message)
      setFailure(error.message)
    }
  }

  async function logout() {
    setBusy(true)
    try {
      await auth.logout()
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
    } finally {
      setBusy(false)
      signedOut(null)
    }
  }

  useDidShow(() => void load())
  // The full number is shown only while the citizen looks at it.
  useDidHide(() => setFullIdNumber(null))

  return {
    status,
    profile,
    failure,
    fullIdNumber,
    busy,
    reveal: () => void reveal(),
    hideIdNumber: () => setFullIdNumber(null),
    logout: () => void logout(),
  }
}

// The one 核验 policy, for 核验证照 and 核验健康码 alike: online first (signatures, device, freshness, the current
// status, one use). Only when the platform cannot be reached is the code checked offline with the cached keys, and
// the result is then labelled offline. When the online check refuses, the refusal alone is shown: nothing about
// the holder.
import { useEffect, useState } from 'react'
import type { CodeField } from '../components/code-input'
import { t } from '../i18n'
import { ApiError, unreachable } from '../services/client'
import { type CodeCheck, type OfflineFailure, refreshKeys, verifyWithCachedKeys } from '../services/verify-offline'

export type VerifyMode = 'online' | 'offline'
export type Verdict<R> =
  | {
      status: 'passed'
      mode: VerifyMode
      result: R
      /** Offline only: minutes since the platform signed the credential (its colour or status may have changed) */
      credentialAgeMinutes?: number
    }
  | { status: 'failed'; mode: VerifyMode; message: string }
export type VerifierState<R> = { status: 'idle' | 'verifying' } | Verdict<R>

export interface CodeVerifier<R, C> {
  /** The platform's verification; throws ApiError when it refuses or cannot be reached */
  online: (code: string) => Promise<R>
  /** The shared offline check for this kind of code, and what a passing one shows */
  offline: CodeCheck<C>
  fromOffline: (claims: C, issuedAtSeconds: number) => R
  /** When the platform signed the credential (seconds), if it says */
  signedAt?: (claims: C) => number | undefined
  /** The message for an offline failure */
  offlineMessage: (failure: OfflineFailure) => string
}

/** One verification under the policy. */
export async function verifyOnlineFirst<R, C>(
  code: string,
  v: CodeVerifier<R, C>,
  nowMs?: number,
): Promise<Verdict<R>> {
  try {
    return { status: 'passed', mode: 'online', result: await v.online(code) }
  } catch (error) {
    if (!unreachable(error)) {
      return {
        status: 'failed',
        mode: 'online',
        message: error instanceof ApiError ? error.message : t('common.badResponse'),
      }
    }
  }
  const at = nowMs ?? Date.now()
  const offline = await verifyWithCachedKeys(code, v.offline, at)
  if (!offline.ok) return { status: 'failed', mode: 'offline', message: v.offlineMessage(offline.failure) }
  const signedAt = v.signedAt?.(offline.claims)
  return {
    status: 'passed',
    mode: 'offline',
    result: v.fromOffline(offline.claims, offline.issuedAt),
    ...(signedAt === undefined
      ? {}
      : { credentialAgeMinutes: Math.max(0, Math.floor((at - signedAt * 1000) / 60_000)) }),
  }
}

/** A verifier page's state: the pasted or scanned text, and the verdict on it. */
export function useCodeVerifier<R, C>(verifier: CodeVerifier<R, C>, emptyMessage: string) {
  const [input, setInput] = useState('')
  const [state, setState] = useState<VerifierState<R>>({ status: 'idle' })

  // Cache the keys while online, so a later check works with the network cut.
  useEffect(() => {
    void refreshKeys()
  }, [])

  async function verify(text = input) {
    const code = text.trim()
    if (!code) return setState({ status: 'failed', mode: 'online', message: emptyMessage })
    setState({ status: 'verifying' })
    setState(await verifyOnlineFirst(code, verifier))
  }

  const field: CodeField = {
    value: input,
    busy: state.status === 'verifying',
    onInput: setInput,
    onSubmit: (text?: string) => void verify(text),
  }
  return { state, field }
}

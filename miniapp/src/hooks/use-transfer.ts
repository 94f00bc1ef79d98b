// 粤澳转码: the consent tick (required before anything is sent), then the transfer payload or the BFF's error.
import { useState } from 'react'
import { t } from '../i18n'
import { ApiError, type ApiErrorCode } from '../services/client'
import { type Holder, type Transfer, transfer } from '../services/health-code'

export type TransferState =
  | { status: 'idle' | 'submitting' }
  | { status: 'done'; transfer: Transfer }
  | { status: 'failed'; code: ApiErrorCode; message: string }

export function useTransfer(holder: Holder) {
  const [consent, setConsent] = useState(false)
  const [missingConsent, setMissingConsent] = useState(false)
  const [state, setState] = useState<TransferState>({ status: 'idle' })

  async function submit() {
    setMissingConsent(!consent)
    if (!consent) return
    setState({ status: 'submitting' })
    try {
      setState({ status: 'done', transfer: await transfer(holder) })
    } catch (error) {
      setState(
        error instanceof ApiError
          ? { status: 'failed', code: error.code, message: error.message }
          : { status: 'failed', code: 'BAD_RESPONSE', message: t('common.badResponse') },
      )
    }
  }

  return {
    consent,
    setConsent: (checked: boolean) => {
      setConsent(checked)
      if (checked) setMissingConsent(false)
    },
    missingConsent,
    state,
    submitting: state.status === 'submitting',
    submit: () => void submit(),
  }
}

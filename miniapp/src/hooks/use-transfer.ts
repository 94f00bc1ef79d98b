// 粤澳转码: the consent tick (required before anything is sent), then the transfer payload or the BFF's error. It signs
// a full name, so it needs a fresh face check: the face page opens, and the transfer is asked again on the way back.
import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { t } from '../i18n'
import { ApiError, type ApiErrorCode } from '../services/client'
import { type Holder, type Transfer, transfer } from '../services/health-code'
import { askForStepUp, takeStepUp } from './step-up'

const STEP_UP_ACTION = 'health-code.transfer'

export type TransferState =
  | { status: 'idle' | 'submitting' }
  | { status: 'done'; transfer: Transfer }
  | { status: 'failed'; code: ApiErrorCode; message: string }

export function useTransfer(holder: Holder) {
  const [consent, setConsent] = useState(false)
  const [missingConsent, setMissingConsent] = useState(false)
  const [state, setState] = useState<TransferState>({ status: 'idle' })

  async function submit(redirectForStepUp = true) {
    setMissingConsent(!consent)
    if (!consent) return
    setState({ status: 'submitting' })
    try {
      setState({ status: 'done', transfer: await transfer(holder) })
    } catch (error) {
      if (error instanceof ApiError && error.code === 'STEP_UP_REQUIRED' && redirectForStepUp) {
        setState({ status: 'idle' })
        return askForStepUp(STEP_UP_ACTION)
      }
      setState(
        error instanceof ApiError
          ? { status: 'failed', code: error.code, message: error.message }
          : { status: 'failed', code: 'BAD_RESPONSE', message: t('common.badResponse') },
      )
    }
  }

  useDidShow(() => {
    if (takeStepUp(STEP_UP_ACTION)) void submit(false)
  })

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

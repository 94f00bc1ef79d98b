// 扫码签到: the venue code (scanned, pasted, or from the link that opened the page) is sent; the venue and the colour
// after the check-in are shown, and the recent check-ins reloaded.
import { useState } from 'react'
import type { CodeField } from '../components/code-input'
import { t } from '../i18n'
import { ApiError, type ApiErrorCode } from '../services/client'
import { type CheckInDone, checkIn, checkIns, type Holder } from '../services/health-code'
import { venueCodeFrom } from '../venue-link'
import { useQuery } from './use-query'

export type CheckInState =
  | { status: 'idle' }
  | { status: 'submitting' }
  | { status: 'done'; result: CheckInDone }
  | { status: 'failed'; code: ApiErrorCode; message: string }

export function useCheckIn(holder: Holder) {
  const [input, setInput] = useState('')
  const [state, setState] = useState<CheckInState>({ status: 'idle' })
  const recent = useQuery(() => checkIns(holder), { isEmpty: (d) => d.checkIns.length === 0 })

  async function submit(text = input) {
    const venueCode = venueCodeFrom(text)
    if (!venueCode)
      return setState({ status: 'failed', code: 'VALIDATION_FAILED', message: t('healthCode.checkIn.emptyInput') })
    setState({ status: 'submitting' })
    try {
      setState({ status: 'done', result: await checkIn(holder, venueCode) })
      recent.reload()
    } catch (error) {
      if (error instanceof ApiError) setState({ status: 'failed', code: error.code, message: error.message })
      else setState({ status: 'failed', code: 'BAD_RESPONSE', message: t('common.badResponse') })
    }
  }

  const field: CodeField = {
    value: input,
    busy: state.status === 'submitting',
    onInput: setInput,
    onSubmit: (text?: string) => void submit(text),
  }
  return { state, recent, field, retry: () => void submit() }
}

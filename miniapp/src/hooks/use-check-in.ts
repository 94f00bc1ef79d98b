// 扫码签到: the venue code (scanned, pasted, or from the link that opened the page) is first shown as the venue it
// names — its name and area — and only the citizen's 确认登记 writes the check-in; 取消 writes nothing. A link
// someone sent, or a QR stuck over the venue's own, therefore cannot check a citizen in at a place they are not.
// Afterwards the venue and the colour after the check-in are shown, and the recent check-ins reloaded.
import { useState } from 'react'
import type { CodeField } from '../components/code-input'
import { t } from '../i18n'
import { ApiError, type ApiErrorCode } from '../services/client'
import {
  type CheckInDone,
  checkIn,
  checkIns,
  type Holder,
  previewVenue,
  type VenuePreview,
} from '../services/health-code'
import { venueCodeFrom } from '../venue-link'
import { useQuery } from './use-query'

export type CheckInState =
  | { status: 'idle' }
  | { status: 'opening' }
  | { status: 'confirming'; venueCode: string; venue: VenuePreview }
  | { status: 'submitting'; venueCode: string; venue: VenuePreview }
  | { status: 'done'; result: CheckInDone }
  | { status: 'failed'; code: ApiErrorCode; message: string }

/** The calls the flow makes, passed in so that the flow can be followed without a network. */
export interface CheckInCalls {
  preview: (venueCode: string) => Promise<VenuePreview>
  checkIn: (holder: Holder, venueCode: string) => Promise<CheckInDone>
}

const failed = (error: unknown): CheckInState =>
  error instanceof ApiError
    ? { status: 'failed', code: error.code, message: error.message }
    : { status: 'failed', code: 'BAD_RESPONSE', message: t('common.badResponse') }

/** A scanned, pasted or linked code → the venue it names, to confirm. Never checks in. */
export async function openVenue(text: string, calls: Pick<CheckInCalls, 'preview'>): Promise<CheckInState> {
  const venueCode = venueCodeFrom(text)
  if (!venueCode) return { status: 'failed', code: 'VALIDATION_FAILED', message: t('healthCode.checkIn.emptyInput') }
  try {
    return { status: 'confirming', venueCode, venue: await calls.preview(venueCode) }
  } catch (error) {
    return failed(error)
  }
}

/** 确认登记: the check-in, for the venue the citizen was shown. */
export async function confirmCheckIn(
  state: CheckInState,
  holder: Holder,
  calls: Pick<CheckInCalls, 'checkIn'>,
): Promise<CheckInState> {
  if (state.status !== 'confirming') return state
  try {
    return { status: 'done', result: await calls.checkIn(holder, state.venueCode) }
  } catch (error) {
    return failed(error)
  }
}

const CALLS: CheckInCalls = { preview: previewVenue, checkIn }

export function useCheckIn(holder: Holder) {
  const [input, setInput] = useState('')
  const [state, setState] = useState<CheckInState>({ status: 'idle' })
  const recent = useQuery(() => checkIns(holder), { isEmpty: (d) => d.checkIns.length === 0 })

  async function open(text = input) {
    setState({ status: 'opening' })
    setState(await openVenue(text, CALLS))
  }

  async function confirm() {
    if (state.status !== 'confirming') return
    setState({ ...state, status: 'submitting' })
    const next = await confirmCheckIn(state, holder, CALLS)
    setState(next)
    if (next.status === 'done') recent.reload()
  }

  const field: CodeField = {
    value: input,
    busy: state.status === 'opening',
    onInput: setInput,
    onSubmit: (text?: string) => void open(text),
  }
  return {
    state,
    recent,
    field,
    confirm: () => void confirm(),
    /** 取消: back to the code box, nothing written */
    cancel: () => setState({ status: 'idle' }),
    retry: () => void open(),
  }
}

// Loads one thing for a page: loading, empty, ready or failed (with the error's code, for retry or a login prompt).
import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { ApiError, type ApiErrorCode } from '../services/client'
import { t } from '../i18n'

export type QueryState<T> =
  | { status: 'loading' }
  | { status: 'empty' }
  | { status: 'ready'; data: NonNullable<T> }
  | { status: 'error'; code: ApiErrorCode; message: string }

/** What a finished load turns into: an ApiError keeps its code and message; anything else is a bad response. */
export function settle<T>(
  outcome: { ok: true; data: T } | { ok: false; error: unknown },
  isEmpty: (data: NonNullable<T>) => boolean = () => false,
): QueryState<T> {
  if (outcome.ok) {
    const { data } = outcome
    return data === null || data === undefined || isEmpty(data) ? { status: 'empty' } : { status: 'ready', data }
  }
  const { error } = outcome
  if (error instanceof ApiError) return { status: 'error', code: error.code, message: error.message }
  return { status: 'error', code: 'BAD_RESPONSE', message: t('common.badResponse') }
}

/** What a page gets from useQuery: the state, whether a reload is running, and reload. */
export interface Query<T> {
  state: QueryState<T>
  refreshing: boolean
  reload: () => void
}

export interface QueryOptions<T> {
  /** Whether a loaded value counts as "nothing to show" besides null, which always does */
  isEmpty?: (data: NonNullable<T>) => boolean
  /** Load again each time the page shows (tab pages, where the session may have changed meanwhile) */
  onShow?: boolean
}

const never = () => false

/**
 * Runs `load` on mount (or on every show) and on reload(). What was loaded stays on screen while a reload runs
 * (`refreshing`), so a retry does not blank the page; only the latest load's result is kept.
 */
export function useQuery<T>(load: () => Promise<T>, options: QueryOptions<T> = {}): Query<T> {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' })
  const [refreshing, setRefreshing] = useState(false)
  const latest = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load
  const isEmpty = options.isEmpty ?? never
  const isEmptyRef = useRef(isEmpty)
  isEmptyRef.current = isEmpty

  const reload = useCallback(async () => {
    const run = ++latest.current
    setRefreshing(true)
    setState((current) =>
      current.status === 'error' || current.status === 'loading' ? { status: 'loading' } : current,
    )
    let next: QueryState<T>
    try {
      next = settle({ ok: true, data: await loadRef.current() }, isEmptyRef.current)
    } catch (error) {
      next = settle({ ok: false, error }, isEmptyRef.current)
    }
    if (run !== latest.current) return
    setState(next)
    setRefreshing(false)
  }, [])

  useEffect(() => {
    if (!options.onShow) void reload()
  }, [options.onShow, reload])
  useDidShow(() => {
    if (options.onShow) void reload()
  })

  return { state, refreshing, reload: () => void reload() }
}

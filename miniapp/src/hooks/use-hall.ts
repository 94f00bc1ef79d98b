// 服务大厅's loads: a search (or a life event's or department's list) page by page, the city's hot services, a guide
// with its 收藏 switch, and the signed-in citizen's favourites and recent services.
import { useCallback, useState } from 'react'
import { hasSession } from '../services/auth'
import { ApiError } from '../services/client'
import * as hall from '../services/hall'
import { useQuery } from './use-query'

/** The first page of a search, and 加载更多 for the next ones (appended). */
export function useServiceSearch(filter: Omit<hall.SearchInput, 'page'>) {
  const key = JSON.stringify(filter)
  const [more, setMore] = useState<{ key: string; items: hall.ServiceItem[]; page: number }>({
    key,
    items: [],
    page: 1,
  })
  const query = useQuery(() => hall.search({ ...filter, page: 1 }), { isEmpty: (l) => l.total === 0 })
  const extra = more.key === key ? more : { key, items: [], page: 1 }
  const [loadingMore, setLoadingMore] = useState(false)
  const loadMore = useCallback(async () => {
    setLoadingMore(true)
    try {
      const next = await hall.search({ ...filter, page: extra.page + 1 })
      setMore({ key, items: [...extra.items, ...next.items], page: extra.page + 1 })
    } finally {
      setLoadingMore(false)
    }
    // `key` stands for `filter`
  }, [key, extra])
  return { query, extra: extra.items, loadingMore, loadMore }
}

export const useHotServices = (city: string) => useQuery(() => hall.hot(city), { isEmpty: (l) => l.items.length === 0 })

/** The guide, and whether the citizen has it among their favourites (null: signed out), switched by toggle. */
export function useGuide(code: string) {
  const query = useQuery(() => hall.guide(code))
  const [favourite, setFavourite] = useState<boolean | null | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const shown = favourite === undefined && query.state.status === 'ready' ? query.state.data.favourite : favourite
  const toggle = async () => {
    setBusy(true)
    setError(null)
    try {
      if (shown) await hall.removeFavourite(code)
      else await hall.addFavourite(code)
      setFavourite(!shown)
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }
  return { query, favourite: shown ?? null, busy, error, toggle }
}

export const useFavouriteServices = () => useQuery(hall.favourites, { onShow: true })
export const useRecentServices = () => useQuery(hall.recent, { onShow: true })

/** The city the lists show (remembered on this device), and choosing another. */
export function useCity(): [string, (city: string) => void] {
  const [city, setCity] = useState(hall.storedCity)
  return [
    city,
    (next) => {
      hall.storeCity(next)
      setCity(next)
    },
  ]
}

/** Whether a citizen is signed in on this device (我的服务 asks them to sign in otherwise). */
export const useSignedIn = (): boolean => useState(hasSession)[0]

// 我的数据使用记录: the first page through useQuery, further pages appended with 加载更多 (paged by nextBefore).
import { useEffect, useState } from 'react'
import type { DataAccessRecord } from '@ysx/shared'
import { ApiError } from '../services/client'
import { dataAccess, type DataAccessPage } from '../services/queries'
import { t } from '../i18n'
import { useQuery } from './use-query'

export const PAGE_SIZE = 20

/** A page's records not already shown (a record made at the page boundary's instant may come twice). */
export function unseen(shown: DataAccessRecord[], page: DataAccessPage): DataAccessRecord[] {
  const seen = new Set(shown.map((r) => r.id))
  return page.records.filter((r) => !seen.has(r.id))
}

export function useDataAccess() {
  const first = useQuery(() => dataAccess({ limit: PAGE_SIZE }), { isEmpty: (page) => page.records.length === 0 })
  const [later, setLater] = useState<{ records: DataAccessRecord[]; nextBefore: string | null } | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreFailure, setMoreFailure] = useState<string | null>(null)

  // A fresh first page starts the list over.
  const firstPage = first.state.status === 'ready' ? first.state.data : null
  useEffect(() => {
    setLater(null)
    setMoreFailure(null)
  }, [firstPage])

  const records = [...(firstPage?.records ?? []), ...(later?.records ?? [])]
  const nextBefore = later ? later.nextBefore : (firstPage?.nextBefore ?? null)

  async function loadMore() {
    if (!nextBefore || loadingMore) return
    setLoadingMore(true)
    setMoreFailure(null)
    try {
      const page = await dataAccess({ limit: PAGE_SIZE, before: nextBefore })
      setLater({ records: [...(later?.records ?? []), ...unseen(records, page)], nextBefore: page.nextBefore })
    } catch (error) {
      setMoreFailure(error instanceof ApiError ? error.message : t('common.badResponse'))
    } finally {
      setLoadingMore(false)
    }
  }

  return { first, records, hasMore: nextBefore !== null, loadingMore, moreFailure, loadMore: () => void loadMore() }
}

// The three states every query page shares — a skeleton while loading, an empty notice, an error with 重试 — then the data;
// a page that is one query (医保, 公积金, 交通违法, 证照详情); and the card listing a query's records (我的亲友, 我的场所码,
// 最近签到, 我的申诉).
import type { ReactNode } from 'react'
import { Image, View } from '@tarojs/components'
import { Empty, Skeleton } from '@nutui/nutui-react-taro'
import emptyImage from '../assets/empty-wallet.png'
import type { Query } from '../hooks/use-query'
import { ErrorBlock } from './error-block'
import './query-view.scss'
import { careClass } from '../hooks/use-care-mode'

interface QueryViewProps<T> {
  /** A useQuery result: its state is drawn, its reload is 重试 */
  query: Query<T>
  empty: string
  rows?: number
  children: (data: NonNullable<T>) => ReactNode
}

export function EmptyNotice({ text }: { text: string }) {
  return (
    <Empty
      className="ysx-empty"
      size="small"
      image={<Image className="ysx-empty__image" src={emptyImage} mode="aspectFit" aria-hidden />}
      description={text}
    />
  )
}

export function QueryView<T>({ query, empty, rows = 4, children }: QueryViewProps<T>) {
  const { state } = query
  switch (state.status) {
    case 'loading':
      return (
        <View className="ysx-card ysx-query__skeleton">
          <Skeleton rows={rows} animated />
        </View>
      )
    case 'empty':
      return (
        <View className="ysx-card">
          <EmptyNotice text={empty} />
        </View>
      )
    case 'error':
      return (
        <View className="ysx-card">
          <ErrorBlock code={state.code} message={state.message} onRetry={query.reload} busy={query.refreshing} />
        </View>
      )
    case 'ready':
      return <>{children(state.data)}</>
  }
}

interface QueryListProps<T, R> {
  /** The page's BEM block: the card is `${block}__list` */
  block: string
  query: Query<T>
  /** The records to list, from what the query loaded */
  items: (data: NonNullable<T>) => R[]
  empty: string
  /** One record's row (with its key) */
  children: (item: R) => ReactNode
}

/** One card with a row per record; while loading, empty or failed, QueryView's states (three skeleton rows). */
export function QueryList<T, R>({ block, query, items, empty, children }: QueryListProps<T, R>) {
  return (
    <QueryView query={query} empty={empty} rows={3}>
      {(data) => <View className={`ysx-card ${block}__list`}>{items(data).map((item) => children(item))}</View>}
    </QueryView>
  )
}

/** A query page (`ysx-page ysx-query` and the page's block) that shows one query. */
export function QueryPage<T>({ block, ...view }: QueryViewProps<T> & { block: string }) {
  return (
    <View className={`ysx-page ysx-query ${block} ${careClass()}`}>
      <QueryView {...view} />
    </View>
  )
}

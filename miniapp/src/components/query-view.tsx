// The three states every query page shares — a skeleton while loading, an empty notice, an error with 重试 — then the data.
import type { ReactNode } from 'react'
import { Image, View } from '@tarojs/components'
import { Empty, Skeleton } from '@nutui/nutui-react-taro'
import emptyImage from '../assets/empty-wallet.png'
import type { Query } from '../hooks/use-query'
import { ErrorBlock } from './error-block'
import './query-view.scss'

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
      image={<Image className="ysx-empty__image" src={emptyImage} mode="aspectFit" />}
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

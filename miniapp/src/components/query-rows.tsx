// Small building blocks of the query pages: a labelled row and a list item with title, amount and meta lines.
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './query-page.scss'

export function Row({ label, value }: { label: string; value: ReactNode }) {
  return (
    <View className="ysx-query__row">
      <Text className="ysx-query__row-label">{label}</Text>
      <Text>{value}</Text>
    </View>
  )
}

interface ItemProps {
  title: ReactNode
  /** Right-hand side of the first line: an amount, a tag or a button */
  side?: ReactNode
  meta?: Array<string | null>
  className?: string
  /** The page's own class on the title, beside ysx-query__item-title */
  titleClassName?: string
  /** data-* attributes of the item (e.g. which record it is) */
  data?: Record<`data-${string}`, string>
  /** Below the meta lines: the item's actions or what it opens */
  children?: ReactNode
}

export function Item({ title, side, meta = [], className = '', titleClassName, data, children }: ItemProps) {
  return (
    <View className={`ysx-query__item ${className}`} {...data}>
      <View className="ysx-query__item-head">
        <Text className={titleClassName ? `ysx-query__item-title ${titleClassName}` : 'ysx-query__item-title'}>
          {title}
        </Text>
        {side}
      </View>
      {meta
        .filter((line): line is string => !!line)
        .map((line) => (
          <Text key={line} className="ysx-query__meta">
            {line}
          </Text>
        ))}
      {children}
    </View>
  )
}

export function Amount({ children, tone }: { children: string; tone?: 'in' | 'out' }) {
  return <Text className={`ysx-query__amount${tone ? ` ysx-query__amount--${tone}` : ''}`}>{children}</Text>
}

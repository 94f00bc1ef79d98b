// The card at the top of a service page saying what the page does (意见反馈, 代亲友, 申诉纠错, 我的数据使用记录, …).
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'

export function IntroCard({ className, children }: { className: string; children: ReactNode }) {
  return (
    <View className="ysx-card">
      <Text className={className}>{children}</Text>
    </View>
  )
}

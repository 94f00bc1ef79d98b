// The blue header band at the top of a page: a title, an optional subtitle and optional extra content.
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './page-header.scss'

interface PageHeaderProps {
  title: string
  subtitle?: string
  children?: ReactNode
}

export function PageHeader({ title, subtitle, children }: PageHeaderProps) {
  return (
    <View className="page-header">
      <Text className="page-header__title">{title}</Text>
      {subtitle ? <Text className="page-header__subtitle">{subtitle}</Text> : null}
      {children}
    </View>
  )
}

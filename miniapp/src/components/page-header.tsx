// The blue header band at the top of a page: a title, an optional subtitle and optional extra content; in a
// development build (login through the WeChat stand-in) an orange 开发环境 badge, so it is never taken for the real app.
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { t } from '../i18n'
import { isDevBuild } from '../platform'
import './page-header.scss'

interface PageHeaderProps {
  title: string
  subtitle?: string
  children?: ReactNode
}

export function PageHeader({ title, subtitle, children }: PageHeaderProps) {
  return (
    <View className="page-header">
      {isDevBuild() ? <Text className="page-header__dev-build">{t('app.devBuild')}</Text> : null}
      <Text className="page-header__title">{title}</Text>
      {subtitle ? <Text className="page-header__subtitle">{subtitle}</Text> : null}
      {children}
    </View>
  )
}

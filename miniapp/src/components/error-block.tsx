// A failure the citizen can act on: the message and a 重试 button (or 去登录 / 去实名认证 when that is the cure).
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { ApiErrorCode } from '../services/client'
import { useT } from '../i18n'
import { PAGES } from '../page-paths'
import './error-block.scss'

interface ErrorBlockProps {
  code: ApiErrorCode
  message: string
  onRetry: () => void
  busy?: boolean
  compact?: boolean
}

export function ErrorBlock({ code, message, onRetry, busy = false, compact = false }: ErrorBlockProps) {
  const t = useT()
  const action =
    code === 'AUTH_REQUIRED'
      ? { label: t('home.signIn'), run: () => void Taro.navigateTo({ url: PAGES.login }) }
      : code === 'REAL_NAME_REQUIRED'
        ? { label: t('home.verify'), run: () => void Taro.navigateTo({ url: PAGES.face }) }
        : { label: t('common.retry'), run: onRetry }
  return (
    <View className={`ysx-error${compact ? ' ysx-error--compact' : ''}`}>
      <Text className="ysx-error__message">{message}</Text>
      <Button
        className="ysx-error__retry"
        size="small"
        fill="outline"
        type="primary"
        loading={busy}
        disabled={busy}
        onClick={action.run}
      >
        {action.label}
      </Button>
    </View>
  )
}

// 我的: the login card (login comes later) and the entries to 意见反馈 and the settings to come.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Cell, Toast } from '@nutui/nutui-react-taro'
import { useT } from '../../i18n'
import './index.scss'

const TOAST_ID = 'me-toast'

export default function Me() {
  const t = useT()
  const comingSoon = () => Toast.show(TOAST_ID, { content: t('services.comingSoon') })
  const openFeedback = () => void Taro.navigateTo({ url: '/pages/feedback/index' })

  return (
    <View className='ysx-page page-me'>
      <View className='page-me__band'>
        <View className='page-me__avatar'>
          <Text className='page-me__avatar-glyph'>{t('app.name').slice(0, 1)}</Text>
        </View>
        <View className='page-me__who'>
          <Text className='page-me__name'>{t('me.notLoggedIn')}</Text>
          <Text className='page-me__hint'>{t('me.loginHint')}</Text>
        </View>
      </View>
      <View className='ysx-card page-me__login'>
        <Button type='primary' block size='large' onClick={comingSoon}>
          {t('me.login')}
        </Button>
      </View>
      <Cell.Group className='page-me__entries'>
        <Cell title={t('me.feedback')} extra='›' clickable onClick={openFeedback} />
        <Cell title={t('me.elderMode')} extra='›' clickable onClick={comingSoon} />
        <Cell title={t('me.language')} extra='›' clickable onClick={comingSoon} />
        <Cell title={t('me.about')} extra='›' clickable onClick={comingSoon} />
      </Cell.Group>
      <Toast id={TOAST_ID} />
    </View>
  )
}

// 个人信息与隐私: 下载我的数据 (a JSON copy of everything the platform holds about me) and 注销账号, with what closing
// means spelled out before the confirmation. Both ask for a fresh face verification first.
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { IntroCard } from '../../../components/intro-card'
import { usePrivacy } from '../../../hooks/use-privacy'
import { useT } from '../../../i18n'
import { usePageTitle } from '../../../i18n/shell'
import './index.scss'
import { careClass } from '../../../hooks/use-care-mode'

const CONSEQUENCES = ['deleted', 'familyOf', 'sessions', 'audit', 'venues', 'again'] as const

export default function Privacy() {
  usePageTitle('privacy.title')
  const t = useT()
  const privacy = usePrivacy()
  return (
    <View className={`ysx-page page-privacy ${careClass()}`}>
      <IntroCard className="page-privacy__intro">{t('privacy.intro')}</IntroCard>

      <View className="ysx-card page-privacy__section">
        <Text className="ysx-card__title">{t('privacy.downloadTitle')}</Text>
        <Text className="page-privacy__text">{t('privacy.downloadIntro')}</Text>
        <Button
          className="page-privacy__download"
          type="primary"
          block
          size="large"
          loading={privacy.busy === 'download'}
          disabled={privacy.busy !== null}
          onClick={privacy.download}
        >
          {privacy.busy === 'download' ? t('privacy.downloading') : t('privacy.download')}
        </Button>
      </View>

      <View className="ysx-card page-privacy__section">
        <Text className="ysx-card__title">{t('privacy.closeTitle')}</Text>
        <Text className="page-privacy__text">{t('privacy.closeIntro')}</Text>
        <View className="page-privacy__consequences">
          {CONSEQUENCES.map((key) => (
            <Text key={key} className="page-privacy__consequence">
              {t(`privacy.consequences.${key}`)}
            </Text>
          ))}
        </View>
        <Text className="page-privacy__hint">{t('privacy.downloadFirst')}</Text>
        <Button
          className="page-privacy__close"
          type="danger"
          fill="outline"
          block
          size="large"
          loading={privacy.busy === 'close'}
          disabled={privacy.busy !== null}
          onClick={privacy.close}
        >
          {privacy.busy === 'close' ? t('privacy.closing') : t('privacy.close')}
        </Button>
      </View>

      {privacy.notice ? <Text className="page-privacy__notice">{privacy.notice}</Text> : null}
      {privacy.failure ? <Text className="page-privacy__failure">{privacy.failure}</Text> : null}
    </View>
  )
}

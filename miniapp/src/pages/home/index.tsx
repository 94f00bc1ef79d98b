// 首页: app name and slogan on the blue band, the common-service grid and the synthetic-data notice.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Grid, Toast } from '@nutui/nutui-react-taro'
import { EntryBadge } from '../../components/entry-badge'
import { PageHeader } from '../../components/page-header'
import { type TranslationKey, useT } from '../../i18n'
import './index.scss'

const TOAST_ID = 'home-toast'

const QUICK_ENTRIES: TranslationKey[] = [
  'home.healthCode',
  'home.socialSecurity',
  'home.medicalInsurance',
  'home.housingFund',
  'home.trafficViolations',
]
// The last cell leads to the 服务 tab.
const ALL_SERVICES: TranslationKey = 'services.title'

export default function Home() {
  const t = useT()
  const open = (index: number) => {
    if (index === QUICK_ENTRIES.length) void Taro.switchTab({ url: '/pages/services/index' })
    else Toast.show(TOAST_ID, { content: t('services.comingSoon') })
  }

  return (
    <View className='ysx-page page-home'>
      <PageHeader title={t('app.name')} subtitle={t('app.slogan')}>
        <Text className='page-home__greeting'>{t('home.greeting')}</Text>
      </PageHeader>
      <View className='ysx-card'>
        <Text className='ysx-card__title'>{t('home.quickEntries')}</Text>
        <Grid columns={3} gap={0} onClick={(_, index) => open(index)}>
          {[...QUICK_ENTRIES, ALL_SERVICES].map((key, index) => (
            <Grid.Item key={key} text={<Text className='page-home__entry-text'>{t(key)}</Text>}>
              <EntryBadge label={t(key)} index={index} />
            </Grid.Item>
          ))}
        </Grid>
      </View>
      <View className='page-home__notice'>
        <Text>{t('home.notice')}</Text>
      </View>
      <Toast id={TOAST_ID} />
    </View>
  )
}

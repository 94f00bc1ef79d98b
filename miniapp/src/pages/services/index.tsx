// 服务: 粤康码's services, every department's services as a grid of categories (each opens later; a toast says so for
// now), and tools that work today, such as 核验证照.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Toast } from '@nutui/nutui-react-taro'
import { EntryGrid } from '../../components/entry-badge'
import { PageHeader } from '../../components/page-header'
import { type TranslationKey, useT } from '../../i18n'
import { usePageTitle } from '../../i18n/shell'
import { PAGES } from '../../page-paths'
import './index.scss'
import { useCareMode } from '../../hooks/use-care-mode'

const TOAST_ID = 'services-toast'
const NAME = 'page-services__name'

const DEPARTMENTS: TranslationKey[] = [
  'services.categories.police',
  'services.categories.socialSecurity',
  'services.categories.medical',
  'services.categories.housingFund',
  'services.categories.traffic',
  'services.categories.exitEntry',
  'services.categories.health',
  'services.categories.civil',
  'services.categories.market',
]

/** 粤康码: the code and everything around it, each with its page. */
const HEALTH_CODE: Array<{ key: TranslationKey; page: string }> = [
  { key: 'healthCode.actions.code', page: PAGES.healthCode },
  { key: 'healthCode.actions.declare', page: PAGES.healthDeclare },
  { key: 'healthCode.actions.checkIn', page: PAGES.checkIn },
  { key: 'healthCode.actions.venue', page: PAGES.venue },
  { key: 'healthCode.actions.family', page: PAGES.family },
  { key: 'healthCode.actions.transfer', page: PAGES.healthTransfer },
  { key: 'healthCode.actions.verify', page: PAGES.healthVerify },
]

export default function Services() {
  usePageTitle('services.title')
  const { care, rootClass } = useCareMode()
  const t = useT()
  // 长辈版 has no pop-ups: 即将开放 is said under the grid instead of in a toast.
  const [soonInline, setSoonInline] = useState(false)
  const comingSoon = () => {
    if (care) setSoonInline(true)
    else Toast.show(TOAST_ID, { content: t('services.comingSoon') })
  }

  return (
    <View className={`ysx-page page-services ${rootClass}`}>
      <PageHeader title={t('services.title')} subtitle={t('app.slogan')} />
      <View className="ysx-card page-services__health">
        <Text className="ysx-card__title">{t('healthCode.title')}</Text>
        <EntryGrid
          labels={HEALTH_CODE.map(({ key }) => t(key))}
          nameClassName={NAME}
          onOpen={(index) => void Taro.navigateTo({ url: HEALTH_CODE[index]?.page ?? PAGES.healthCode })}
        />
      </View>
      <View className="ysx-card">
        <Text className="ysx-card__title">{t('services.departmentServices')}</Text>
        <EntryGrid labels={DEPARTMENTS.map((key) => t(key))} nameClassName={NAME} onOpen={comingSoon} />
        {care && soonInline ? <Text className="page-services__soon">{t('services.comingSoon')}</Text> : null}
      </View>
      <View className="ysx-card">
        <Text className="ysx-card__title">{t('services.tools')}</Text>
        <EntryGrid
          labels={[t('wallet.verifyEntry')]}
          nameClassName={NAME}
          firstColour={DEPARTMENTS.length}
          onOpen={() => void Taro.navigateTo({ url: PAGES.verify })}
        />
      </View>
      <Toast id={TOAST_ID} />
    </View>
  )
}

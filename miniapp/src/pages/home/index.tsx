// 首页: app name and slogan on the blue band, the common-service grid, the citizen's dashboard (or how to unlock it).
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Skeleton, Toast } from '@nutui/nutui-react-taro'
import { EntryGrid } from '../../components/entry-badge'
import { ErrorBlock } from '../../components/error-block'
import { PageHeader } from '../../components/page-header'
import { Tile } from '../../components/tile'
import { useCareMode } from '../../hooks/use-care-mode'
import { useDashboard } from '../../hooks/use-dashboard'
import { type TranslationKey, useT } from '../../i18n'
import { usePageTitle } from '../../i18n/shell'
import { PAGES } from '../../page-paths'
import { DashboardCards } from './dashboard'
import './index.scss'

const TOAST_ID = 'home-toast'

/** Each quick entry and where it leads; null: not built yet. */
const QUICK_ENTRIES: Array<{ key: TranslationKey; page: string | null }> = [
  { key: 'home.healthCode', page: PAGES.healthCode },
  { key: 'home.socialSecurity', page: PAGES.socialSecurity },
  { key: 'home.medicalInsurance', page: PAGES.medicalInsurance },
  { key: 'home.housingFund', page: PAGES.housingFund },
  { key: 'home.trafficViolations', page: PAGES.violations },
]
// The last cell leads to the 服务 tab.
const ALL_SERVICES: TranslationKey = 'services.title'

/** Logged out or not yet real-name: what the dashboard needs, and the way there. */
function UnlockHint({ realName }: { realName: boolean }) {
  const t = useT()
  return (
    <View className="ysx-card page-home__hint">
      <Text className="page-home__hint-text">{realName ? t('home.realNameHint') : t('home.signInHint')}</Text>
      <Button
        type="primary"
        size="small"
        onClick={() => void Taro.navigateTo({ url: realName ? PAGES.face : PAGES.login })}
      >
        {realName ? t('home.verify') : t('home.signIn')}
      </Button>
    </View>
  )
}

function DashboardArea() {
  const t = useT()
  const query = useDashboard()
  const { state } = query
  if (state.status === 'loading' || state.status === 'empty') {
    return (
      <View className="ysx-card page-home__loading">
        <Skeleton rows={4} animated />
      </View>
    )
  }
  if (state.status === 'error') {
    if (state.code === 'AUTH_REQUIRED') return <UnlockHint realName={false} />
    if (state.code === 'REAL_NAME_REQUIRED') return <UnlockHint realName />
    return (
      <View className="ysx-card">
        <Text className="ysx-card__title">{t('dashboard.title')}</Text>
        <ErrorBlock code={state.code} message={state.message} onRetry={query.reload} busy={query.refreshing} />
      </View>
    )
  }
  return <DashboardCards dashboard={state.data} retrying={query.refreshing} onRetry={query.reload} />
}

/** 长辈版's home: the most used services as large tiles, each with its name in words (never a colour alone). */
const CARE_TILES: Array<{ key: TranslationKey; open: () => void }> = [
  { key: 'home.healthCode', open: () => void Taro.navigateTo({ url: PAGES.healthCode }) },
  { key: 'home.care.wallet', open: () => void Taro.switchTab({ url: PAGES.wallet }) },
  { key: 'home.care.socialSecurity', open: () => void Taro.navigateTo({ url: PAGES.socialSecurity }) },
  { key: 'home.care.medicalInsurance', open: () => void Taro.navigateTo({ url: PAGES.medicalInsurance }) },
  { key: 'home.housingFund', open: () => void Taro.navigateTo({ url: PAGES.housingFund }) },
  { key: 'home.care.scan', open: () => void Taro.navigateTo({ url: PAGES.checkIn }) },
  { key: 'home.care.services', open: () => void Taro.switchTab({ url: '/pages/services/index' }) },
  { key: 'me.title', open: () => void Taro.switchTab({ url: PAGES.me }) },
]

/** The switch between 长辈版 and the standard home, at the top of both. */
function CareSwitch({ care, onToggle }: { care: boolean; onToggle: () => void }) {
  const t = useT()
  return (
    <View className="ysx-card page-home__care">
      <View className="page-home__care-text">
        <Text className="page-home__care-name">{`${t('home.care.name')} · ${care ? t('home.care.on') : t('home.care.off')}`}</Text>
        {care ? null : <Text className="page-home__care-hint">{t('home.care.hint')}</Text>}
      </View>
      <Button className="page-home__care-switch" type="primary" fill={care ? 'outline' : 'solid'} onClick={onToggle}>
        {care ? t('home.care.turnOff') : t('home.care.turnOn')}
      </Button>
    </View>
  )
}

function CareHome() {
  const t = useT()
  return (
    <View className="page-home__care-tiles">
      {CARE_TILES.map(({ key, open }) => (
        <Tile key={key} className="page-home__care-tile" pressedClassName="page-home__care-tile--pressed" onOpen={open}>
          <Text className="page-home__care-tile-text">{t(key)}</Text>
        </Tile>
      ))}
    </View>
  )
}

export default function Home() {
  usePageTitle('app.name')
  const t = useT()
  const care = useCareMode()
  const open = (index: number) => {
    const entry = QUICK_ENTRIES[index]
    if (!entry) void Taro.switchTab({ url: '/pages/services/index' })
    else if (entry.page) void Taro.navigateTo({ url: entry.page })
    else Toast.show(TOAST_ID, { content: t('services.comingSoon') })
  }

  if (care.care) {
    return (
      <View className={`ysx-page page-home ${care.rootClass}`}>
        <PageHeader title={t('app.name')} />
        <CareSwitch care onToggle={care.toggle} />
        <CareHome />
        <View className="page-home__notice">
          <Text>{t('home.notice')}</Text>
        </View>
      </View>
    )
  }
  return (
    <View className="ysx-page page-home">
      <PageHeader title={t('app.name')} subtitle={t('app.slogan')}>
        <Text className="page-home__greeting">{t('home.greeting')}</Text>
      </PageHeader>
      <CareSwitch care={false} onToggle={care.toggle} />
      <View className="ysx-card">
        <Text className="ysx-card__title">{t('home.quickEntries')}</Text>
        <EntryGrid
          labels={[...QUICK_ENTRIES.map((e) => e.key), ALL_SERVICES].map((key) => t(key))}
          nameClassName="page-home__entry-text"
          onOpen={open}
        />
      </View>
      <DashboardArea />
      <View className="page-home__notice">
        <Text>{t('home.notice')}</Text>
      </View>
      <Toast id={TOAST_ID} />
    </View>
  )
}

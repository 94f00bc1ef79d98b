// 我的服务: the signed-in citizen's 我的收藏 (most recently added first) and 最近使用 (the last 20 guides opened); signed
// out, a prompt to sign in.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { EmptyNotice, QueryView } from '../../../components/query-view'
import { ServiceRow } from '../../../components/service-row'
import { careClass } from '../../../hooks/use-care-mode'
import { useFavouriteServices, useRecentServices, useSignedIn } from '../../../hooks/use-hall'
import type { Query } from '../../../hooks/use-query'
import { useT } from '../../../i18n'
import { usePageTitle } from '../../../i18n/shell'
import { PAGES } from '../../../page-paths'
import type { ServiceItem } from '../../../services/hall'
import './index.scss'

function ServiceCard({
  title,
  empty,
  query,
}: {
  title: string
  empty: string
  query: Query<{ items: ServiceItem[] }>
}) {
  return (
    <>
      <Text className="page-hall-mine__title">{title}</Text>
      <QueryView query={query} empty={empty} rows={3}>
        {({ items }) => (
          <View className="ysx-card page-hall-mine__list">
            {items.length ? items.map((s) => <ServiceRow key={s.code} service={s} />) : <EmptyNotice text={empty} />}
          </View>
        )}
      </QueryView>
    </>
  )
}

function Lists() {
  const t = useT()
  return (
    <>
      <ServiceCard
        title={t('services.mine.favourites')}
        empty={t('services.mine.noFavourites')}
        query={useFavouriteServices()}
      />
      <ServiceCard title={t('services.mine.recent')} empty={t('services.mine.noRecent')} query={useRecentServices()} />
    </>
  )
}

export default function MyServicesPage() {
  usePageTitle('services.mine.title')
  const t = useT()
  const signedIn = useSignedIn()
  return (
    <View className={`ysx-page page-hall-mine ${careClass()}`}>
      {signedIn ? (
        <Lists />
      ) : (
        <View className="ysx-card page-hall-mine__signed-out">
          <Text className="page-hall-mine__prompt">{t('services.mine.signIn')}</Text>
          <Button block type="primary" onClick={() => void Taro.navigateTo({ url: PAGES.login })}>
            {t('services.mine.signInButton')}
          </Button>
        </View>
      )}
    </View>
  )
}

// 服务列表: search results (?q=), or a life event's (?event=) or a department's (?department=) services, in the city the
// citizen chose on the 服务 tab (and the province-wide ones), 20 at a time with 加载更多.
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import {
  GUANGDONG,
  GUANGDONG_CITIES,
  HALL_DEPARTMENTS,
  LIFE_EVENTS,
  type HallDepartment,
  type LifeEvent,
} from '@ysx/shared'
import { QueryView } from '../../../components/query-view'
import { ServiceRow } from '../../../components/service-row'
import { careClass } from '../../../hooks/use-care-mode'
import { useCity, useServiceSearch } from '../../../hooks/use-hall'
import { departmentName, useT } from '../../../i18n'
import { usePageTitle } from '../../../i18n/shell'
import './index.scss'

/** The words as the link carries them: percent-encoded or already decoded (a stray % is kept as typed). */
function wordsOf(raw: string | undefined): string {
  try {
    return decodeURIComponent(raw ?? '')
  } catch {
    return raw ?? ''
  }
}

const isEvent = (v: string | undefined): v is LifeEvent => (LIFE_EVENTS as readonly string[]).includes(v ?? '')
const isDepartment = (v: string | undefined): v is HallDepartment =>
  (HALL_DEPARTMENTS as readonly string[]).includes(v ?? '')

export default function ServiceListPage() {
  usePageTitle('services.list.title')
  const t = useT()
  const { params } = useRouter()
  const q = wordsOf(params.q).trim().slice(0, 40)
  const event = isEvent(params.event) ? params.event : undefined
  const department = isDepartment(params.department) ? params.department : undefined
  const [city] = useCity()
  const { query, extra, loadingMore, loadMore } = useServiceSearch({
    city,
    ...(q ? { q } : {}),
    ...(event ? { event } : {}),
    ...(department ? { department } : {}),
  })
  const heading = q
    ? `“${q}”`
    : event
      ? t(`services.events.${event}`)
      : department
        ? departmentName(department)
        : t('services.list.title')
  const cityName = city === GUANGDONG ? t('services.city.province') : (GUANGDONG_CITIES[city]?.name ?? '')

  return (
    <View className={`ysx-page page-hall-list ${careClass()}`}>
      <View className="page-hall-list__head">
        <Text className="page-hall-list__heading">{heading}</Text>
        <Text className="page-hall-list__city">{t('services.city.current', { city: cityName })}</Text>
      </View>
      <QueryView query={query} empty={t('services.list.empty')} rows={5}>
        {(list) => (
          <View className="ysx-card page-hall-list__results">
            <Text className="page-hall-list__count">{t('services.list.count', { count: list.total })}</Text>
            {[...list.items, ...extra].map((s) => (
              <ServiceRow key={s.code} service={s} />
            ))}
            {list.items.length + extra.length < list.total ? (
              <Button
                className="page-hall-list__more"
                block
                fill="outline"
                type="primary"
                loading={loadingMore}
                disabled={loadingMore}
                onClick={() => void loadMore()}
              >
                {t('services.list.more')}
              </Button>
            ) : null}
          </View>
        )}
      </QueryView>
    </View>
  )
}

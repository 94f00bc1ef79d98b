// 服务: the 服务大厅's front door — a search box (Chinese, pinyin, initials or everyday words), the city the citizen is
// in (remembered; the lists show that city's services and the province-wide ones), the city's hot services, 我的收藏 /
// 最近使用, services by life event and by department (each opens its list in packages/hall) — then 粤康码's services
// and the tools that work today, such as 核验证照. The city is chosen in place, not in a pop-up (长辈版 has none).
import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { GUANGDONG, GUANGDONG_CITIES, HALL_DEPARTMENTS, LIFE_EVENTS } from '@ysx/shared'
import { EntryGrid } from '../../components/entry-badge'
import { PageHeader } from '../../components/page-header'
import { QueryView } from '../../components/query-view'
import { ServiceRow } from '../../components/service-row'
import { Tile } from '../../components/tile'
import { useCity, useHotServices } from '../../hooks/use-hall'
import { departmentName, type TranslationKey, useT } from '../../i18n'
import { usePageTitle } from '../../i18n/shell'
import { PAGES } from '../../page-paths'
import './index.scss'
import { useCareMode } from '../../hooks/use-care-mode'

const NAME = 'page-services__name'
const CITIES = [GUANGDONG, ...Object.keys(GUANGDONG_CITIES)]

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

const openList = (query: string) => void Taro.navigateTo({ url: `${PAGES.hallList}?${query}` })

function HotServices({ city }: { city: string }) {
  const t = useT()
  return (
    <QueryView query={useHotServices(city)} empty={t('services.list.empty')} rows={4}>
      {({ items }) => (
        <View className="ysx-card page-services__hot">
          <Text className="ysx-card__title">{t('services.hot')}</Text>
          {items.map((s) => (
            <ServiceRow key={s.code} service={s} />
          ))}
        </View>
      )}
    </QueryView>
  )
}

export default function Services() {
  usePageTitle('services.title')
  const { rootClass } = useCareMode()
  const t = useT()
  const [q, setQ] = useState('')
  const [city, setCity] = useCity()
  const [choosingCity, setChoosingCity] = useState(false)
  const cityName = (code: string) => (code === GUANGDONG ? t('services.city.province') : GUANGDONG_CITIES[code]!.name)
  const chooseCity = (code: string) => {
    setCity(code)
    setChoosingCity(false)
  }
  const searchNow = () => {
    const words = q.trim().slice(0, 40)
    if (words) openList(`q=${encodeURIComponent(words)}`)
  }

  return (
    <View className={`ysx-page page-services ${rootClass}`}>
      <PageHeader title={t('services.title')} subtitle={t('app.slogan')} />
      <View className="ysx-card page-services__search">
        <View className="page-services__search-row">
          <Input
            className="page-services__search-input"
            value={q}
            maxlength={40}
            confirmType="search"
            placeholder={t('services.search.placeholder')}
            aria-label={t('services.search.label')}
            onInput={(e) => setQ(e.detail.value)}
            onConfirm={searchNow}
          />
          <Button className="page-services__search-button" type="primary" onClick={searchNow}>
            {t('services.search.button')}
          </Button>
        </View>
        <View className="page-services__city">
          <Text className="page-services__city-label">{t('services.city.current', { city: cityName(city) })}</Text>
          <Button
            className="page-services__city-switch"
            size="small"
            fill="outline"
            type="primary"
            onClick={() => setChoosingCity(!choosingCity)}
          >
            {choosingCity ? t('common.cancel') : t('services.city.label')}
          </Button>
        </View>
        {choosingCity ? (
          <View className="page-services__cities">
            <Text className="page-services__city-hint">{t('services.city.hint')}</Text>
            {CITIES.map((code) => (
              <Tile
                key={code}
                className={`page-services__city-option${code === city ? ' page-services__city-option--chosen' : ''}`}
                onOpen={() => chooseCity(code)}
              >
                <Text>{`${code === city ? '✓ ' : ''}${cityName(code)}`}</Text>
              </Tile>
            ))}
          </View>
        ) : null}
      </View>
      <HotServices key={city} city={city} />
      <View className="ysx-card page-services__mine">
        <Tile className="page-services__mine-entry" onOpen={() => void Taro.navigateTo({ url: PAGES.hallMine })}>
          <Text>{`${t('services.mine.entry')} ›`}</Text>
        </Tile>
      </View>
      <View className="ysx-card">
        <Text className="ysx-card__title">{t('services.lifeEvents')}</Text>
        <EntryGrid
          labels={LIFE_EVENTS.map((e) => t(`services.events.${e}`))}
          nameClassName={NAME}
          onOpen={(index) => openList(`event=${LIFE_EVENTS[index]}`)}
        />
      </View>
      <View className="ysx-card">
        <Text className="ysx-card__title">{t('services.departmentServices')}</Text>
        <EntryGrid
          labels={HALL_DEPARTMENTS.map(departmentName)}
          nameClassName={NAME}
          firstColour={LIFE_EVENTS.length}
          onOpen={(index) => openList(`department=${HALL_DEPARTMENTS[index]}`)}
        />
      </View>
      <View className="ysx-card page-services__health">
        <Text className="ysx-card__title">{t('healthCode.title')}</Text>
        <EntryGrid
          labels={HEALTH_CODE.map(({ key }) => t(key))}
          nameClassName={NAME}
          onOpen={(index) => void Taro.navigateTo({ url: HEALTH_CODE[index]?.page ?? PAGES.healthCode })}
        />
      </View>
      <View className="ysx-card">
        <Text className="ysx-card__title">{t('services.tools')}</Text>
        <EntryGrid
          labels={[t('wallet.verifyEntry')]}
          nameClassName={NAME}
          firstColour={HEALTH_CODE.length}
          onOpen={() => void Taro.navigateTo({ url: PAGES.verify })}
        />
      </View>
    </View>
  )
}

// One service in a list (the 服务 tab's 热门服务, search results, a life event's or department's services, 我的收藏 and
// 最近使用): its name, who handles it, how (零跑动 / 跑一次 / 窗口) and how long it promises; 免证办 when the wallet's
// certificates stand in for every paper; tapping it opens its guide. The labels are the reader's language; the
// catalogue's names stay as published (Chinese).
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ServiceItem } from '../services/hall'
import { t, useT } from '../i18n'
import { PAGES } from '../page-paths'
import { Tile } from './tile'
import './service-row.scss'

/** 承诺时限 in words: 即办 for none, else N working days. */
export const promisedDays = (days: number): string =>
  days === 0 ? t('services.immediate') : t('services.workingDays', { count: days })

export function openGuide(code: string): void {
  void Taro.navigateTo({ url: `${PAGES.hallGuide}?code=${encodeURIComponent(code)}` })
}

export function ServiceRow({ service }: { service: ServiceItem }) {
  const tr = useT()
  return (
    <Tile
      className="ysx-service-row"
      pressedClassName="ysx-service-row--pressed"
      onOpen={() => openGuide(service.code)}
    >
      <View className="ysx-service-row__head">
        <Text className="ysx-service-row__name">{service.name}</Text>
        {service.paperless ? <Text className="ysx-service-row__paperless">{tr('services.paperless')}</Text> : null}
      </View>
      <Text className="ysx-service-row__meta">
        {`${service.authority} · ${tr(`services.channels.${service.channel}`)} · ${promisedDays(service.promisedDays)}`}
      </Text>
    </Tile>
  )
}

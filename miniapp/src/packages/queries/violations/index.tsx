// 交通违法: the unpaid total, then two years of violations with fine, points and whether it is paid.
import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { EmptyNotice, QueryPage } from '../../../components/query-view'
import { Item } from '../../../components/query-rows'
import { formatDateTime, formatYuan } from '../../../format'
import { useViolations } from '../../../hooks/use-queries'
import { useT } from '../../../i18n'
import { usePageTitle } from '../../../i18n/shell'

export default function Violations() {
  usePageTitle('queries.violations.title')
  const t = useT()
  return (
    <QueryPage block="page-violations" query={useViolations()} empty={t('queries.violations.noDriver')}>
      {(data) => (
        <>
          <View className="ysx-card">
            <Text className="ysx-query__figure-label">{t('queries.violations.unpaidTotal')}</Text>
            <Text
              className={`ysx-query__figure page-violations__unpaid${data.unpaidFines > 0 ? ' ysx-query__figure--alert' : ''}`}
            >
              {formatYuan(data.unpaidFines)}
            </Text>
            <Text className="ysx-query__meta">{t('queries.violations.unpaidCount', { count: data.unpaidCount })}</Text>
          </View>
          <View className="ysx-card">
            {data.violations.length ? (
              data.violations.map((v) => (
                <Item
                  key={v.decisionNumber}
                  className="page-violations__item"
                  title={v.behaviour}
                  side={
                    <Tag className="ysx-query__tag" type={v.paid ? 'success' : 'danger'} round>
                      {v.paid ? t('queries.violations.paid') : t('queries.violations.unpaid')}
                    </Tag>
                  }
                  meta={[
                    `${formatDateTime(v.occurredAt)} · ${v.place}`,
                    [
                      v.plateNumber,
                      t('queries.violations.fine', { amount: formatYuan(v.fine) }),
                      t('queries.violations.points', { count: v.points }),
                    ]
                      .filter(Boolean)
                      .join(' · '),
                    v.authority,
                  ]}
                />
              ))
            ) : (
              <EmptyNotice text={t('queries.violations.none')} />
            )}
          </View>
        </>
      )}
    </QueryPage>
  )
}

// 我的数据使用记录: every department query made for the citizen — which department, what, why, when, with what outcome.
import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import type { DataAccessRecord } from '@ysx/shared'
import { QueryView } from '../../../components/query-view'
import { Item } from '../../../components/query-rows'
import { IntroCard } from '../../../components/intro-card'
import { formatDateTime } from '../../../format'
import { useDataAccess } from '../../../hooks/use-data-access'
import { departmentName, useT } from '../../../i18n'
import { usePageTitle } from '../../../i18n/shell'
import './index.scss'
import { careClass } from '../../../hooks/use-care-mode'

const OUTCOME_TAG = { served: 'success', not_found: 'default', failed: 'danger', rejected: 'warning' } as const

function Record({ record }: { record: DataAccessRecord }) {
  const t = useT()
  return (
    <Item
      className="page-data-access__record"
      title={`${departmentName(record.department)} · ${record.dataKind}`}
      side={
        <Tag className="ysx-query__tag" type={OUTCOME_TAG[record.outcome]} round>
          {t(`queries.dataAccess.outcomes.${record.outcome}`)}
        </Tag>
      }
      meta={[
        t('queries.dataAccess.purpose', { purpose: record.purpose }),
        record.caseId ? t('queries.dataAccess.caseId', { caseId: record.caseId }) : null,
        record.askedBy ? t('queries.dataAccess.askedBy', { name: record.askedBy }) : null,
        formatDateTime(record.at),
      ]}
    />
  )
}

export default function DataAccess() {
  usePageTitle('queries.dataAccess.title')
  const t = useT()
  const list = useDataAccess()
  return (
    <View className={`ysx-page ysx-query page-data-access ${careClass()}`}>
      <IntroCard className="ysx-query__meta page-data-access__intro">{t('queries.dataAccess.intro')}</IntroCard>
      <QueryView query={list.first} empty={t('queries.dataAccess.none')}>
        {() => (
          <>
            <View className="ysx-card">
              {list.records.map((record) => (
                <Record key={record.id} record={record} />
              ))}
              {list.hasMore ? null : <Text className="ysx-query__end">{t('queries.dataAccess.noMore')}</Text>}
            </View>
            {list.moreFailure ? <Text className="page-data-access__failure">{list.moreFailure}</Text> : null}
            {list.hasMore ? (
              <View className="ysx-query__more">
                <Button
                  block
                  fill="outline"
                  type="primary"
                  loading={list.loadingMore}
                  disabled={list.loadingMore}
                  onClick={list.loadMore}
                >
                  {list.loadingMore ? t('queries.dataAccess.loadingMore') : t('queries.dataAccess.loadMore')}
                </Button>
              </View>
            ) : null}
          </>
        )}
      </QueryView>
    </View>
  )
}

// 社保查询: 24 months of contributions, and the 养老金 part (eligibility, monthly amount, payments).
import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { EmptyNotice, QueryView } from '../../../components/query-view'
import { Amount, Item, Row } from '../../../components/query-rows'
import { formatDate, formatMonth, formatYuan } from '../../../format'
import { useContributions, usePension } from '../../../hooks/use-queries'
import { useT } from '../../../i18n'
import { usePageTitle } from '../../../i18n/shell'
import { careClass } from '../../../hooks/use-care-mode'

function Contributions() {
  const t = useT()
  const query = useContributions()
  return (
    <QueryView query={query} empty={t('queries.socialSecurity.noContributions')}>
      {(data) => (
        <View className="ysx-card page-social-security__contributions">
          <Text className="ysx-card__title">{t('queries.socialSecurity.contributions')}</Text>
          <Text className="ysx-query__meta">
            {t('queries.socialSecurity.range', { from: formatMonth(data.from), to: formatMonth(data.to) })}
          </Text>
          {data.months.length ? (
            data.months.map((m) => (
              <Item
                key={m.month}
                title={formatMonth(m.month)}
                side={
                  <Tag className="ysx-query__tag" type={m.status === 'paid' ? 'success' : 'danger'} round>
                    {m.status === 'paid' ? t('queries.socialSecurity.paid') : t('queries.socialSecurity.arrears')}
                  </Tag>
                }
                meta={[
                  m.employer,
                  `${t('queries.socialSecurity.base', { amount: formatYuan(m.base) })} · ${t('queries.socialSecurity.total', { amount: formatYuan(m.total) })}`,
                ]}
              />
            ))
          ) : (
            <EmptyNotice text={t('queries.empty')} />
          )}
        </View>
      )}
    </QueryView>
  )
}

function Pension() {
  const t = useT()
  const query = usePension()
  return (
    <View className="page-social-security__pension">
      <QueryView query={query} rows={2} empty={t('queries.socialSecurity.notRetired')}>
        {(data) => (
          <View className="ysx-card">
            <Text className="ysx-card__title">{t('queries.socialSecurity.pension')}</Text>
            {data.retired ? (
              <>
                <Row
                  label={t('queries.socialSecurity.retirementDate')}
                  value={data.retirementDate ? formatDate(data.retirementDate) : ''}
                />
                <Row
                  label={t('queries.socialSecurity.monthlyAmount')}
                  value={data.monthlyAmount === null ? '' : formatYuan(data.monthlyAmount)}
                />
                <Text className="ysx-card__title ysx-query__subtitle">{t('queries.socialSecurity.payments')}</Text>
                {data.payments.map((p) => (
                  <Item
                    key={p.month}
                    title={formatMonth(p.month)}
                    side={<Amount>{formatYuan(p.amount)}</Amount>}
                    meta={[t('queries.socialSecurity.paidOn', { date: formatDate(p.paidOn), bank: p.bank })]}
                  />
                ))}
              </>
            ) : (
              <Text className="ysx-query__meta">{t('queries.socialSecurity.notRetired')}</Text>
            )}
          </View>
        )}
      </QueryView>
    </View>
  )
}

export default function SocialSecurity() {
  usePageTitle('queries.socialSecurity.title')
  return (
    <View className={`ysx-page ysx-query page-social-security ${careClass()}`}>
      <Pension />
      <Contributions />
    </View>
  )
}

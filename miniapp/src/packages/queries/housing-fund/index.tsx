// 公积金: the account and its balance, then 12 months of deposits and withdrawals.
import { Text, View } from '@tarojs/components'
import { EmptyNotice, QueryPage } from '../../../components/query-view'
import { Amount, Item, Row } from '../../../components/query-rows'
import { formatDate, formatStatus, formatTerm, formatYuan } from '../../../format'
import { useHousingFund } from '../../../hooks/use-queries'
import { currentLocale, useT } from '../../../i18n'
import { usePageTitle } from '../../../i18n/shell'

export default function HousingFund() {
  usePageTitle('queries.housingFund.title')
  const t = useT()
  return (
    <QueryPage block="page-housing-fund" query={useHousingFund()} empty={t('queries.housingFund.noAccount')}>
      {({ account, statement }) => (
        <>
          {account ? (
            <View className="ysx-card">
              <Text className="ysx-query__figure-label">{t('queries.housingFund.balance')}</Text>
              <Text className="ysx-query__figure page-housing-fund__balance">{formatYuan(account.balance)}</Text>
              <Row label={t('queries.housingFund.accountNumber')} value={account.accountNumber} />
              <Row label={t('queries.housingFund.employer')} value={account.employer} />
              <Row label={t('queries.housingFund.status')} value={formatTerm(account.status)} />
              <Row label={t('queries.housingFund.monthlyDeposit')} value={formatYuan(account.monthlyDeposit)} />
            </View>
          ) : null}
          <View className="ysx-card">
            <Text className="ysx-card__title">{t('queries.housingFund.statement')}</Text>
            {statement?.entries.length ? (
              [...statement.entries]
                .reverse()
                .map((e, i) => (
                  <Item
                    key={`${e.date}-${i}`}
                    title={currentLocale() === 'zh-CN' ? e.summary : formatStatus(e.kind)}
                    side={
                      <Amount
                        tone={e.kind === 'deposit' ? 'in' : 'out'}
                      >{`${e.kind === 'deposit' ? '+' : '-'}${formatYuan(e.amount)}`}</Amount>
                    }
                    meta={[
                      `${formatDate(e.date)} · ${t('queries.housingFund.balanceAfter', { amount: formatYuan(e.balanceAfter) })}`,
                    ]}
                  />
                ))
            ) : (
              <EmptyNotice text={t('queries.empty')} />
            )}
          </View>
        </>
      )}
    </QueryPage>
  )
}

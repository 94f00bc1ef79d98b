// 医保查询: the personal-account balance and enrolment, then 12 months of settlements.
import { Text, View } from '@tarojs/components'
import { EmptyNotice, QueryPage } from '../../../components/query-view'
import { Amount, Item, Row } from '../../../components/query-rows'
import { formatDate, formatTerm, formatYuan } from '../../../format'
import { useMedicalInsurance } from '../../../hooks/use-queries'
import { useT } from '../../../i18n'
import { usePageTitle } from '../../../i18n/shell'

export default function MedicalInsurance() {
  usePageTitle('queries.medicalInsurance.title')
  const t = useT()
  return (
    <QueryPage
      block="page-medical-insurance"
      query={useMedicalInsurance()}
      empty={t('queries.medicalInsurance.notEnrolled')}
    >
      {({ account, spending }) => (
        <>
          <View className="ysx-card">
            {account ? (
              <>
                <Text className="ysx-query__figure-label">{t('queries.medicalInsurance.balance')}</Text>
                <Text className="ysx-query__figure page-medical-insurance__balance">{formatYuan(account.balance)}</Text>
                <Row label={t('queries.medicalInsurance.scheme')} value={formatTerm(account.scheme)} />
                <Row label={t('queries.medicalInsurance.place')} value={account.insuredPlace} />
                <Row label={t('queries.medicalInsurance.status')} value={formatTerm(account.status)} />
              </>
            ) : (
              <EmptyNotice text={t('queries.medicalInsurance.notEnrolled')} />
            )}
          </View>
          <View className="ysx-card">
            <Text className="ysx-card__title">{t('queries.medicalInsurance.spending')}</Text>
            {spending.length ? (
              spending.map((s, i) => (
                <Item
                  key={`${s.date}-${i}`}
                  title={s.institution}
                  side={<Amount>{formatYuan(s.total)}</Amount>}
                  meta={[
                    `${formatDate(s.date)} · ${formatTerm(s.category)}`,
                    t('queries.medicalInsurance.paidBreakdown', {
                      fund: formatYuan(s.fundPaid),
                      account: formatYuan(s.accountPaid),
                      self: formatYuan(s.selfPaid),
                    }),
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

// 扫码签到: scan the venue code (weapp), paste it (H5), or arrive from the venue QR's link (?v=); the venue it names
// (name and area) is shown first, and only 确认登记 checks in (取消 writes nothing); then the venue, the time and the
// colour after the check-in, and the last 14 days' check-ins.
import { useEffect, useRef } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { CodeInput } from '../../components/code-input'
import { BusyButton } from '../../components/form-controls'
import { ErrorBlock } from '../../components/error-block'
import { HealthColourBlock } from '../../components/health-colour'
import { Item, Row } from '../../components/query-rows'
import { QueryList } from '../../components/query-view'
import { formatDateTime } from '../../format'
import { useCheckIn } from '../../hooks/use-check-in'
import { useHolder } from '../../hooks/use-holder'
import { useT } from '../../i18n'
import { usePageTitle } from '../../i18n/shell'
import { fromParam } from '../../venue-link'
import '../../components/query-page.scss'
import './index.scss'
import { careClass } from '../../hooks/use-care-mode'

export default function CheckIn() {
  usePageTitle('healthCode.checkIn.title')
  const t = useT()
  const { params } = useRouter()
  const holder = useHolder()
  const c = useCheckIn(holder)
  const fromLink = useRef(fromParam(params.v))

  // Opened from a venue QR's link: show the venue it names for the citizen to confirm, as scanning does; a link alone
  // never checks anyone in.
  useEffect(() => {
    const code = fromLink.current
    if (!code) return
    fromLink.current = ''
    c.field.onInput(code)
    c.field.onSubmit(code)
    // Once, for the link that opened the page.
  }, [])

  return (
    <View className={`ysx-page ysx-query page-check-in ${careClass()}`}>
      <CodeInput block="page-check-in" texts="healthCode.checkIn" field={c.field} scanFirst />

      {c.state.status === 'confirming' || c.state.status === 'submitting' ? (
        <View className="ysx-card page-check-in__confirm">
          <Text className="page-check-in__confirm-title">{t('healthCode.checkIn.confirmTitle')}</Text>
          <Text className="page-check-in__venue">{c.state.venue.name}</Text>
          <Row label={t('healthCode.checkIn.area')} value={c.state.venue.area} />
          <Text className="page-check-in__confirm-hint">{t('healthCode.checkIn.confirmHint')}</Text>
          <View className="page-check-in__confirm-actions">
            <BusyButton
              className="page-check-in__confirm-button"
              busy={c.state.status === 'submitting'}
              label={t('healthCode.checkIn.confirm')}
              busyLabel={t('healthCode.checkIn.confirming')}
              onClick={c.confirm}
              large
            />
            <Button
              className="page-check-in__cancel"
              block
              size="large"
              fill="outline"
              disabled={c.state.status === 'submitting'}
              onClick={c.cancel}
            >
              {t('healthCode.checkIn.cancel')}
            </Button>
          </View>
        </View>
      ) : c.state.status === 'failed' ? (
        <View className="ysx-card page-check-in__result page-check-in__result--failed">
          <ErrorBlock code={c.state.code} message={c.state.message} onRetry={c.retry} />
        </View>
      ) : c.state.status === 'done' ? (
        <View className="ysx-card page-check-in__result page-check-in__result--done">
          <Text className="page-check-in__done">{t('healthCode.checkIn.done')}</Text>
          <Text className="page-check-in__venue">{c.state.result.checkIn.venueName}</Text>
          <Row label={t('healthCode.checkIn.area')} value={c.state.result.checkIn.area} />
          <Row label={t('healthCode.checkIn.at')} value={formatDateTime(c.state.result.checkIn.at)} />
          <Text className="page-check-in__label">{t('healthCode.checkIn.status')}</Text>
          <HealthColourBlock colour={c.state.result.status.colour} size="small" className="page-check-in__colour" />
        </View>
      ) : null}

      <View className="page-check-in__recent">
        <Text className="page-check-in__recent-title">{t('healthCode.checkIn.recent')}</Text>
        <QueryList
          block="page-check-in"
          query={c.recent}
          items={(d) => d.checkIns}
          empty={t('healthCode.checkIn.none')}
        >
          {(record) => (
            <Item
              key={record.checkInId}
              className="page-check-in__item"
              title={record.venueName}
              meta={[record.area, formatDateTime(record.at)]}
            />
          )}
        </QueryList>
      </View>
    </View>
  )
}

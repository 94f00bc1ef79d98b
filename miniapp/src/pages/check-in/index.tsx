// 扫码签到: scan the venue code (weapp), paste it (H5), or arrive from the venue QR's link (?v=); then the venue, the
// time and the colour after the check-in, and the last 14 days' check-ins.
import { useEffect, useRef } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { ErrorBlock } from '../../components/error-block'
import { HealthColourBlock } from '../../components/health-colour'
import { Item, Row } from '../../components/query-rows'
import { EmptyNotice, QueryView } from '../../components/query-view'
import { formatDateTime } from '../../format'
import { useCheckIn } from '../../hooks/use-check-in'
import { useT } from '../../i18n'
import { SELF } from '../../services/health-code'
import { fromParam } from '../../venue-link'
import '../../components/query-page.scss'
import './index.scss'

export default function CheckIn() {
  const t = useT()
  const { params } = useRouter()
  const holder = params.holder || SELF
  const c = useCheckIn(holder)
  const fromLink = useRef(fromParam(params.v))

  // Opened from a venue QR's link: check in at once, as scanning does.
  useEffect(() => {
    const code = fromLink.current
    if (!code) return
    fromLink.current = ''
    c.setInput(code)
    c.submit(code)
    // Once, for the link that opened the page.
  }, [])

  const scan = () =>
    void Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] }).then((res) => {
      c.setInput(res.result)
      c.submit(res.result)
    })
  const busy = c.state.status === 'submitting'

  return (
    <View className='ysx-page ysx-query page-check-in'>
      <View className='ysx-card'>
        <Text className='page-check-in__intro'>{t('healthCode.checkIn.intro')}</Text>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button className='page-check-in__scan' type='primary' block size='large' onClick={scan}>{t('healthCode.checkIn.scan')}</Button>
        ) : null}
        <Textarea
          className='page-check-in__input'
          value={c.input}
          maxlength={2000}
          placeholder={t('healthCode.checkIn.placeholder')}
          onInput={(e) => c.setInput(e.detail.value)}
        />
        <View className='page-check-in__actions'>
          <Button className='page-check-in__submit' type='primary' loading={busy} disabled={busy} onClick={() => c.submit()}>
            {busy ? t('healthCode.checkIn.submitting') : t('healthCode.checkIn.submit')}
          </Button>
        </View>
      </View>

      {c.state.status === 'failed' ? (
        <View className='ysx-card page-check-in__result page-check-in__result--failed'>
          <ErrorBlock code={c.state.code} message={c.state.message} onRetry={() => c.submit()} />
        </View>
      ) : c.state.status === 'done' ? (
        <View className='ysx-card page-check-in__result page-check-in__result--done'>
          <Text className='page-check-in__done'>{t('healthCode.checkIn.done')}</Text>
          <Text className='page-check-in__venue'>{c.state.result.checkIn.venueName}</Text>
          <Row label={t('healthCode.checkIn.area')} value={c.state.result.checkIn.area} />
          <Row label={t('healthCode.checkIn.at')} value={formatDateTime(c.state.result.checkIn.at)} />
          <Text className='page-check-in__label'>{t('healthCode.checkIn.status')}</Text>
          <HealthColourBlock colour={c.state.result.status.colour} size='small' className='page-check-in__colour' />
        </View>
      ) : null}

      <View className='page-check-in__recent'>
        <Text className='page-check-in__recent-title'>{t('healthCode.checkIn.recent')}</Text>
        {c.recent.state.status === 'empty' ? (
          <View className='ysx-card'>
            <EmptyNotice text={t('healthCode.checkIn.none')} />
          </View>
        ) : (
          <QueryView state={c.recent.state} onRetry={c.recent.reload} refreshing={c.recent.refreshing} empty={t('healthCode.checkIn.none')} rows={3}>
            {(data) => (
              <View className='ysx-card page-check-in__list'>
                {data.checkIns.map((record) => (
                  <Item
                    key={record.checkInId}
                    className='page-check-in__item'
                    title={record.venueName}
                    meta={[record.area, formatDateTime(record.at)]}
                  />
                ))}
              </View>
            )}
          </QueryView>
        )}
      </View>
    </View>
  )
}

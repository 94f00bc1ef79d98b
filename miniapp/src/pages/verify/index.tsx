// 核验证照: scan (weapp) or paste a QR text, verify offline with cached keys, then online; show the disclosed fields.
import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { CERTIFICATE_TYPES, type CertificateType } from '@ysx/shared'
import { DisclosedRows } from '../../components/disclosed-rows'
import { Row } from '../../components/query-rows'
import { formatDateTime } from '../../format'
import { type OnlineState, useVerifier } from '../../hooks/use-verifier'
import { useT } from '../../i18n'
import '../../components/query-page.scss'
import './index.scss'

function OnlineLine({ online }: { online: OnlineState }) {
  const t = useT()
  const [text, tone] =
    online.status === 'passed' ? [t('verify.onlinePassed'), 'ok']
      : online.status === 'pending' ? [t('verify.onlinePending'), 'muted']
        : online.status === 'failed' ? [`${t('verify.onlineFailed')}：${online.message}`, 'bad']
          : online.status === 'unavailable' ? [t('verify.onlineUnavailable'), 'muted'] : ['', 'muted']
  return text ? <Text className={`page-verify__state page-verify__state--${tone} page-verify__online`}>{text}</Text> : null
}

export default function Verify() {
  const t = useT()
  const v = useVerifier()
  const scan = () =>
    void Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] }).then((res) => {
      v.setInput(res.result)
      v.verify(res.result)
    })

  return (
    <View className='ysx-page page-verify'>
      <View className='ysx-card'>
        <Text className='page-verify__intro'>{t('verify.intro')}</Text>
        <Textarea
          className='page-verify__input'
          value={v.input}
          maxlength={2000}
          placeholder={t('verify.placeholder')}
          onInput={(e) => v.setInput(e.detail.value)}
        />
        <View className='page-verify__actions'>
          {process.env.TARO_ENV === 'weapp' ? <Button fill='outline' type='primary' onClick={scan}>{t('verify.scan')}</Button> : null}
          <Button type='primary' loading={v.state.status === 'verifying'} onClick={() => v.verify()}>
            {v.state.status === 'verifying' ? t('verify.verifying') : t('verify.submit')}
          </Button>
        </View>
      </View>
      {v.state.status === 'failed' ? (
        <View className='ysx-card page-verify__result'>
          <Text className='page-verify__state page-verify__state--bad'>{t('verify.offlineFailed')}</Text>
          <Text className='page-verify__message'>{v.state.message}</Text>
        </View>
      ) : v.state.status === 'passed' ? (
        <View className='ysx-card page-verify__result'>
          <Text className='page-verify__state page-verify__state--ok page-verify__offline'>{t('verify.offlinePassed')}</Text>
          <OnlineLine online={v.state.online} />
          <Row label={t('verify.certificate')} value={CERTIFICATE_TYPES[v.state.type as CertificateType] ?? v.state.type} />
          <Row label={t('verify.profile')} value={t(`wallet.profiles.${v.state.profile}`)} />
          <Row label={t('verify.presentedAt')} value={formatDateTime(new Date(v.state.presentedAt).toISOString())} />
          <DisclosedRows disclosed={v.state.disclosed} />
        </View>
      ) : null}
    </View>
  )
}

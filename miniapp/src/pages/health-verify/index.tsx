// 核验健康码: scan (weapp) or paste the code; the result is the colour, big, and when the QR was made — nothing else
// about the person — with whether it was checked online or only offline.
import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { HealthColourBlock } from '../../components/health-colour'
import { formatClock } from '../../format'
import { useHealthVerifier } from '../../hooks/use-health-verifier'
import { useT } from '../../i18n'
import './index.scss'

export default function HealthVerify() {
  const t = useT()
  const v = useHealthVerifier()
  const scan = () =>
    void Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] }).then((res) => {
      v.setInput(res.result)
      v.verify(res.result)
    })
  const busy = v.state.status === 'verifying'

  return (
    <View className='ysx-page page-health-verify'>
      <View className='ysx-card'>
        <Text className='page-health-verify__intro'>{t('healthCode.verify.intro')}</Text>
        <Textarea
          className='page-health-verify__input'
          value={v.input}
          maxlength={2000}
          placeholder={t('healthCode.verify.placeholder')}
          onInput={(e) => v.setInput(e.detail.value)}
        />
        <View className='page-health-verify__actions'>
          {process.env.TARO_ENV === 'weapp' ? <Button fill='outline' type='primary' onClick={scan}>{t('healthCode.verify.scan')}</Button> : null}
          <Button className='page-health-verify__submit' type='primary' loading={busy} disabled={busy} onClick={() => v.verify()}>
            {busy ? t('healthCode.verify.verifying') : t('healthCode.verify.submit')}
          </Button>
        </View>
      </View>
      {v.state.status === 'failed' ? (
        <View className='ysx-card page-health-verify__result page-health-verify__result--failed'>
          <Text className='page-health-verify__failed'>{t('healthCode.verify.failed')}</Text>
          <Text className='page-health-verify__message'>{v.state.message}</Text>
        </View>
      ) : v.state.status === 'passed' ? (
        <View className={`ysx-card page-health-verify__result page-health-verify__result--${v.state.mode}`}>
          <HealthColourBlock colour={v.state.colour} className='page-health-verify__colour' />
          <Text className='page-health-verify__time'>{t('healthCode.verify.presentedAt', { time: formatClock(v.state.presentedAt) })}</Text>
          <Text className={`page-health-verify__mode page-health-verify__mode--${v.state.mode}`}>
            {v.state.mode === 'online' ? t('healthCode.verify.online') : t('healthCode.verify.offline')}
          </Text>
        </View>
      ) : null}
    </View>
  )
}

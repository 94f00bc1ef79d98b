// 核验健康码: scan (weapp) or paste the code; the result is the colour, big, and when the QR was made — nothing else
// about the person — with whether it was checked online or only offline.
import { Text, View } from '@tarojs/components'
import { CodeInput } from '../../../components/code-input'
import { HealthColourBlock } from '../../../components/health-colour'
import { formatClock } from '../../../format'
import { useHealthVerifier } from '../../../hooks/use-health-verifier'
import { useT } from '../../../i18n'
import { usePageTitle } from '../../../i18n/shell'
import './index.scss'
import { careClass } from '../../../hooks/use-care-mode'

export default function HealthVerify() {
  usePageTitle('healthCode.verify.title')
  const t = useT()
  const v = useHealthVerifier()
  return (
    <View className={`ysx-page page-health-verify ${careClass()}`}>
      <CodeInput block="page-health-verify" texts="healthCode.verify" field={v.field} />
      {v.state.status === 'failed' ? (
        <View className="ysx-card page-health-verify__result page-health-verify__result--failed">
          <Text className="page-health-verify__failed">{t('healthCode.verify.failed')}</Text>
          <Text className="page-health-verify__message">{v.state.message}</Text>
        </View>
      ) : v.state.status === 'passed' ? (
        <View className={`ysx-card page-health-verify__result page-health-verify__result--${v.state.mode}`}>
          <HealthColourBlock colour={v.state.result.colour} className="page-health-verify__colour" />
          <Text className="page-health-verify__time">
            {t('healthCode.verify.presentedAt', { time: formatClock(v.state.result.presentedAt) })}
          </Text>
          <Text className={`page-health-verify__mode page-health-verify__mode--${v.state.mode}`}>
            {v.state.mode === 'online' ? t('healthCode.verify.online') : t('healthCode.verify.offline')}
          </Text>
          {v.state.credentialAgeMinutes === undefined ? null : (
            <Text className="page-health-verify__age">
              {t('healthCode.verify.signedAgo', { minutes: v.state.credentialAgeMinutes })}
            </Text>
          )}
        </View>
      ) : null}
    </View>
  )
}

// 核验证照: scan (weapp) or paste a QR text; verified online, or offline with the cached keys when the platform cannot
// be reached (and then labelled so); a pass shows the disclosed fields, a refusal nothing about the holder.
import { Text, View } from '@tarojs/components'
import { CERTIFICATE_TYPES, type CertificateType } from '@ysx/shared'
import { CodeInput } from '../../../components/code-input'
import { DisclosedRows } from '../../../components/disclosed-rows'
import { Row } from '../../../components/query-rows'
import { certificateTitle, formatDateTime } from '../../../format'
import { useVerifier } from '../../../hooks/use-verifier'
import { useT } from '../../../i18n'
import { usePageTitle } from '../../../i18n/shell'
import '../../../components/query-page.scss'
import './index.scss'
import { careClass } from '../../../hooks/use-care-mode'

export default function Verify() {
  usePageTitle('verify.title')
  const t = useT()
  const v = useVerifier()
  return (
    <View className={`ysx-page page-verify ${careClass()}`}>
      <CodeInput block="page-verify" texts="verify" field={v.field} />
      {v.state.status === 'failed' ? (
        <View className="ysx-card page-verify__result">
          <Text className={`page-verify__state page-verify__state--bad page-verify__${v.state.mode}`}>
            {v.state.mode === 'online' ? t('verify.onlineFailed') : t('verify.offlineFailed')}
          </Text>
          <Text className="page-verify__message">{v.state.message}</Text>
        </View>
      ) : v.state.status === 'passed' ? (
        <View className="ysx-card page-verify__result">
          <Text className={`page-verify__state page-verify__state--ok page-verify__${v.state.mode}`}>
            {v.state.mode === 'online' ? t('verify.onlinePassed') : t('verify.offlinePassed')}
          </Text>
          {v.state.mode === 'offline' ? (
            <Text className="page-verify__state page-verify__state--muted">{t('verify.offlineOnly')}</Text>
          ) : null}
          {v.state.mode === 'offline' && v.state.credentialAgeMinutes !== undefined ? (
            <Text className="page-verify__state page-verify__state--muted page-verify__age">
              {t('verify.signedAgo', { minutes: v.state.credentialAgeMinutes })}
            </Text>
          ) : null}
          <Row
            label={t('verify.certificate')}
            value={certificateTitle(
              v.state.result.type,
              CERTIFICATE_TYPES[v.state.result.type as CertificateType] ?? v.state.result.type,
            )}
          />
          <Row label={t('verify.profile')} value={t(`wallet.profiles.${v.state.result.profile}`)} />
          <Row
            label={t('verify.presentedAt')}
            value={formatDateTime(new Date(v.state.result.presentedAt).toISOString())}
          />
          <DisclosedRows disclosed={v.state.result.disclosed} />
        </View>
      ) : null}
    </View>
  )
}

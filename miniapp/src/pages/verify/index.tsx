// 核验证照: scan (weapp) or paste a QR text, verify offline with cached keys, then online; show the disclosed fields.
import { Text, View } from '@tarojs/components'
import { CERTIFICATE_TYPES, type CertificateType } from '@ysx/shared'
import { CodeInput } from '../../components/code-input'
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
    online.status === 'passed'
      ? [t('verify.onlinePassed'), 'ok']
      : online.status === 'pending'
        ? [t('verify.onlinePending'), 'muted']
        : online.status === 'failed'
          ? [`${t('verify.onlineFailed')}：${online.message}`, 'bad']
          : online.status === 'unavailable'
            ? [t('verify.onlineUnavailable'), 'muted']
            : ['', 'muted']
  return text ? (
    <Text className={`page-verify__state page-verify__state--${tone} page-verify__online`}>{text}</Text>
  ) : null
}

export default function Verify() {
  const t = useT()
  const v = useVerifier()
  return (
    <View className="ysx-page page-verify">
      <CodeInput
        block="page-verify"
        intro={t('verify.intro')}
        placeholder={t('verify.placeholder')}
        scanLabel={t('verify.scan')}
        submitLabel={t('verify.submit')}
        busyLabel={t('verify.verifying')}
        value={v.input}
        busy={v.state.status === 'verifying'}
        onInput={v.setInput}
        onSubmit={v.verify}
      />
      {v.state.status === 'failed' ? (
        <View className="ysx-card page-verify__result">
          <Text className="page-verify__state page-verify__state--bad">{t('verify.offlineFailed')}</Text>
          <Text className="page-verify__message">{v.state.message}</Text>
        </View>
      ) : v.state.status === 'passed' ? (
        <View className="ysx-card page-verify__result">
          <Text className="page-verify__state page-verify__state--ok page-verify__offline">
            {t('verify.offlinePassed')}
          </Text>
          <OnlineLine online={v.state.online} />
          <Row
            label={t('verify.certificate')}
            value={CERTIFICATE_TYPES[v.state.type as CertificateType] ?? v.state.type}
          />
          <Row label={t('verify.profile')} value={t(`wallet.profiles.${v.state.profile}`)} />
          <Row label={t('verify.presentedAt')} value={formatDateTime(new Date(v.state.presentedAt).toISOString())} />
          <DisclosedRows disclosed={v.state.disclosed} />
        </View>
      ) : null}
    </View>
  )
}

// 粤澳转码: after an explicit consent, the transfer payload (a JWS Macau verifies with the platform's JWKS) as a QR, with
// the colour, the last negative test's date and the expiry.
import { Text, View } from '@tarojs/components'
import { Checkbox } from '@nutui/nutui-react-taro'
import { ErrorBlock } from '../../../components/error-block'
import { SubmitButton } from '../../../components/form-controls'
import { HealthColourBlock } from '../../../components/health-colour'
import { Row } from '../../../components/query-rows'
import { QrCode } from '../../../components/qr-code'
import { formatDateTime, formatValue } from '../../../format'
import { useHolder } from '../../../hooks/use-holder'
import { useTransfer } from '../../../hooks/use-transfer'
import { useT } from '../../../i18n'
import { usePageTitle } from '../../../i18n/shell'
import '../../../components/query-page.scss'
import './index.scss'
import { careClass } from '../../../hooks/use-care-mode'

export default function HealthTransfer() {
  usePageTitle('healthCode.transfer.title')
  const t = useT()
  const transfer = useTransfer(useHolder())
  const { consent, setConsent, missingConsent, state, submit } = transfer

  if (state.status === 'done') {
    const done = state.transfer
    return (
      <View className={`ysx-page ysx-query page-health-transfer ${careClass()}`}>
        <View className="ysx-card page-health-transfer__result">
          <Text className="ysx-card__title">{t('healthCode.transfer.codeTitle')}</Text>
          <HealthColourBlock colour={done.colour} size="small" className="page-health-transfer__colour" />
          <View className="page-health-transfer__qr">
            <QrCode text={done.payload} label={t('healthCode.transfer.codeTitle')} />
          </View>
          <View className="ysx-visually-hidden page-health-transfer__qr-text" data-testid="transfer-qr-text">
            {done.payload}
          </View>
          <Row label={t('healthCode.transfer.colour')} value={t(`healthCode.colours.${done.colour}`)} />
          <Row
            label={t('healthCode.transfer.negativeTestDate')}
            value={done.negativeTestDate ? formatValue(done.negativeTestDate) : t('healthCode.transfer.noNegativeTest')}
          />
          <Row label={t('healthCode.transfer.expiresAt')} value={formatDateTime(done.expiresAt)} />
          <Text className="page-health-transfer__hint">{t('healthCode.transfer.hint')}</Text>
        </View>
      </View>
    )
  }

  return (
    <View className={`ysx-page ysx-query page-health-transfer ${careClass()}`}>
      <View className="ysx-card">
        <Text className="page-health-transfer__intro">{t('healthCode.transfer.intro')}</Text>
        <Checkbox
          className="page-health-transfer__consent"
          checked={consent}
          onChange={setConsent}
          label={t('healthCode.transfer.consent')}
        />
        {missingConsent ? (
          <Text className="page-health-transfer__error">{t('healthCode.transfer.consentRequired')}</Text>
        ) : null}
        <SubmitButton className="page-health-transfer__submit" form={transfer} texts="healthCode.transfer" />
      </View>
      {state.status === 'failed' ? (
        <View className="ysx-card">
          <ErrorBlock code={state.code} message={state.message} onRetry={submit} />
        </View>
      ) : null}
    </View>
  )
}

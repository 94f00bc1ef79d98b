// 亮证: the rotating QR signed on this device, a countdown to the next one, and what the verifier will see.
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { DISCLOSURE_PROFILES, type DisclosureProfile } from '@ysx/shared'
import { DisclosedRows } from '../../../components/disclosed-rows'
import { ErrorBlock } from '../../../components/error-block'
import { Preparing } from '../../../components/preparing'
import { QrCode } from '../../../components/qr-code'
import { formatDateTime } from '../../../format'
import { usePresentation } from '../../../hooks/use-presentation'
import { useT } from '../../../i18n'
import { usePageTitle } from '../../../i18n/shell'
import './index.scss'
import { careClass } from '../../../hooks/use-care-mode'

const isProfile = (p: string | undefined): p is DisclosureProfile => !!p && p in DISCLOSURE_PROFILES

export default function Present() {
  usePageTitle('present.title')
  const t = useT()
  const { params } = useRouter()
  const profile = isProfile(params.profile) ? params.profile : 'traffic_police'
  const { state, retry } = usePresentation(params.id ?? '', profile)

  return (
    <View className={`ysx-page page-present ${careClass()}`}>
      <View className="ysx-card page-present__card">
        <Text className="page-present__profile">{t(`wallet.profiles.${profile}`)}</Text>
        {state.status === 'preparing' ? (
          <Preparing block="page-present" text={t('present.preparing')} rows={3} />
        ) : state.status === 'error' ? (
          <ErrorBlock code={state.code} message={state.message} onRetry={retry} />
        ) : (
          <>
            <QrCode text={state.text} label={t('present.title')} />
            <View className="ysx-visually-hidden page-present__qr-text" data-testid="qr-text">
              {state.text}
            </View>
            <Text className="page-present__countdown">{t('present.refreshIn', { seconds: state.secondsLeft })}</Text>
            <Button size="small" fill="outline" type="primary" onClick={retry}>
              {t('present.refreshNow')}
            </Button>
            <Text className="page-present__hint">
              {t('present.validUntil', { time: formatDateTime(state.issued.expiresAt) })}
            </Text>
            <Text className="page-present__hint">{t('present.offline')}</Text>
          </>
        )}
      </View>
      {state.status === 'ready' ? (
        <View className="ysx-card">
          <Text className="ysx-card__title">{t('present.disclosedTitle')}</Text>
          <DisclosedRows disclosed={state.issued.disclosed} />
          <Text className="page-present__notice">{t('present.notice')}</Text>
        </View>
      ) : null}
    </View>
  )
}

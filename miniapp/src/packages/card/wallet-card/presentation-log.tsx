// 核验记录: every online verification of this card, so the citizen sees who checked it, when and with what result.
import { Text, View } from '@tarojs/components'
import { ErrorBlock } from '../../../components/error-block'
import { Row } from '../../../components/query-rows'
import { formatDateTime } from '../../../format'
import type { PresentationLogQuery } from '../../../hooks/use-wallet-card'
import { useT } from '../../../i18n'

export function PresentationLog({ log }: { log: PresentationLogQuery }) {
  const t = useT()
  const { state } = log
  const entries = state.status === 'ready' ? state.data.entries : []
  return (
    <View className="ysx-card page-wallet-card__log">
      <Text className="ysx-card__title">{t('wallet.log.title')}</Text>
      {/* A log that failed to load says so (with 重试), never that the card was not verified. */}
      {state.status === 'error' ? (
        <ErrorBlock code={state.code} message={state.message} onRetry={log.reload} busy={log.refreshing} compact />
      ) : null}
      {state.status === 'ready' && entries.length === 0 ? (
        <Text className="page-wallet-card__empty">{t('wallet.log.empty')}</Text>
      ) : null}
      {entries.map((e) => (
        <Row
          key={e.verifiedAt + e.profile}
          label={`${t(`wallet.profiles.${e.profile}`)} · ${formatDateTime(e.verifiedAt)}`}
          value={t(`wallet.log.outcomes.${e.outcome}`)}
        />
      ))}
    </View>
  )
}

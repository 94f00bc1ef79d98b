// 核验记录: every online verification of this card, so the citizen sees who checked it, when and with what result.
import { Text, View } from '@tarojs/components'
import { Row } from '../../components/query-rows'
import { formatDateTime } from '../../format'
import { usePresentationLog } from '../../hooks/use-wallet-card'
import { useT } from '../../i18n'

export function PresentationLog({ id }: { id: string }) {
  const t = useT()
  const log = usePresentationLog(id)
  const entries = log.state.status === 'ready' ? log.state.data.entries : []
  return (
    <View className="ysx-card page-wallet-card__log">
      <Text className="ysx-card__title">{t('wallet.log.title')}</Text>
      {entries.length === 0 ? <Text className="page-wallet-card__note">{t('wallet.log.empty')}</Text> : null}
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

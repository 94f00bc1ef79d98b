// The face of one e-certificate, coloured like the real card: title, issuer, masked number and holder, status tag.
import { Text, View } from '@tarojs/components'
import type { CertificateStatus } from '@ysx/shared'
import { certificateTitle, formatDate } from '../format'
import { departmentName, useT } from '../i18n'
import type { WalletList } from '../services/wallet'
import './wallet-card.scss'

type Card = WalletList['cards'][number]

interface WalletCardProps {
  card: Card
  /** Shown instead of the masked number and holder after a reveal */
  full?: { number: string; holderName: string; issuingAuthority?: string } | null
  onClick?: () => void
}

const STATUS_TONE: Record<CertificateStatus, string> = {
  valid: 'valid',
  expired: 'muted',
  suspended: 'warn',
  revoked: 'muted',
}

export function WalletCard({ card, full = null, onClick }: WalletCardProps) {
  const t = useT()
  return (
    <View className={`ysx-wallet-card ysx-wallet-card--${card.type}`} onClick={onClick}>
      <View className="ysx-wallet-card__head">
        <Text className="ysx-wallet-card__title">{certificateTitle(card.type, card.title)}</Text>
        <Text className={`ysx-wallet-card__status ysx-wallet-card__status--${STATUS_TONE[card.status]}`}>
          {t(`certificateStatus.${card.status}`)}
        </Text>
      </View>
      <Text className="ysx-wallet-card__issuer">{`${departmentName(card.department)} · ${full?.issuingAuthority ?? card.issuingAuthority}`}</Text>
      <Text className="ysx-wallet-card__number">{full?.number ?? card.number}</Text>
      <View className="ysx-wallet-card__foot">
        <Text className="ysx-wallet-card__holder">{`${t('wallet.holder')} ${full?.holderName ?? card.holderName}`}</Text>
        <Text className="ysx-wallet-card__expiry">{`${t('wallet.expiryDate')} ${card.expiryDate ? formatDate(card.expiryDate) : t('wallet.longTerm')}`}</Text>
      </View>
    </View>
  )
}

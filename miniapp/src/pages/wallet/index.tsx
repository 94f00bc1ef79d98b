// 卡包: the citizen's e-certificates as cards; issuers that could not answer are named; login / real-name hints.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageHeader } from '../../components/page-header'
import { QueryView } from '../../components/query-view'
import { UnavailableIssuers } from '../../components/unavailable-issuers'
import { WalletCard } from '../../components/wallet-card'
import { useWallet } from '../../hooks/use-wallet'
import { useT } from '../../i18n'
import { usePageTitle } from '../../i18n/shell'
import { PAGES } from '../../page-paths'
import './index.scss'
import { useCareMode } from '../../hooks/use-care-mode'

export default function Wallet() {
  usePageTitle('wallet.title')
  const { rootClass } = useCareMode()
  const t = useT()
  const query = useWallet()
  const open = (id: string) => void Taro.navigateTo({ url: `${PAGES.walletCard}?id=${id}` })

  return (
    <View className={`ysx-page page-wallet ${rootClass}`}>
      <PageHeader title={t('wallet.title')} />
      <QueryView query={query} empty={t('wallet.none')}>
        {({ cards, unavailableFrom }) => (
          <>
            <Text className="page-wallet__count">
              {cards.length ? t('wallet.count', { count: cards.length }) : t('wallet.none')}
            </Text>
            <UnavailableIssuers departments={unavailableFrom} className="page-wallet__unavailable" />
            {cards.map((card) => (
              <View key={card.id} className="page-wallet__item">
                <WalletCard card={card} onClick={() => open(card.id)} />
              </View>
            ))}
          </>
        )}
      </QueryView>
      <Text className="page-wallet__verify" onClick={() => void Taro.navigateTo({ url: PAGES.verify })}>
        {t('wallet.verifyEntry')}
      </Text>
    </View>
  )
}

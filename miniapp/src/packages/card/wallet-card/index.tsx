// 证照详情: the card, its fields (masked), 查看完整信息 after a face check, 亮证 with a chosen profile, and its 核验记录.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { ActionSheet, Button } from '@nutui/nutui-react-taro'
import type { DisclosureProfile } from '@ysx/shared'
import { Row } from '../../../components/query-rows'
import { formatDate } from '../../../format'
import { QueryPage } from '../../../components/query-view'
import { WalletCard } from '../../../components/wallet-card'
import { usePresentationLog, useWalletCard } from '../../../hooks/use-wallet-card'
import { departmentName, useT } from '../../../i18n'
import { usePageTitle } from '../../../i18n/shell'
import { PAGES } from '../../../page-paths'
import { fieldLabel, fieldValue, profilesFor } from '../../../wallet-labels'
import { PresentationLog } from './presentation-log'
import '../../../components/query-page.scss'
import './index.scss'

export default function WalletCardPage() {
  usePageTitle('wallet.details')
  const t = useT()
  const id = useRouter().params.id ?? ''
  const card = useWalletCard(id)
  // Loaded with the page (and again whenever it shows), not when the card below has arrived: a hook in a component
  // mounted after the page showed would miss that show and never load.
  const log = usePresentationLog(id)
  const [choosing, setChoosing] = useState(false)
  const present = (profile: DisclosureProfile) => {
    setChoosing(false)
    void Taro.navigateTo({ url: `${PAGES.present}?id=${id}&profile=${profile}` })
  }

  return (
    <QueryPage block="page-wallet-card" query={card.query} empty={t('wallet.none')}>
      {(detail) => {
        const profiles = profilesFor(detail.type)
        const fields = card.full?.fields ?? detail.fields
        return (
          <>
            <WalletCard card={detail} full={card.full} />
            {profiles.length ? (
              <View className="page-wallet-card__present">
                {detail.status === 'valid' ? (
                  <Button type="primary" block size="large" onClick={() => setChoosing(true)}>
                    {t('wallet.present')}
                  </Button>
                ) : (
                  <Text className="page-wallet-card__note">{t('wallet.notPresentable')}</Text>
                )}
              </View>
            ) : null}
            <View className="ysx-card">
              <Text className="ysx-card__title">{t('wallet.details')}</Text>
              <Row label={t('wallet.number')} value={card.full?.number ?? detail.number} />
              <Row label={t('wallet.holder')} value={card.full?.holderName ?? detail.holderName} />
              <Row label={t('wallet.issueDate')} value={formatDate(detail.issueDate)} />
              <Row
                label={t('wallet.expiryDate')}
                value={detail.expiryDate ? formatDate(detail.expiryDate) : t('wallet.longTerm')}
              />
              <Row
                label={t('wallet.issuingAuthority')}
                value={card.full?.issuingAuthority ?? detail.issuingAuthority}
              />
              <Row label={t('wallet.department')} value={departmentName(detail.department)} />
              {fields.map((f) => (
                <Row key={f.key} label={fieldLabel(f.key)} value={fieldValue(f.key, f.value)} />
              ))}
              <View className="page-wallet-card__reveal">
                <Button
                  size="small"
                  fill="outline"
                  type="primary"
                  loading={card.busy}
                  disabled={card.busy}
                  onClick={card.full ? card.hide : card.reveal}
                >
                  {card.full ? t('wallet.hideFull') : card.busy ? t('wallet.revealing') : t('wallet.reveal')}
                </Button>
              </View>
              {card.failure ? <Text className="page-wallet-card__failure">{card.failure}</Text> : null}
            </View>
            {profiles.length ? <PresentationLog log={log} /> : null}
            <ActionSheet
              visible={choosing}
              title={t('wallet.chooseProfile')}
              description={t('wallet.presentHint')}
              options={profiles.map((p) => ({ name: t(`wallet.profiles.${p}`) }))}
              onSelect={(_option, index) => {
                const chosen = profiles[index]
                if (chosen) present(chosen)
              }}
              cancelText={t('common.cancel')}
              onCancel={() => setChoosing(false)}
            />
          </>
        )
      }}
    </QueryPage>
  )
}

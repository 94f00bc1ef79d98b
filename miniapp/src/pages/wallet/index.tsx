// 卡包: the citizen's e-certificates; empty until login and real-name binding exist.
import { Image, View } from '@tarojs/components'
import { Empty } from '@nutui/nutui-react-taro'
import emptyWallet from '../../assets/empty-wallet.png'
import { PageHeader } from '../../components/page-header'
import { useT } from '../../i18n'
import './index.scss'

export default function Wallet() {
  const t = useT()

  return (
    <View className='ysx-page page-wallet'>
      <PageHeader title={t('wallet.title')} />
      <View className='ysx-card'>
        <Empty
          className='page-wallet__empty'
          image={<Image className='page-wallet__image' src={emptyWallet} mode='aspectFit' />}
          description={t('wallet.empty')}
        />
      </View>
    </View>
  )
}

// 证照详情 page config (read at build time).
import { zhCN } from '@ysx/shared'

export default definePageConfig({
  navigationBarTitleText: zhCN.wallet.details,
  navigationStyle: 'default',
})

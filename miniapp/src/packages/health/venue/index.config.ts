// 场所码申领 page config (read at build time).
import { zhCN } from '@ysx/shared'

export default definePageConfig({
  navigationBarTitleText: zhCN.healthCode.venue.title,
  navigationStyle: 'default',
})

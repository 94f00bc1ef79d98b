// 扫码签到 page config (read at build time).
import { zhCN } from '@ysx/shared'

export default definePageConfig({
  navigationBarTitleText: zhCN.healthCode.checkIn.title,
  navigationStyle: 'default',
})

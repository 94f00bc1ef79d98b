// 核验证照 page config (read at build time).
import { zhCN } from '@ysx/shared'

export default definePageConfig({
  navigationBarTitleText: zhCN.verify.title,
  navigationStyle: 'default',
})

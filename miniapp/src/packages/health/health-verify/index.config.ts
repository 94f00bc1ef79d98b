// 核验健康码 page config (read at build time).
import { zhCN } from '@ysx/shared'

export default definePageConfig({
  navigationBarTitleText: zhCN.healthCode.verify.title,
  navigationStyle: 'default',
})

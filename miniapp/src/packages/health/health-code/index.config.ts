// 粤康码 page config (read at build time).
import { zhCN } from '@ysx/shared'

export default definePageConfig({
  navigationBarTitleText: zhCN.healthCode.title,
  navigationStyle: 'default',
})

// 申诉纠错 page config (read at build time).
import { zhCN } from '@ysx/shared'

export default definePageConfig({
  navigationBarTitleText: zhCN.healthCode.appeal.title,
  navigationStyle: 'default',
})

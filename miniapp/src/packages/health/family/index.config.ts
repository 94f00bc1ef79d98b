// 代亲友 page config (read at build time).
import { zhCN } from '@ysx/shared'

export default definePageConfig({
  navigationBarTitleText: zhCN.healthCode.family.title,
  navigationStyle: 'default',
})

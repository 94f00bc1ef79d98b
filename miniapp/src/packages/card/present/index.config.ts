// 亮证 page config (read at build time).
import { zhCN } from '@ysx/shared'

export default definePageConfig({
  navigationBarTitleText: zhCN.present.title,
  navigationStyle: 'default',
})

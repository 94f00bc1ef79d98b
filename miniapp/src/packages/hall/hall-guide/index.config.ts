// 办事指南 page config (read at build time).
import { zhCN } from '@ysx/shared'

export default definePageConfig({
  navigationBarTitleText: zhCN.services.guide.title,
  // H5 shows Taro's navigation bar (with its back button) only where asked; the weapp always has one.
  navigationStyle: 'default',
})

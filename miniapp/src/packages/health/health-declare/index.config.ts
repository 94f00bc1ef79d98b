// 健康申报 page config (read at build time).
import { zhCN } from '@ysx/shared'

export default definePageConfig({
  navigationBarTitleText: zhCN.healthCode.declare.title,
  navigationStyle: 'default',
})

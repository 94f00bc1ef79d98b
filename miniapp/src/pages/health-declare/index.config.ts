// 健康申报 page config (read at build time).
import { catalogues, DEFAULT_LOCALE } from '@ysx/shared'

export default definePageConfig({
  navigationBarTitleText: catalogues[DEFAULT_LOCALE].healthCode.declare.title,
  navigationStyle: 'default',
})

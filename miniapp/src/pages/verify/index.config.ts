// 核验证照 page config (read at build time).
import { catalogues, DEFAULT_LOCALE } from '@ysx/shared'

export default definePageConfig({
  navigationBarTitleText: catalogues[DEFAULT_LOCALE].verify.title,
  navigationStyle: 'default',
})

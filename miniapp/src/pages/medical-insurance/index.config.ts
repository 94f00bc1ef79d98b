// 医保查询 page config (read at build time).
import { catalogues, DEFAULT_LOCALE } from '@ysx/shared'

export default definePageConfig({
  navigationBarTitleText: catalogues[DEFAULT_LOCALE].queries.medicalInsurance.title,
  // H5 shows Taro's navigation bar (with its back button) only where asked; the weapp always has one.
  navigationStyle: 'default',
})

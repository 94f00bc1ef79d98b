// The one i18n catalogue set: the catalogues by locale and error messages by code. The locales and their negotiation
// from Accept-Language are in locales.ts, which holds no catalogue: the mini-program's first load takes only zh-CN.
import type { ErrorCode } from '../errors'
import { en } from './en'
import { DEFAULT_LOCALE, type Locale } from './locales'
import { type Catalogue, zhCN } from './zh-CN'
import { zhHK } from './zh-HK'

export * from './locales'

export const catalogues: Record<Locale, Catalogue> = { 'zh-CN': zhCN, 'zh-HK': zhHK, en }

export function errorMessage(code: ErrorCode, locale: Locale = DEFAULT_LOCALE): string {
  return catalogues[locale].errors[code]
}

export type { Catalogue }
// Each catalogue on its own too: the mini-program bundles zh-CN and loads the others when a citizen picks one.
export { en, zhCN, zhHK }

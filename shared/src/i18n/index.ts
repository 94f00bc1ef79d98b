// The one i18n catalogue set: locales, negotiation from Accept-Language, and error messages by code.
import type { ErrorCode } from '../errors'
import { type Catalogue, zhCN } from './zh-CN'

// To add a locale (zh-HK, en …): a folder beside zh-CN/ with the same files, each exporting the same namespaces, and an
// index.ts assembling them as a `Catalogue` (the compiler then checks it key by key against zh-CN); then an entry in
// LOCALES and in `catalogues` below.
export const LOCALES = ['zh-CN'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'zh-CN'

export const catalogues: Record<Locale, Catalogue> = { 'zh-CN': zhCN }

/** Picks the best supported locale from an Accept-Language header; falls back to zh-CN. */
export const negotiateLocale = (acceptLanguage: string | undefined): Locale =>
  negotiate(acceptLanguage, LOCALES, DEFAULT_LOCALE)

/**
 * The negotiation itself, over any list of supported locales (the catalogue has one today; the rule is tested with
 * several): by quality, an exact tag before the same language, else the fallback.
 */
export function negotiate<L extends string>(
  acceptLanguage: string | undefined,
  supported: readonly L[],
  fallback: L,
): L {
  if (!acceptLanguage) return fallback
  const wanted = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=')
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q) }
    })
    .filter((w) => w.tag && Number.isFinite(w.q) && w.q > 0)
    .sort((a, b) => b.q - a.q)
  for (const { tag } of wanted) {
    const exact = supported.find((l) => l.toLowerCase() === tag)
    if (exact) return exact
    const sameLanguage = supported.find((l) => l.toLowerCase().split('-')[0] === tag.split('-')[0])
    if (sameLanguage) return sameLanguage
  }
  return fallback
}

export function errorMessage(code: ErrorCode, locale: Locale = DEFAULT_LOCALE): string {
  return catalogues[locale].errors[code]
}

export type { Catalogue }

// The supported locales and how a language tag (Accept-Language, a device's language) picks one.

// To add a locale: a folder beside zh-CN/ with the same files, each typed by zh-CN's namespace (`Catalogue['errors']` …)
// and an index.ts assembling them as a `Catalogue` (the compiler then checks it key by key against zh-CN); then an entry
// in LOCALES, in `catalogues` and, for its regional tags, in ALIASES below.
export const LOCALES = ['zh-CN', 'zh-HK', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'zh-CN'

/**
 * Language tags that name a supported locale under another name: traditional Chinese (any zh-Hant, Taiwan, Macao) reads
 * zh-HK; simplified Chinese (any zh-Hans, Singapore) reads zh-CN. Any other tag falls to its language (en-GB → en).
 */
const ALIASES: [RegExp, Locale][] = [
  [/^zh-(hant(-.*)?|tw|mo|hk)$/, 'zh-HK'],
  [/^zh-(hans(-.*)?|cn|sg)$/, 'zh-CN'],
]

/** The supported locale a language tag names (zh-TW → zh-HK), or the tag as it was. */
export function canonicalLocaleTag(tag: string): string {
  const lower = tag.trim().toLowerCase()
  return ALIASES.find(([pattern]) => pattern.test(lower))?.[1] ?? tag.trim()
}

/** The locales of the Accept-Language headers seen lately: phones send a handful of distinct ones, on every request. */
const negotiated = new Map<string, Locale>()
const NEGOTIATED_KEPT = 256

/**
 * Picks the best supported locale from an Accept-Language header (zh-TW, zh-MO, zh-Hant → zh-HK); else zh-CN. A header
 * seen before is answered from memory (a few µs of parsing saved per request; the memory emptied past 256 headers).
 */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  if (acceptLanguage === undefined) return DEFAULT_LOCALE
  let locale = negotiated.get(acceptLanguage)
  if (locale === undefined) {
    if (negotiated.size >= NEGOTIATED_KEPT) negotiated.clear()
    locale = negotiateHeader(acceptLanguage)
    negotiated.set(acceptLanguage, locale)
  }
  return locale
}

const negotiateHeader = (acceptLanguage: string): Locale =>
  negotiate(
    acceptLanguage
      .split(',')
      .map((part) => {
        const [tag = '', ...rest] = part.split(';')
        return [canonicalLocaleTag(tag), ...rest].join(';')
      })
      .join(','),
    LOCALES,
    DEFAULT_LOCALE,
  )

/**
 * The negotiation itself, over any list of supported locales: by quality, an exact tag before the same language,
 * else the fallback.
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

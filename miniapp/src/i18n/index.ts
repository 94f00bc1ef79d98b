// The mini-program's one i18n module: i18next over the shared catalogues, a typed t() and a useT() hook.
import { useEffect, useState } from 'react'
import i18next from 'i18next'
import { type Catalogue, DEFAULT_LOCALE, type Locale, LOCALES, negotiateLocale, zhCN } from '@ysx/shared'

/** Every dotted path to a string in the catalogue, e.g. 'home.healthCode'. */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>
}[keyof T & string]

export type TranslationKey = Leaves<Catalogue>
export type TranslationValues = Record<string, string | number>

const i18n = i18next.createInstance()

void i18n.init({
  // Resources are bundled: initialise synchronously so the first render already has text.
  initAsync: false,
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  // zh-CN is bundled; another catalogue is loaded when it is chosen (setLocale), so the first load carries one.
  resources: { [DEFAULT_LOCALE]: { translation: zhCN } },
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  showSupportNotice: false,
})

export function t(key: TranslationKey, values?: TranslationValues): string {
  return String(i18n.t(key, values))
}

/** The locale the UI is shown in; sent to the BFF as Accept-Language. */
export function currentLocale(): Locale {
  const language = i18n.language
  return LOCALES.find((l) => l === language) ?? DEFAULT_LOCALE
}

/**
 * The catalogues not bundled with the first load, each its own chunk, imported from its own entry: through the
 * `@ysx/shared` barrel, a start in zh-HK or English also loaded zod and every contract (about 100 KB gzipped).
 */
const LOADERS: Partial<Record<Locale, () => Promise<Catalogue>>> = {
  'zh-HK': async () => (await import('@ysx/shared/i18n/zh-HK')).zhHK,
  en: async () => (await import('@ysx/shared/i18n/en')).en,
}

export async function setLocale(locale: Locale): Promise<void> {
  const load = LOADERS[locale]
  if (load && !i18n.hasResourceBundle(locale, 'translation'))
    i18n.addResourceBundle(locale, 'translation', await load())
  await i18n.changeLanguage(locale)
}

/**
 * The locale a device's language reads (WeChat says zh_CN, zh_HK, zh_TW, en; a browser zh-TW, en-GB …): traditional
 * Chinese reads zh-HK, any English en, anything else zh-CN — the BFF's rule for Accept-Language.
 */
export function localeOf(tag: string | undefined): Locale {
  return negotiateLocale(tag?.replace(/_/g, '-'))
}

/** Whether a stored value names a supported locale. */
export function isLocale(value: unknown): value is Locale {
  return LOCALES.some((l) => l === value)
}

/** t() for components: re-renders the component when the language changes. */
export function useT(): typeof t {
  const [, setLanguage] = useState(i18n.language)
  useEffect(() => {
    const onChange = (language: string) => setLanguage(language)
    i18n.on('languageChanged', onChange)
    return () => i18n.off('languageChanged', onChange)
  }, [])
  return t
}

/** Whether a dotted path names a string in the catalogue (for keys built from data, such as field paths). */
export function catalogueHas(key: string): boolean {
  return i18n.exists(key) && typeof i18n.t(key, { returnObjects: true }) === 'string'
}

/** A department's display name (公安, 医保 …) from its code; an unknown code is shown as is. */
export function departmentName(code: string): string {
  return i18n.exists(`departments.${code}`) ? t(`departments.${code}` as TranslationKey) : code
}

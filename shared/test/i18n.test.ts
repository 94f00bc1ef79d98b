// The i18n catalogue: locale negotiation (the rule, over several locales, since the catalogue has one today) and a
// message of its own for every error code.
import { catalogues, DEFAULT_LOCALE, ERROR_CODES, errorMessage, LOCALES, negotiate, negotiateLocale } from '../src'

const SUPPORTED = ['en', 'zh-CN', 'zh-HK'] as const
const FALLBACK = 'zh-CN'

test.each([
  ['no header', undefined, 'zh-CN'],
  ['an empty header', '', 'zh-CN'],
  ['an exact tag', 'zh-HK', 'zh-HK'],
  ['an exact tag in another case', 'ZH-hk', 'zh-HK'],
  ['the higher quality, whatever the order', 'en;q=0.5,zh-HK;q=0.9', 'zh-HK'],
  ['a tag without q (quality 1) over q=0.8', 'zh-HK;q=0.8,en', 'en'],
  ['the first of equal qualities', 'en,zh-HK', 'en'],
  ['the first of equal qualities, the other way round', 'zh-HK,en', 'zh-HK'],
  ['the same language when the region is not supported', 'en-GB', 'en'],
  ['the best tag’s language before a lower exact tag', 'zh-TW,en;q=0.9', 'zh-CN'],
  ['an exact tag before the same language', 'zh-hk', 'zh-HK'],
  ['the fallback for an unsupported language', 'fr-FR,fr;q=0.9', 'zh-CN'],
  ['a tag with q=0 refused', 'en;q=0', 'zh-CN'],
  ['a q that is not a number skipped', 'en;q=high,zh-HK;q=0.1', 'zh-HK'],
  ['spaces around the parts', ' en;q=0.2 , zh-HK;q=0.3 ', 'zh-HK'],
  ['a wildcard is no locale', '*', 'zh-CN'],
])('Accept-Language negotiation: %s', (_what, header, locale) => {
  expect(negotiate(header, SUPPORTED, FALLBACK)).toBe(locale)
})

test('the catalogue offers zh-CN only, so every Accept-Language gets zh-CN', () => {
  expect(LOCALES).toEqual(['zh-CN'])
  expect(DEFAULT_LOCALE).toBe('zh-CN')
  for (const header of [undefined, 'en', 'zh-HK', 'zh', 'fr;q=1,en;q=0.5'])
    expect(negotiateLocale(header)).toBe('zh-CN')
})

test('every error code has a message of its own in every locale: Chinese text, not the code, not the generic INTERNAL one', () => {
  for (const locale of LOCALES) {
    const generic = errorMessage('INTERNAL', locale)
    for (const code of ERROR_CODES) {
      const message = errorMessage(code, locale)
      expect([code, message]).not.toEqual([code, code])
      expect([code, /\p{Script=Han}/u.test(message)]).toEqual([code, true])
    }
    for (const code of ERROR_CODES.filter((c) => c !== 'INTERNAL')) {
      expect([code, errorMessage(code, locale)]).not.toEqual([code, generic])
    }
    expect(Object.keys(catalogues[locale].errors).sort()).toEqual([...ERROR_CODES].sort())
  }
})

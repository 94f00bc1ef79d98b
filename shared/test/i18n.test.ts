// The i18n catalogue: locale negotiation (the rule, and the aliases that send traditional Chinese to zh-HK), every
// locale with every key of zh-CN and the same placeholders, and a message of its own for every error code.
import {
  type Catalogue,
  canonicalLocaleTag,
  catalogues,
  DEFAULT_LOCALE,
  ERROR_CODES,
  errorMessage,
  LOCALES,
  negotiate,
  negotiateLocale,
} from '../src'

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

test('the catalogue offers zh-CN, zh-HK and English, zh-CN by default', () => {
  expect(LOCALES).toEqual(['zh-CN', 'zh-HK', 'en'])
  expect(DEFAULT_LOCALE).toBe('zh-CN')
})

test.each([
  ['no header: the default', undefined, 'zh-CN'],
  ['zh-CN', 'zh-CN', 'zh-CN'],
  ['plain zh: simplified', 'zh', 'zh-CN'],
  ['zh-HK', 'zh-HK', 'zh-HK'],
  ['zh-TW: traditional, so zh-HK', 'zh-TW', 'zh-HK'],
  ['zh-MO: traditional, so zh-HK', 'zh-MO', 'zh-HK'],
  ['zh-Hant', 'zh-Hant', 'zh-HK'],
  ['zh-Hant-TW', 'zh-Hant-TW', 'zh-HK'],
  ['zh-Hans-HK: simplified wins over the region', 'zh-Hans-HK', 'zh-CN'],
  ['zh-SG: simplified', 'zh-SG', 'zh-CN'],
  ['en', 'en', 'en'],
  ['en-US', 'en-US', 'en'],
  ['en-GB with a quality', 'fr;q=0.9,en-GB;q=0.8', 'en'],
  ['zh-TW preferred to en', 'en;q=0.5,zh-TW', 'zh-HK'],
  ['a browser’s full header', 'zh-TW,zh;q=0.9,en-US;q=0.8,en;q=0.7', 'zh-HK'],
  ['an unsupported language: the default', 'fr-FR,de;q=0.9', 'zh-CN'],
])('the BFF’s negotiation: %s', (_what, header, locale) => {
  expect(negotiateLocale(header)).toBe(locale)
})

test('a header seen before answers the same locale, also after hundreds of other headers came and went', () => {
  const headers = ['zh-TW,zh;q=0.9', 'en-GB,en;q=0.9', 'zh-CN,zh;q=0.9']
  const first = headers.map(negotiateLocale)
  expect(first).toEqual(['zh-HK', 'en', 'zh-CN'])
  for (let i = 0; i < 600; i += 1) negotiateLocale(`x-${i},en;q=0.${(i % 9) + 1}`)
  expect(headers.map(negotiateLocale)).toEqual(first)
  expect(negotiateLocale(undefined)).toBe('zh-CN')
  expect(negotiateLocale('')).toBe('zh-CN')
})

test('a device’s language tag names the locale it reads (what the mini-program’s first run follows)', () => {
  expect(['zh_TW', 'zh-TW', 'zh-Hant-MO', 'ZH-HK', 'zh-Hans', 'en-US'].map(canonicalLocaleTag)).toEqual([
    'zh_TW',
    'zh-HK',
    'zh-HK',
    'zh-HK',
    'zh-CN',
    'en-US',
  ])
})

/** Every dotted path to a string, with the string. */
function leaves(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : leaves(value as object, `${prefix}${key}.`),
  )
}
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

test.each(LOCALES.filter((l) => l !== 'zh-CN'))(
  '%s has every key of zh-CN and no other, each a non-empty text with the same {{placeholders}}',
  (locale) => {
    const reference = new Map(leaves(catalogues['zh-CN']))
    const own = new Map(leaves(catalogues[locale]))
    expect([...own.keys()].sort()).toEqual([...reference.keys()].sort())
    for (const [key, text] of own) {
      expect([key, text.trim().length > 0]).toEqual([key, true])
      expect([key, placeholders(text)]).toEqual([key, placeholders(reference.get(key)!)])
    }
  },
)

test('English is English: no Chinese character outside the bilingual 语言 / Language entry and the language names', () => {
  const english: Catalogue = catalogues.en
  const chinese = leaves(english).filter(
    ([key, text]) => !key.startsWith('me.language') && /\p{Script=Han}/u.test(text),
  )
  expect(chinese).toEqual([])
})

test('zh-HK is written in traditional characters with Hong Kong words, not zh-CN copied', () => {
  const hk = catalogues['zh-HK']
  expect([hk.face.idNumber, hk.me.phone, hk.login.title, hk.common.networkError]).toEqual([
    '身份證號碼',
    '流動電話號碼',
    '登入',
    '網絡連線欠佳，請稍後重試',
  ])
  // A simplified-only character in a zh-HK text would be zh-CN leaking through (the language names aside).
  const simplified = /[们这说门书车东华应实现认证码证录网络请]/u
  const leaked = leaves(hk).filter(
    ([key, text]) => !key.startsWith('me.languages.') && !key.startsWith('values.terms.') && simplified.test(text),
  )
  expect(leaked).toEqual([])
})

test('every error code has a message of its own in every locale: text in that language, not the code, not the generic INTERNAL one', () => {
  for (const locale of LOCALES) {
    const generic = errorMessage('INTERNAL', locale)
    for (const code of ERROR_CODES) {
      const message = errorMessage(code, locale)
      expect([code, message]).not.toEqual([code, code])
      expect([code, /\p{Script=Han}/u.test(message)]).toEqual([code, locale !== 'en'])
    }
    for (const code of ERROR_CODES.filter((c) => c !== 'INTERNAL')) {
      expect([code, errorMessage(code, locale)]).not.toEqual([code, generic])
    }
    expect(Object.keys(catalogues[locale].errors).sort()).toEqual([...ERROR_CODES].sort())
  }
})

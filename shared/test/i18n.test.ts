// The i18n catalogue: locale negotiation and an error message for every error code.
import { catalogues, ERROR_CODES, errorMessage, LOCALES, negotiateLocale } from '../src'

test('Accept-Language picks a supported locale by quality, else zh-CN', () => {
  expect(negotiateLocale(undefined)).toBe('zh-CN')
  expect(negotiateLocale('fr-FR,fr;q=0.9')).toBe('zh-CN')
  expect(negotiateLocale('en;q=0.5,zh-CN;q=0.9')).toBe('zh-CN')
  expect(negotiateLocale('zh')).toBe('zh-CN')
})

test('every error code has a non-empty message in every locale', () => {
  for (const locale of LOCALES) {
    for (const code of ERROR_CODES) {
      expect(errorMessage(code, locale).trim().length).toBeGreaterThan(0)
    }
    expect(Object.keys(catalogues[locale].errors).sort()).toEqual([...ERROR_CODES].sort())
  }
})

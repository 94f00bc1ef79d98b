// i18n: every key of the shared catalogue resolves to its zh-CN text through t().
import { catalogues, DEFAULT_LOCALE } from '@ysx/shared'
import { currentLocale, t, type TranslationKey } from '../src/i18n'

function leaves(node: object, prefix = ''): Array<[string, string]> {
  return Object.entries(node).flatMap(([key, value]: [string, unknown]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : typeof value === 'object' && value !== null
        ? leaves(value, `${prefix}${key}.`)
        : [],
  )
}

it('starts in the default locale', () => {
  expect(currentLocale()).toBe(DEFAULT_LOCALE)
})

it('resolves every catalogue key to the catalogue text', () => {
  const entries = leaves(catalogues[DEFAULT_LOCALE]).filter(([, text]) => !text.includes('{{'))
  expect(entries.length).toBeGreaterThan(50)
  for (const [key, text] of entries) expect(t(key as TranslationKey)).toBe(text)
})

it('interpolates values into a message', () => {
  expect(t('feedback.received', { id: 'abc' })).toContain('abc')
})

// 首页's static first paint (config/first-paint.ts): its inline script picks the language the app will start in (the
// stored choice, else the browser's language read as negotiateLocale reads it), 长辈版 and whether a session is stored,
// and turns the first paint off on any other page; the markup says the band and the sign-in hint in each language.
import { runInNewContext } from 'node:vm'
import fc from 'fast-check'
import { catalogues, LOCALES, negotiateLocale } from '@ysx/shared'
import { FIRST_PAINT_OFF, FIRST_PAINT_SCRIPT, firstPaint, SIGNED_OUT } from '../config/first-paint'

/** Runs the script as the browser would before the body: what it leaves on <html>. */
function start({ language = 'zh-CN', hash = '', stored = {} as Record<string, unknown> } = {}) {
  const html = { lang: 'zh-CN', className: '' }
  // Taro's H5 storage keeps each value as {"data": value}.
  const items = new Map(Object.entries(stored).map(([key, data]) => [key, JSON.stringify({ data })]))
  runInNewContext(FIRST_PAINT_SCRIPT, {
    document: { documentElement: html },
    navigator: { language },
    location: { hash },
    localStorage: { getItem: (key: string) => items.get(key) ?? null },
  })
  return { lang: html.lang, classes: html.className.split(' ').filter(Boolean) }
}

const TAGS = ['zh-CN', 'zh', 'zh-SG', 'zh-Hans-CN', 'zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-TW', 'en', 'en-GB']

test.each([...TAGS, 'fr-FR', 'ja', ''])('a browser in %p starts in the locale the app negotiates', (language) => {
  expect(start({ language }).lang).toBe(negotiateLocale(language))
})

test('any language tag: the first paint is in the locale the app negotiates', () => {
  const tag = fc.oneof(fc.constantFrom(...TAGS), fc.stringMatching(/^[a-z]{2,3}(-[A-Za-z]{2,4}){0,2}$/))
  fc.assert(fc.property(tag, (language) => start({ language }).lang === negotiateLocale(language)))
})

test.each(LOCALES)('the language chosen in 我的 (%s) wins over the browser’s', (locale) => {
  expect(start({ language: 'en-US', stored: { 'ysx.locale': locale } }).lang).toBe(locale)
})

test('a stored value that names no locale falls back to the browser’s language', () => {
  expect(start({ language: 'zh-TW', stored: { 'ysx.locale': 'fr' } }).lang).toBe('zh-HK')
})

test('长辈版 chosen, and a stored session, show on <html>; a first visit is signed out in the standard theme', () => {
  expect(start({ stored: { 'ysx.care': true, 'ysx.auth.tokens': { accessToken: 'a' } } }).classes).toEqual(['ysx-care'])
  expect(start().classes).toEqual([SIGNED_OUT])
})

test.each(['', '#/', '#/pages/home/index', '#/pages/home/index?stamp=1'])(
  '首页 (%p) starts with the first paint',
  (hash) => {
    expect(start({ hash }).classes).not.toContain(FIRST_PAINT_OFF)
  },
)

test.each(['#/pages/check-in/index?venue=abc', '#/pages/me/index', '#/packages/health/health-code/index'])(
  'another page (%p) starts without it',
  (hash) => {
    expect(start({ hash }).classes).toEqual([FIRST_PAINT_OFF])
  },
)

test('the markup says the app’s name, slogan, greeting and sign-in hint in every language, hidden from screen readers', () => {
  const { html } = firstPaint(catalogues)
  expect(html).toMatch(/^<div id="ysx-first-paint" aria-hidden="true">/)
  for (const locale of LOCALES) {
    const text = catalogues[locale]
    for (const said of [text.app.name, text.app.slogan, text.home.greeting, text.home.signInHint]) {
      expect(html).toContain(said)
    }
  }
})

/** @jest-environment jsdom */
// The shell's language (i18n/shell): a first run follows the device's language, a choice in 我的 is stored under
// ysx.locale and wins over it at the next start, and the tab bar and each page's navigation title follow the language.
import { act, renderHook } from '@testing-library/react'
import { catalogues } from '@ysx/shared'
import { currentLocale, setLocale } from '../src/i18n'
import { chooseLocale, LOCALE_STORAGE, restoreLocale, startLocale, usePageTitle } from '../src/i18n/shell'
import { device, platform, resetPlatform } from './platform-double'
import { storage } from './taro-mock'
import { navigation, PAGE_ID, page, resetPage } from './taro-page'

jest.mock('@tarojs/taro', () => jest.requireActual<typeof import('./taro-page')>('./taro-page').taroModule)
jest.mock('../src/platform', () => jest.requireActual<typeof import('./platform-double')>('./platform-double').platform)

beforeEach(() => {
  storage.clear()
  resetPlatform()
  resetPage()
})
afterEach(async () => {
  await setLocale('zh-CN')
})

test.each([
  ['zh_CN', 'zh-CN'],
  ['zh_HK', 'zh-HK'],
  ['zh_TW', 'zh-HK'],
  ['zh-Hant-MO', 'zh-HK'],
  ['en', 'en'],
  ['en_US', 'en'],
  ['fr', 'zh-CN'],
  [undefined, 'zh-CN'],
] as const)('a first run on a device in %s opens in %s', async (language, locale) => {
  device.language = language
  expect(startLocale()).toBe(locale)
  await act(async () => void (await restoreLocale()))
  expect([currentLocale(), device.documentLanguage]).toEqual([locale, locale])
})

test('the language chosen in 我的 is stored under ysx.locale and wins over the device’s at the next start', async () => {
  device.language = 'zh_HK'
  await act(() => chooseLocale('en'))
  expect([storage.get(LOCALE_STORAGE), device.documentLanguage]).toEqual(['en', 'en'])
  await setLocale('zh-CN')
  await act(async () => void (await restoreLocale()))
  expect(currentLocale()).toBe('en')
})

test('a start in another language than zh-CN holds the first paint until its catalogue has loaded; zh-CN holds nothing', async () => {
  device.language = 'zh_CN'
  await act(async () => void (await restoreLocale()))
  expect(platform.holdFirstPaint).not.toHaveBeenCalled()
  device.language = 'en'
  await act(async () => void (await restoreLocale()))
  expect(platform.holdFirstPaint).toHaveBeenCalledTimes(1)
  await expect((platform.holdFirstPaint as jest.Mock).mock.calls[0]![0]).resolves.toBeUndefined()
  expect(currentLocale()).toBe('en')
})

test('a stored value that names no locale is ignored: the device’s language decides', () => {
  storage.set(LOCALE_STORAGE, 'klingon')
  device.language = 'zh_TW'
  expect(startLocale()).toBe('zh-HK')
})

test('choosing a language sets the four tab bar texts in it, in app.config’s order', async () => {
  await act(() => chooseLocale('zh-HK'))
  const hk = catalogues['zh-HK'].tabs
  expect(navigation.setTabBarItem.mock.calls.map(([o]) => o)).toEqual([
    { index: 0, text: hk.home },
    { index: 1, text: hk.services },
    { index: 2, text: hk.wallet },
    { index: 3, text: hk.me },
  ])
})

test('a page’s navigation title is set in the current language, again when the language changes and on each show', async () => {
  renderHook(() => usePageTitle('wallet.title'))
  expect(navigation.setNavigationBarTitle).toHaveBeenLastCalledWith({ title: catalogues['zh-CN'].wallet.title })
  await act(() => chooseLocale('en'))
  expect(navigation.setNavigationBarTitle).toHaveBeenLastCalledWith({ title: 'My wallet' })
  navigation.setNavigationBarTitle.mockClear()
  await page.show()
  expect(navigation.setNavigationBarTitle).toHaveBeenCalledWith({ title: 'My wallet' })
})

test('the page in front is named by its title for screen readers, in the current language', async () => {
  renderHook(() => usePageTitle('wallet.title'))
  expect(platform.labelPage).toHaveBeenLastCalledWith(PAGE_ID, catalogues['zh-CN'].wallet.title)
  await act(() => chooseLocale('en'))
  expect(platform.labelPage).toHaveBeenLastCalledWith(PAGE_ID, 'My wallet')
})

test('a page hidden behind another does not take the title when the language changes; it sets its own when shown', async () => {
  renderHook(() => usePageTitle('home.quickEntries'))
  await page.hide()
  navigation.setNavigationBarTitle.mockClear()
  await act(() => chooseLocale('en'))
  expect(navigation.setNavigationBarTitle).not.toHaveBeenCalled()
  await page.show()
  expect(navigation.setNavigationBarTitle).toHaveBeenCalledWith({ title: catalogues.en.home.quickEntries })
})

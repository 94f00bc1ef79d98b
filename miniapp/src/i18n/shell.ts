// The language of the app's shell: which locale a start opens in (the one chosen in 我的, stored under `ysx.locale`,
// else the device's language), choosing another, and the texts the build itself shows — the tab bar and each page's
// navigation title — following it. Every page names its title with usePageTitle.
import { useEffect, useRef } from 'react'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { DEFAULT_LOCALE, type Locale } from '@ysx/shared'
import { endFirstPaint, holdFirstPaint, labelPage, setDocumentLanguage, systemLanguage } from '../platform'
import { currentLocale, isLocale, localeOf, setLocale, t, type TranslationKey, useT } from '.'

export const LOCALE_STORAGE = 'ysx.locale'

/** The tab bar's items in app.config's order, by their catalogue key. */
const TABS = ['tabs.home', 'tabs.services', 'tabs.wallet', 'tabs.me'] as const

/** The locale the tab bar's texts are in: app.config's (zh-CN) until they are set. */
let tabBarLocale: Locale = DEFAULT_LOCALE

/** The locale a start opens in: the one the citizen chose, else the device's language. */
export function startLocale(): Locale {
  let stored: unknown
  try {
    stored = Taro.getStorageSync<unknown>(LOCALE_STORAGE)
  } catch {
    stored = undefined
  }
  return isLocale(stored) ? stored : localeOf(systemLanguage())
}

/** Switches to the start locale (the app shell calls this once, before the first page renders). */
export async function restoreLocale(): Promise<Locale> {
  const locale = startLocale()
  if (locale !== currentLocale()) {
    const loading = setLocale(locale)
    holdFirstPaint(loading)
    await loading
  }
  setDocumentLanguage(locale)
  return locale
}

/** The citizen's choice in 我的: the UI, the tab bar and the title switch at once, and later starts open in it. */
export async function chooseLocale(locale: Locale): Promise<void> {
  Taro.setStorageSync(LOCALE_STORAGE, locale)
  await setLocale(locale)
  setDocumentLanguage(locale)
  await syncTabBar()
}

/** Sets the tab bar's texts to the current locale if they are in another; a page without a tab bar retries later. */
export async function syncTabBar(): Promise<void> {
  const locale = currentLocale()
  if (tabBarLocale === locale) return
  try {
    await Promise.all(TABS.map((key, index) => Taro.setTabBarItem({ index, text: t(key) })))
    tabBarLocale = locale
  } catch {
    // No tab bar on this page (weapp): the next page shown tries again.
  }
}

/**
 * The page's navigation title (and the H5 document's) in the current language: set when the page shows, and again when
 * the language changes while it is in front (a tab page hidden behind another keeps still, or it would take the title).
 */
export function usePageTitle(key: TranslationKey): void {
  const translate = useT()
  const title = translate(key)
  const inFront = useRef(true)
  const apply = () => {
    void Promise.resolve(Taro.setNavigationBarTitle({ title })).catch(() => undefined)
    labelPage(Taro.getCurrentInstance().router?.$taroPath, title)
    void syncTabBar()
  }
  useEffect(() => {
    if (inFront.current) apply()
  }, [title])
  // The page has rendered: 首页's static first paint (H5) makes way for it.
  useEffect(endFirstPaint, [])
  useDidShow(() => {
    inFront.current = true
    apply()
  })
  useDidHide(() => {
    inFront.current = false
  })
}

// 长辈版 (care mode): whether it is on, where that is kept and who hears of a change. A start opens in the citizen's
// own choice (the switch on 首页 and in 我的, stored under `ysx.care`); with none stored, the weapp opens in care mode
// when WeChat's font size is large. Pages put careClass() on their root; on H5 <html> carries the class too.
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { fontSizeScale, setDocumentCare } from '../platform'

export const CARE_STORAGE = 'ysx.care'
/** WeChat's font size factor above which a start with no choice stored opens in care mode (1 is the standard size) */
export const LARGE_FONT_FACTOR = 1.15
/** The class that switches a page's root to the care theme (app.scss) */
export const CARE_CLASS = 'ysx-care'

let on = false
const listeners = new Set<(on: boolean) => void>()

/** The citizen's stored choice; null when none is stored (or storage cannot be read). */
function storedChoice(): boolean | null {
  try {
    const stored = Taro.getStorageSync<unknown>(CARE_STORAGE)
    return typeof stored === 'boolean' ? stored : null
  } catch {
    return null
  }
}

/** Whether a start opens in care mode: the stored choice, else a large WeChat font. */
export function startCareMode(): boolean {
  return storedChoice() ?? fontSizeScale() > LARGE_FONT_FACTOR
}

/** Applies the start's mode (the app shell calls this once, before the first page renders). */
export function restoreCareMode(): boolean {
  apply(startCareMode())
  return on
}

export function isCareMode(): boolean {
  return on
}

/** The citizen's switch: every page changes at once, and later starts open in the chosen mode. */
export function chooseCareMode(next: boolean): void {
  Taro.setStorageSync(CARE_STORAGE, next)
  apply(next)
}

function apply(next: boolean): void {
  on = next
  setDocumentCare(next)
  for (const listener of listeners) listener(next)
}

/** The class for a page's root: CARE_CLASS in care mode, else none. */
export function careClass(care: boolean = on): string {
  return care ? CARE_CLASS : ''
}

/** Care mode for a component: re-renders it when the mode changes; `toggle` is the switch. */
export function useCareMode(): { care: boolean; rootClass: string; toggle: () => void } {
  const [care, setCare] = useState(on)
  useEffect(() => {
    setCare(on)
    listeners.add(setCare)
    return () => void listeners.delete(setCare)
  }, [])
  return { care, rootClass: careClass(care), toggle: () => chooseCareMode(!on) }
}

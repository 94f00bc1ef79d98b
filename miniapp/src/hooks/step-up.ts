// Wallet step-up: on STEP_UP_REQUIRED open the face page (it comes back on success); the asker retries once on show.
import Taro from '@tarojs/taro'
import { PAGES } from '../page-paths'

let pending: string | null = null

/** Remembers which action waits for the face verification and opens the face page. */
export function askForStepUp(action: string): void {
  pending = action
  void Taro.navigateTo({ url: `${PAGES.face}?purpose=step-up&from=wallet` })
}

/** True once, when the page shows again after the face page was opened for `action`. */
export function takeStepUp(action: string): boolean {
  if (pending !== action) return false
  pending = null
  return true
}

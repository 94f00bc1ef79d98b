// The app shell: global styles, the i18n set-up (the language chosen in 我的, else the device's, before the first
// page renders) and 长辈版 (chosen, else a large WeChat font); Taro renders the current page as children.
import type { PropsWithChildren } from 'react'
import './i18n'
import { restoreCareMode } from './hooks/use-care-mode'
import { restoreLocale } from './i18n/shell'
import './app.scss'

void restoreLocale()
restoreCareMode()

function App({ children }: PropsWithChildren) {
  return children
}

export default App

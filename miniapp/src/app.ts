// The app shell: global styles and the i18n set-up (the language chosen in 我的, else the device's, before the first
// page renders); Taro renders the current page as children.
import type { PropsWithChildren } from 'react'
import './i18n'
import { restoreLocale } from './i18n/shell'
import './app.scss'

void restoreLocale()

function App({ children }: PropsWithChildren) {
  return children
}

export default App

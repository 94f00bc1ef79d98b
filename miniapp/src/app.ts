// The app shell: global styles and the i18n set-up; Taro renders the current page as children.
import type { PropsWithChildren } from 'react'
import './i18n'
import './app.scss'

function App({ children }: PropsWithChildren) {
  return children
}

export default App

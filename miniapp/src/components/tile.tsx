// A tappable tile (首页's quick entries and 长辈版 tiles, 服务's grid): a button to assistive technology and to the
// keyboard — role=button, in the tab order, Enter or Space opens it — with a visible focus ring (tile.scss). NutUI's
// Grid.Item renders a plain clickable block (no role, not focusable, overflow hidden), which axe reports as a
// scrollable region no keyboard can reach; its props cannot add a role, a tabIndex or a key handler, hence this.
// On weapp the role reaches WeChat's screen reader; there is no keyboard there.
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './tile.scss'

interface TileProps {
  className: string
  /** The class while pressed (Taro's hoverClass) */
  pressedClassName?: string
  onOpen: () => void
  children: ReactNode
}

/** Enter or Space on a focused tile opens it, as on a button (Space would otherwise scroll the page). */
export function activatesTile(key: string): boolean {
  return key === 'Enter' || key === ' ' || key === 'Spacebar'
}

export function Tile({ className, pressedClassName, onOpen, children }: TileProps) {
  const onKeyDown = (event: { key: string; preventDefault: () => void }) => {
    if (!activatesTile(event.key)) return
    event.preventDefault()
    onOpen()
  }
  // Taro's ViewProps type has no tabIndex or key handler (weapp's view has neither); H5's view sets both on its element.
  const keyboard: object = { tabIndex: 0, onKeyDown }
  return (
    <View
      className={`ysx-tile ${className}`}
      hoverClass={pressedClassName}
      role="button"
      onClick={onOpen}
      {...keyboard}
    >
      {children}
    </View>
  )
}

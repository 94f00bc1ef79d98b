// A round coloured badge showing the first character of a service's name, used as its icon; and the grid of such
// entries (首页's common services, the 服务 tab).
import { Text, View } from '@tarojs/components'
import { Tile } from './tile'
import './entry-badge.scss'

const COLOURS = ['#1677ff', '#13a8a8', '#fa8c16', '#52c41a', '#eb2f96', '#722ed1', '#2f54eb', '#faad14', '#f5222d']

interface EntryBadgeProps {
  label: string
  /** Picks the colour, so neighbours differ */
  index: number
}

export function EntryBadge({ label, index }: EntryBadgeProps) {
  return (
    // Decoration: the name under it says the same, so screen readers skip it.
    <View className="entry-badge" aria-hidden style={{ backgroundColor: COLOURS[index % COLOURS.length] }}>
      <Text className="entry-badge__glyph">{label.slice(0, 1)}</Text>
    </View>
  )
}

interface EntryGridProps {
  /** Each entry's name, in order */
  labels: string[]
  /** The class of the name under each badge */
  nameClassName: string
  /** The first badge's colour index (a grid continuing another's colours starts further on) */
  firstColour?: number
  /** The tapped entry's position in `labels` */
  onOpen: (index: number) => void
}

/** Three entries to a row, each a badge over its name: a tile (a button to the keyboard and screen readers). */
export function EntryGrid({ labels, nameClassName, firstColour = 0, onOpen }: EntryGridProps) {
  return (
    <View className="entry-grid">
      {labels.map((label, index) => (
        <Tile
          key={label}
          className="entry-grid__item"
          pressedClassName="entry-grid__item--pressed"
          onOpen={() => onOpen(index)}
        >
          <EntryBadge label={label} index={firstColour + index} />
          <Text className={`entry-grid__name ${nameClassName}`}>{label}</Text>
        </Tile>
      ))}
    </View>
  )
}

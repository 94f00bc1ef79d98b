// A round coloured badge showing the first character of a service's name, used as its icon.
import { Text, View } from '@tarojs/components'
import './entry-badge.scss'

const COLOURS = ['#1677ff', '#13a8a8', '#fa8c16', '#52c41a', '#eb2f96', '#722ed1', '#2f54eb', '#faad14', '#f5222d']

interface EntryBadgeProps {
  label: string
  /** Picks the colour, so neighbours differ */
  index: number
}

export function EntryBadge({ label, index }: EntryBadgeProps) {
  return (
    <View className="entry-badge" style={{ backgroundColor: COLOURS[index % COLOURS.length] }}>
      <Text className="entry-badge__glyph">{label.slice(0, 1)}</Text>
    </View>
  )
}

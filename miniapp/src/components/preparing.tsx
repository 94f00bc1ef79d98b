// While a code is being prepared (粤康码, 亮证): a hint above a skeleton, in the page's own classes.
import { Text, View } from '@tarojs/components'
import { Skeleton } from '@nutui/nutui-react-taro'

/** `${block}__waiting` around `${block}__hint` and the skeleton's rows. */
export function Preparing({ block, text, rows }: { block: string; text: string; rows: number }) {
  return (
    <View className={`${block}__waiting`}>
      <Text className={`${block}__hint`}>{text}</Text>
      <Skeleton rows={rows} animated />
    </View>
  )
}

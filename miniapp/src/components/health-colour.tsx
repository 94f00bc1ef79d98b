// 粤康码's colour as a block: the colour and its word (绿码/黄码/红码), never the colour alone.
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { HealthColour } from '@ysx/shared'
import { useT } from '../i18n'
import './health-colour.scss'

interface HealthColourBlockProps {
  colour: HealthColour
  /** 'large' on the code and the verifier, 'small' inside results and lists */
  size?: 'large' | 'small'
  className?: string
  children?: ReactNode
}

export function HealthColourBlock({ colour, size = 'large', className = '', children }: HealthColourBlockProps) {
  const t = useT()
  return (
    <View
      className={`ysx-health-colour ysx-health-colour--${colour} ysx-health-colour--${size} ${className}`}
      data-colour={colour}
    >
      <Text className="ysx-health-colour__word">{t(`healthCode.colours.${colour}`)}</Text>
      {children}
    </View>
  )
}

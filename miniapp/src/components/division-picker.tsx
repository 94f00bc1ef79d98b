// The place a venue is in, or a trip went to, picked from the GB/T 2260 divisions in @ysx/shared, never typed: first a
// Guangdong city (for a trip, or a province outside Guangdong), then one of its districts or counties. 东莞市 and
// 中山市 have no districts: the city is the place. For a trip, 全市 picks the whole city.
import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { type DivisionScope, firstLevel, firstOf, placeOf, secondLevel } from '../division-options'
import { FieldError } from './form-controls'

interface DivisionPickerProps {
  /** The page's BEM block: `${block}__city`, `${block}__district`, `${block}__error` */
  block: string
  scope: DivisionScope
  /** The picked code, '' for none */
  value: string
  onChange: (code: string) => void
  labels: { title: string; first: string; second: string; pickFirst: string; pickSecond: string; wholeCity?: string }
  error?: string | null
  /** The title's class; `${block}__label` when not given */
  titleClass?: string
}

export function DivisionPicker({ block, scope, value, onChange, labels, error, titleClass }: DivisionPickerProps) {
  const [first, setFirst] = useState(() => firstOf(value, scope))
  const firsts = firstLevel(scope)
  const seconds = secondLevel(first, scope, labels.wholeCity ?? '')
  const firstIndex = firsts.findIndex((o) => o.code === first)
  const secondIndex = seconds.findIndex((o) => o.code === value)
  const pickFirst = (index: number) => {
    const code = firsts[index]?.code ?? ''
    setFirst(code)
    onChange(placeOf(code, scope))
  }
  return (
    <View className={`${block}__division`}>
      <Text className={titleClass ?? `${block}__label`}>{labels.title}</Text>
      <Picker
        mode="selector"
        range={firsts.map((o) => o.name)}
        value={Math.max(0, firstIndex)}
        onChange={(e) => pickFirst(Number(e.detail.value))}
      >
        <View className={`${block}__picker ${block}__city`} aria-label={labels.first}>
          {firstIndex >= 0 ? firsts[firstIndex]!.name : labels.pickFirst}
        </View>
      </Picker>
      {seconds.length > 0 ? (
        <Picker
          mode="selector"
          range={seconds.map((o) => o.name)}
          value={Math.max(0, secondIndex)}
          onChange={(e) => onChange(seconds[Number(e.detail.value)]?.code ?? '')}
        >
          <View className={`${block}__picker ${block}__district`} aria-label={labels.second}>
            {secondIndex >= 0 ? seconds[secondIndex]!.name : labels.pickSecond}
          </View>
        </Picker>
      ) : null}
      <FieldError className={`${block}__error`} text={error} />
    </View>
  )
}

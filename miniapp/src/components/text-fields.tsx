// A form's text fields from a list: each its label, the NutUI Input and its error line, with the page's classes.
import { Fragment } from 'react'
import { Text, View } from '@tarojs/components'
import { Input } from '@nutui/nutui-react-taro'
import { type TranslationKey, useT } from '../i18n'
import { FieldError } from './form-controls'

/** A catalogue key naming a field whose placeholder is `<key>Placeholder`. */
type FieldText<K> = K extends TranslationKey ? (`${K}Placeholder` extends TranslationKey ? K : never) : never
export type FieldTexts = FieldText<TranslationKey>

/** One text field of a form, as a page lists them. */
export interface TextFieldSpec<F extends string> {
  field: F
  /** The label's catalogue key; the placeholder is the same key + Placeholder */
  text: FieldTexts
  max: number
  type?: 'idcard' | 'tel' | 'digit'
  /** The input's class besides `${block}__input` */
  inputClass?: string
  /** The label's class; `${block}__label` when not given */
  labelClass?: string
}

interface TextFieldsProps<F extends string> {
  /** The page's BEM block: the input is `${block}__input`, the error line `${block}__error` */
  block: string
  fields: ReadonlyArray<TextFieldSpec<F>>
  values: Record<F, string>
  errors: Partial<Record<F, string | null>>
  onChange: (field: F, value: string) => void
  /** Each field in a box of this class (label, input and error together) */
  fieldClass?: string
}

/** The fields in order, each its label, the input (NutUI's defaults where the spec says nothing) and its error line. */
export function TextFields<F extends string>({
  block,
  fields,
  values,
  errors,
  onChange,
  fieldClass,
}: TextFieldsProps<F>) {
  const t = useT()
  const rendered = fields.map(({ field, text, max, type, inputClass, labelClass }) => {
    const parts = (
      <>
        <Text className={labelClass ?? `${block}__label`}>{t(text)}</Text>
        <Input
          className={inputClass ? `${block}__input ${inputClass}` : `${block}__input`}
          {...(type ? { type } : {})}
          value={values[field]}
          onChange={(value) => onChange(field, value)}
          placeholder={t(`${text}Placeholder`)}
          maxLength={max}
        />
        <FieldError className={`${block}__error`} text={errors[field]} />
      </>
    )
    return fieldClass ? (
      <View key={field} className={fieldClass}>
        {parts}
      </View>
    ) : (
      <Fragment key={field}>{parts}</Fragment>
    )
  })
  return <>{rendered}</>
}

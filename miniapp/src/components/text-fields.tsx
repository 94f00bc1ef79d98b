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

/** What TextFields needs from a form hook: the fields' values and errors, and how to change one. */
export interface TextForm<F extends string> {
  values: Record<F, string>
  errors: Partial<Record<F, string | null>>
  set: (field: F, value: string) => void
}

interface TextFieldsProps<F extends string> {
  /** The page's BEM block: the input is `${block}__input`, the error line `${block}__error` */
  block: string
  fields: ReadonlyArray<TextFieldSpec<F>>
  form: TextForm<F>
  /** Each field in a box of this class (label, input and error together) */
  fieldClass?: string
}

/** A person's name and ID number (实名认证, 代亲友): the same limits and keyboard wherever they are asked. */
export function identityFields(
  section: 'face' | 'healthCode.family',
  name: Pick<TextFieldSpec<'name'>, 'inputClass' | 'labelClass'>,
  idNumber: Pick<TextFieldSpec<'idNumber'>, 'inputClass' | 'labelClass'>,
): Array<TextFieldSpec<'name' | 'idNumber'>> {
  return [
    { field: 'name', text: `${section}.name`, max: 20, ...name },
    { field: 'idNumber', text: `${section}.idNumber`, max: 18, type: 'idcard', ...idNumber },
  ]
}

/** The fields in order, each its label, the input (NutUI's defaults where the spec says nothing) and its error line. */
export function TextFields<F extends string>({ block, fields, form, fieldClass }: TextFieldsProps<F>) {
  const t = useT()
  const rendered = fields.map(({ field, text, max, type, inputClass, labelClass }) => {
    const parts = (
      <>
        <Text className={labelClass ?? `${block}__label`}>{t(text)}</Text>
        <Input
          className={inputClass ? `${block}__input ${inputClass}` : `${block}__input`}
          {...(type ? { type } : {})}
          value={form.values[field]}
          onChange={(value) => form.set(field, value)}
          placeholder={t(`${text}Placeholder`)}
          maxLength={max}
        />
        <FieldError className={`${block}__error`} text={form.errors[field]} />
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

// A form's pieces that every form page draws the same way: its text fields (label, input, error line), a field's error
// line, and the submit button that shows its busy label (and ignores taps) while the form is on its way. The page's
// classes stay on the elements.
import { Fragment } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { type TranslationKey, useT } from '../i18n'

/** The field's message in the page's error style, or nothing when the field is fine. */
export function FieldError({ className, text }: { className: string; text?: string | null }) {
  return text ? <Text className={className}>{text}</Text> : null
}

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

/** The section of a `<section>.submitting` key that also has `<section>.submit`. */
type SubmitSection<K> = K extends `${infer S}.submitting` ? (`${S}.submit` extends TranslationKey ? S : never) : never
/** A catalogue section holding a submit button's words: `<section>.submit` and `<section>.submitting`. */
export type SubmitTexts = SubmitSection<TranslationKey>

interface BusyButtonProps {
  className?: string
  busy: boolean
  label: string
  busyLabel: string
  onClick: () => void
  /** Full width and large, as a form's main action */
  large?: boolean
}

/** A primary button that shows its busy label, with a spinner, and ignores taps while busy. */
export function BusyButton({ className, busy, label, busyLabel, onClick, large = false }: BusyButtonProps) {
  return (
    <Button
      className={className}
      type="primary"
      {...(large ? { block: true, size: 'large' as const } : {})}
      loading={busy}
      disabled={busy}
      onClick={() => onClick()}
    >
      {busy ? busyLabel : label}
    </Button>
  )
}

interface SubmitButtonProps {
  className?: string
  /** The form: whether it is on its way, and how to send it */
  form: { submitting: boolean; submit: () => unknown }
  /** Where the button's words are in the catalogue */
  texts: SubmitTexts
}

/** The form's big submit button. */
export function SubmitButton({ className, form, texts }: SubmitButtonProps) {
  const t = useT()
  return (
    <BusyButton
      className={className}
      large
      busy={form.submitting}
      label={t(`${texts}.submit`)}
      busyLabel={t(`${texts}.submitting`)}
      onClick={() => void form.submit()}
    />
  )
}

// A form's pieces that every form page draws the same way: a field's error line and the big submit button that
// shows its busy label (and ignores taps) while the form is on its way. The page's classes stay on the elements.
// (The text fields are in text-fields.tsx: NutUI's Input brings its styles to every page that imports it.)
import { Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { type TranslationKey, useT } from '../i18n'

/** The field's message in the page's error style, or nothing when the field is fine. */
export function FieldError({ className, text }: { className: string; text?: string | null }) {
  return text ? <Text className={className}>{text}</Text> : null
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

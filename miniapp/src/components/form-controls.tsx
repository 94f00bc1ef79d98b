// A form's pieces that every form page draws the same way: a field's error line and the big submit button that
// shows its busy label (and ignores taps) while the form is on its way. The page's classes stay on the elements.
import { Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'

/** The field's message in the page's error style, or nothing when the field is fine. */
export function FieldError({ className, text }: { className: string; text?: string | null }) {
  return text ? <Text className={className}>{text}</Text> : null
}

interface SubmitButtonProps {
  className?: string
  submitting: boolean
  label: string
  busyLabel: string
  onSubmit: () => void
}

export function SubmitButton({ className, submitting, label, busyLabel, onSubmit }: SubmitButtonProps) {
  return (
    <Button
      className={className}
      type="primary"
      block
      size="large"
      loading={submitting}
      disabled={submitting}
      onClick={() => onSubmit()}
    >
      {submitting ? busyLabel : label}
    </Button>
  )
}

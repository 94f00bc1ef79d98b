// The "paste or scan a code" card of the check-in and verifier pages: an intro, the text box (a pasted QR text, or the
// scanned one), and the submit button; on weapp also 扫一扫, which fills the box and submits what it read. The page's
// BEM block names the elements (`${block}__input`, `${block}__submit`, …) next to the shared `ysx-code-input__*`.
import { Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useT } from '../i18n'
import { canScan, scanQrCode } from '../platform'
import { BusyButton } from './form-controls'
import './code-input.scss'

/** The box's state and actions, as the page's hook hands them over. */
export interface CodeField {
  value: string
  busy: boolean
  onInput: (value: string) => void
  /** Submit the box's text, or (after a scan) the text just read */
  onSubmit: (code?: string) => void
}

interface CodeInputProps {
  /** The page's BEM block, e.g. page-check-in */
  block: string
  /** The catalogue section with the card's texts: intro, placeholder, scan, submit, submitting */
  texts: 'verify' | 'healthCode.verify' | 'healthCode.checkIn'
  field: CodeField
  /** The scan button as the card's main action, above the box, rather than beside submit */
  scanFirst?: boolean
}

export function CodeInput({ block, texts, field, scanFirst = false }: CodeInputProps) {
  const t = useT()
  const { value, busy, onInput, onSubmit } = field
  // A cancelled scan leaves the box as it was.
  const scan = () =>
    void scanQrCode().then(
      (text) => {
        onInput(text)
        onSubmit(text)
      },
      () => undefined,
    )
  const weapp = canScan()
  // 扫一扫: the card's main action (above the box) or a second one beside submit.
  const scanButton = (look: { block: true; size: 'large' } | { fill: 'outline' }) => (
    <Button className={`ysx-code-input__scan ${block}__scan`} type="primary" {...look} onClick={scan}>
      {t(`${texts}.scan`)}
    </Button>
  )
  return (
    <View className="ysx-card ysx-code-input">
      <Text className={`ysx-code-input__intro ${block}__intro`}>{t(`${texts}.intro`)}</Text>
      {weapp && scanFirst ? scanButton({ block: true, size: 'large' }) : null}
      <Textarea
        className={`ysx-code-input__input ${block}__input`}
        value={value}
        maxlength={2000}
        placeholder={t(`${texts}.placeholder`)}
        onInput={(e) => onInput(e.detail.value)}
      />
      <View className={`ysx-code-input__actions ${block}__actions`}>
        {weapp && !scanFirst ? scanButton({ fill: 'outline' }) : null}
        <BusyButton
          className={`ysx-code-input__submit ${block}__submit`}
          busy={busy}
          label={t(`${texts}.submit`)}
          busyLabel={t(`${texts}.submitting`)}
          onClick={() => onSubmit()}
        />
      </View>
    </View>
  )
}

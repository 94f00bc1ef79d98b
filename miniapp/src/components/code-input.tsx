// The "paste or scan a code" card of the check-in and verifier pages: an intro, 扫一扫 (WeChat's scanner on the weapp,
// the camera in the page on H5: hooks/use-qr-scanner.ts), the text box (a pasted QR text, or the scanned one) and the
// submit button; a scan fills the box and submits what it read. The page's BEM block names the elements
// (`${block}__input`, `${block}__submit`, …) next to the shared `ysx-code-input__*`.
import { Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useT } from '../i18n'
import { useQrScanner } from '../hooks/use-qr-scanner'
import { canScan } from '../platform'
import { BusyButton } from './form-controls'
import { QrScannerView } from './qr-scanner-view'
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
  const scanner = useQrScanner(field)
  // While the camera runs, its own 关闭摄像头 is the action; the scan button comes back when it stops.
  const scanning = scanner.state.status === 'starting' || scanner.state.status === 'scanning'
  const showScan = canScan() && !scanning
  // 扫一扫: the card's main action (above the box) or a second one beside submit.
  const scanButton = (look: { block: true; size: 'large' } | { fill: 'outline' }) => (
    <Button className={`ysx-code-input__scan ${block}__scan`} type="primary" {...look} onClick={scanner.scan}>
      {t(`${texts}.scan`)}
    </Button>
  )
  return (
    <View className="ysx-card ysx-code-input">
      <Text className={`ysx-code-input__intro ${block}__intro`}>{t(`${texts}.intro`)}</Text>
      {showScan && scanFirst ? scanButton({ block: true, size: 'large' }) : null}
      <QrScannerView block={block} scanner={scanner} />
      <Textarea
        className={`ysx-code-input__input ${block}__input`}
        value={value}
        maxlength={2000}
        placeholder={t(`${texts}.placeholder`)}
        onInput={(e) => onInput(e.detail.value)}
      />
      <View className={`ysx-code-input__actions ${block}__actions`}>
        {showScan && !scanFirst ? scanButton({ fill: 'outline' }) : null}
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

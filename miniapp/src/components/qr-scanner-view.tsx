// H5's camera scanner in the page (hooks/use-qr-scanner.ts): the rear camera's picture with a frame to aim at, what is
// happening in words, and 关闭摄像头; when the camera cannot run, why, in words (the paste box below stays).
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { QrScanner } from '../hooks/use-qr-scanner'
import { useT } from '../i18n'
import './qr-scanner-view.scss'

export function QrScannerView({ block, scanner }: { block: string; scanner: QrScanner }) {
  const t = useT()
  const { state } = scanner
  if (state.status === 'closed') return null
  if (state.status === 'failed') {
    return (
      <View className={`ysx-scanner__failed ${block}__scanner-failed`} role="alert">
        <Text>{state.message}</Text>
      </View>
    )
  }
  return (
    <View className={`ysx-scanner ${block}__scanner`}>
      <View className="ysx-scanner__frame">
        <video
          ref={scanner.attachVideo}
          className="ysx-scanner__video"
          autoPlay
          playsInline
          muted
          aria-label={t('common.scanner.video')}
        />
        <View className="ysx-scanner__aim" aria-hidden="true" />
      </View>
      <View className="ysx-scanner__status" role="status">
        <Text>{state.status === 'starting' ? t('common.scanner.starting') : t('common.scanner.aim')}</Text>
      </View>
      <Button className={`ysx-scanner__close ${block}__scanner-close`} fill="outline" onClick={scanner.close}>
        {t('common.scanner.close')}
      </Button>
    </View>
  )
}

// 实名认证 / 刷脸验证: digits to read aloud with a countdown, camera preview or stand-in, name and ID number (binding
// only: a real-name citizen's step-up is the face alone); then 我的, or back to the page that asked.
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { CameraPreview } from '../../../components/camera-preview'
import { identityFields, TextFields } from '../../../components/text-fields'
import { useCamera } from '../../../hooks/use-camera'
import { useFaceVerify } from '../../../hooks/use-face-verify'
import { type TranslationKey, useT } from '../../../i18n'
import { usePageTitle } from '../../../i18n/shell'
import { PAGES } from '../../../page-paths'
import './index.scss'
import { careClass } from '../../../hooks/use-care-mode'

/** Whom the face is checked against, each under its card title. */
const TITLE = 'ysx-card__title'
const FIELDS = identityFields('face', { labelClass: TITLE }, { labelClass: `${TITLE} page-face__second-title` })

/** What the face check is for, by the page that asked for it */
const STEP_UP_INTRO: Record<string, TranslationKey> = { wallet: 'face.stepUpWallet', privacy: 'face.stepUpPrivacy' }

export default function Face() {
  usePageTitle('face.title')
  const t = useT()
  const { params } = useRouter()
  const camera = useCamera()
  const stepUp = params.purpose === 'step-up'
  // A step-up returns to the page that asked for it; a first real-name verification goes to 我的.
  const face = useFaceVerify(() => void (stepUp ? Taro.navigateBack() : Taro.switchTab({ url: PAGES.me })))
  const needsLogin = face.failure?.code === 'AUTH_REQUIRED'
  const needsChallenge = !face.loading && (face.spent || face.expired || !face.challenge)

  return (
    <View className={`ysx-page page-face ${careClass()}`}>
      <View className="ysx-card">
        <Text className="page-face__intro">
          {stepUp ? t(STEP_UP_INTRO[params.from ?? ''] ?? 'face.stepUpIntro') : t('face.intro')}
        </Text>
        {face.challenge && !face.needsIdentity ? (
          <Text className="page-face__note page-face__face-only">{t('face.faceOnly')}</Text>
        ) : null}
      </View>

      <View className="ysx-card page-face__challenge">
        <Text className="page-face__label">{t('face.digitsLabel')}</Text>
        {face.challenge ? (
          <Text className={`page-face__digits${face.spent || face.expired ? ' page-face__digits--stale' : ''}`}>
            {face.challenge.digits}
          </Text>
        ) : face.loading ? (
          <Text className="page-face__waiting">{t('face.starting')}</Text>
        ) : null}
        {face.challenge && !face.spent ? (
          <Text className={`page-face__countdown${face.expired ? ' page-face__countdown--expired' : ''}`}>
            {face.expired ? t('face.expired') : t('face.expiresIn', { seconds: face.secondsLeft ?? 0 })}
          </Text>
        ) : null}
        <Text className="page-face__note">{t('face.speechNote')}</Text>
      </View>

      <View className="ysx-card">
        <CameraPreview mode={camera.mode} attachVideo={camera.attachVideo} onCameraError={camera.cameraFailed} />
        <Text className="page-face__note page-face__privacy">{t('face.privacy')}</Text>
      </View>

      {face.needsIdentity ? (
        <View className="ysx-card">
          <TextFields block="page-face" fields={FIELDS} form={face.inputs} />
        </View>
      ) : null}

      {face.failure ? <Text className="page-face__failure">{face.failure.message}</Text> : null}
      <View className="page-face__actions">
        {needsLogin ? (
          <Button type="primary" block size="large" onClick={() => void Taro.navigateTo({ url: PAGES.login })}>
            {t('face.login')}
          </Button>
        ) : needsChallenge ? (
          <Button type="primary" block size="large" onClick={() => void face.newChallenge()}>
            {t('face.newChallenge')}
          </Button>
        ) : (
          <Button
            type="primary"
            block
            size="large"
            loading={face.submitting}
            disabled={face.submitting || face.loading || camera.mode === 'starting'}
            onClick={() => void face.submit(camera.capture)}
          >
            {face.submitting ? t('face.submitting') : t('face.submit')}
          </Button>
        )}
      </View>
    </View>
  )
}

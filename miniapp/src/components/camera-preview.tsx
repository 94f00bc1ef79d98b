// The face-verify camera preview: H5 <video>, weapp <Camera>, and where neither runs the labelled stand-in panel.
import { Camera, Text, View } from '@tarojs/components'
import type { CameraMode } from '../hooks/use-camera'
import { useT } from '../i18n'
import { isH5, isWeapp } from '../platform'
import './camera-preview.scss'

interface CameraPreviewProps {
  mode: CameraMode
  /** H5: receives the <video> element to play the stream in */
  attachVideo: (video: HTMLVideoElement | null) => void
  /** weapp: the camera cannot run (no permission, no camera) */
  onCameraError: () => void
}

export function CameraPreview({ mode, attachVideo, onCameraError }: CameraPreviewProps) {
  const t = useT()

  if (mode === 'standin') {
    return (
      <View className="camera-preview camera-preview--standin">
        <Text className="camera-preview__badge">{t('face.standinLabel')}</Text>
        <Text className="camera-preview__note">{t('face.standinNote')}</Text>
      </View>
    )
  }

  return (
    <View className="camera-preview">
      <View className="camera-preview__frame">
        {mode === 'live' && isH5() ? (
          <video
            ref={attachVideo}
            className="camera-preview__video"
            autoPlay
            playsInline
            muted
            aria-label={t('face.cameraLive')}
          />
        ) : null}
        {mode === 'live' && isWeapp() ? (
          <Camera className="camera-preview__video" devicePosition="front" flash="off" onError={onCameraError} />
        ) : null}
        {mode === 'starting' ? <Text className="camera-preview__status">{t('face.cameraStarting')}</Text> : null}
      </View>
    </View>
  )
}

// 代亲友: my family members (masked; pending until they confirm) with their code and 移除; the add form with the consent
// statement, its version, how the member consents (their own account, their face on this phone, or as my minor child in
// the 户口簿) and an explicit tick; and the member's side: who asked to show my code, 同意 / 拒绝 / 撤回授权.
import { type MutableRefObject, useEffect, useRef } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Checkbox, Radio } from '@nutui/nutui-react-taro'
import { FAMILY_CONSENT_METHODS, FAMILY_CONSENT_VERSION, FAMILY_RELATIONS } from '@ysx/shared'
import { CameraPreview } from '../../../components/camera-preview'
import { FieldError, SubmitButton } from '../../../components/form-controls'
import { IntroCard } from '../../../components/intro-card'
import { identityFields, TextFields } from '../../../components/text-fields'
import { Item } from '../../../components/query-rows'
import { QueryList } from '../../../components/query-view'
import { formatDateTime } from '../../../format'
import { type CapturedSample, useCamera } from '../../../hooks/use-camera'
import { type ConsentMethod, type Relation, useFamily } from '../../../hooks/use-family'
import { useT } from '../../../i18n'
import { usePageTitle } from '../../../i18n/shell'
import { PAGES } from '../../../page-paths'
import '../../../components/query-page.scss'
import './index.scss'
import { careClass } from '../../../hooks/use-care-mode'

const METHODS: readonly ConsentMethod[] = FAMILY_CONSENT_METHODS
const FIELDS = identityFields(
  'healthCode.family',
  { inputClass: 'page-family__input--name' },
  { inputClass: 'page-family__input--id' },
)
const isRelation = (v: unknown): v is Relation => FAMILY_RELATIONS.some((r) => r === v)
const isMethod = (v: unknown): v is ConsentMethod => METHODS.some((m) => m === v)

export default function FamilyPage() {
  usePageTitle('healthCode.family.title')
  const t = useT()
  const f = useFamily()
  /** Opened from 我的 (亲友授权): the requests naming me come first */
  const fromMe = useRouter().params.view === 'requests'
  /** The camera runs only while the face method is picked; its capture, for the submit */
  const capture = useRef<(() => Promise<CapturedSample>) | undefined>(undefined)

  const requestsSection = (
    <>
      <Text className="page-family__section">{t('healthCode.family.requestsTitle')}</Text>
      <QueryList
        block="page-family-requests"
        query={f.requests}
        items={(d) => d.requests}
        empty={t('healthCode.family.requestsNone')}
      >
        {(r) => (
          <Item
            key={r.id}
            className="page-family__request"
            data={{ 'data-request': r.id }}
            title={t('healthCode.family.requestedBy', {
              name: r.askedBy,
              relation: t(`healthCode.relations.${r.relation}`),
            })}
            side={
              <Text className="page-family__request-status">
                {t(r.status === 'pending' ? 'healthCode.family.requestPending' : 'healthCode.family.requestActive')}
              </Text>
            }
            meta={[
              `${t(`healthCode.family.consentMethods.${r.consentMethod}`)} · ${t('healthCode.family.consentVersion', { version: r.consentVersion })}`,
              t('healthCode.family.requestedAt', { time: formatDateTime(r.requestedAt) }),
            ]}
          >
            <View className="page-family__member-actions">
              {r.status === 'pending' ? (
                <Button className="page-family__accept-request" size="small" type="primary" onClick={() => f.accept(r)}>
                  {t('healthCode.family.accept')}
                </Button>
              ) : null}
              <Button
                className="page-family__withdraw"
                size="small"
                fill="outline"
                type="danger"
                onClick={() => f.withdraw(r)}
              >
                {t(r.status === 'pending' ? 'healthCode.family.decline' : 'healthCode.family.withdraw')}
              </Button>
            </View>
          </Item>
        )}
      </QueryList>
    </>
  )

  return (
    <View className={`ysx-page ysx-query page-family ${careClass()}`}>
      <IntroCard className="page-family__intro">{t('healthCode.family.intro')}</IntroCard>
      {fromMe ? requestsSection : null}

      <Text className="page-family__section">{t('healthCode.family.members')}</Text>
      <QueryList block="page-family" query={f.members} items={(d) => d.members} empty={t('healthCode.family.none')}>
        {(m) => (
          <Item
            key={m.id}
            className="page-family__member"
            data={{ 'data-member': m.id }}
            title={m.maskedName}
            titleClassName="page-family__name"
            side={<Text className="page-family__relation">{t(`healthCode.relations.${m.relation}`)}</Text>}
            meta={[
              `${t(`healthCode.family.consentMethods.${m.consentMethod}`)} · ${t('healthCode.family.consentVersion', { version: m.consentVersion })}`,
              t('healthCode.family.addedAt', { time: formatDateTime(m.addedAt) }),
              m.status === 'pending' ? t('healthCode.family.pending') : null,
            ]}
          >
            <View className="page-family__member-actions">
              {m.status === 'active' ? (
                <Button
                  className="page-family__show"
                  size="small"
                  type="primary"
                  onClick={() => void Taro.navigateTo({ url: `${PAGES.healthCode}?holder=${m.id}` })}
                >
                  {t('healthCode.family.show')}
                </Button>
              ) : null}
              <Button
                className="page-family__remove"
                size="small"
                fill="outline"
                type="danger"
                onClick={() => f.remove(m)}
              >
                {t('healthCode.family.remove')}
              </Button>
            </View>
          </Item>
        )}
      </QueryList>

      <Text className="page-family__section">{t('healthCode.family.addTitle')}</Text>
      <View className="ysx-card page-family__form">
        <TextFields block="page-family" fields={FIELDS} form={f.inputs} />
        <Text className="page-family__label">{t('healthCode.family.relation')}</Text>
        <Radio.Group
          className="page-family__relations"
          direction="horizontal"
          value={f.fields.relation}
          onChange={(value) => isRelation(value) && f.setFields({ relation: value })}
        >
          {FAMILY_RELATIONS.map((r) => (
            <Radio key={r} className={`page-family__relation-option page-family__relation-option--${r}`} value={r}>
              {t(`healthCode.relations.${r}`)}
            </Radio>
          ))}
        </Radio.Group>

        <View className="page-family__consent">
          <Text className="page-family__consent-title">{t('healthCode.family.consentTitle')}</Text>
          <Text className="page-family__consent-text">{t('healthCode.family.consentText')}</Text>
          <Text className="page-family__consent-version">
            {t('healthCode.family.consentVersion', { version: FAMILY_CONSENT_VERSION })}
          </Text>
        </View>
        <Text className="page-family__label">{t('healthCode.family.consentMethod')}</Text>
        <Radio.Group
          className="page-family__methods"
          direction="horizontal"
          value={f.fields.method}
          onChange={(value) => isMethod(value) && f.setFields({ method: value })}
        >
          {METHODS.map((m) => (
            <Radio key={m} className={`page-family__method page-family__method--${m}`} value={m}>
              {t(`healthCode.family.consentMethods.${m}`)}
            </Radio>
          ))}
        </Radio.Group>
        {f.fields.method === 'face' ? <FaceOnThisPhone face={f.face} capture={capture} /> : null}
        {f.fields.method !== 'face' ? (
          <Text className="page-family__hint">{t('healthCode.family.stepUpHint')}</Text>
        ) : null}
        <FieldError className="page-family__error" text={f.errors.face} />
        <Checkbox
          className="page-family__accept"
          checked={f.fields.accepted}
          onChange={(accepted) => f.setFields({ accepted })}
          label={t('healthCode.family.consentAccept')}
        />
        <FieldError className="page-family__error" text={f.errors.consent} />
        {f.failure ? <Text className="page-family__error page-family__failure">{f.failure}</Text> : null}
        {f.notice ? <Text className="page-family__notice">{f.notice}</Text> : null}
        <SubmitButton
          className="page-family__submit"
          form={{ submitting: f.submitting, submit: () => f.submit(capture.current) }}
          texts="healthCode.family"
        />
      </View>

      {fromMe ? null : requestsSection}
    </View>
  )
}

/** The member's face check on this phone: the digits they read aloud, with the camera (or the labelled stand-in) */
function FaceOnThisPhone({
  face,
  capture,
}: {
  face: ReturnType<typeof useFamily>['face']
  capture: MutableRefObject<(() => Promise<CapturedSample>) | undefined>
}) {
  const t = useT()
  const camera = useCamera()
  useEffect(() => {
    capture.current = camera.capture
    return () => {
      capture.current = undefined
    }
  }, [capture, camera.capture])
  const expired = face.secondsLeft === 0
  return (
    <View className="page-family__face">
      <Text className="page-family__label">{t('healthCode.family.faceTitle')}</Text>
      <CameraPreview mode={camera.mode} attachVideo={camera.attachVideo} onCameraError={camera.cameraFailed} />
      {face.challenge && !expired ? (
        <Text className="page-family__digits">
          {t('healthCode.family.faceDigits', { digits: face.challenge.digits })}
        </Text>
      ) : null}
      {expired ? <Text className="page-family__error">{t('healthCode.family.faceExpired')}</Text> : null}
      <Button className="page-family__face-renew" size="small" fill="outline" onClick={face.renew}>
        {t('healthCode.family.faceRetry')}
      </Button>
    </View>
  )
}

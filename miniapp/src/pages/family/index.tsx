// 代亲友: my family members (masked) with their code and 移除, and the add form with the consent statement, its version,
// how consent was given, and an explicit tick.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Checkbox, Radio } from '@nutui/nutui-react-taro'
import { FAMILY_CONSENT_VERSION, FAMILY_RELATIONS } from '@ysx/shared'
import { FieldError, SubmitButton } from '../../components/form-controls'
import { IntroCard } from '../../components/intro-card'
import { identityFields, TextFields } from '../../components/text-fields'
import { Item } from '../../components/query-rows'
import { QueryList } from '../../components/query-view'
import { formatDateTime } from '../../format'
import { type ConsentMethod, type Relation, useFamily } from '../../hooks/use-family'
import { useT } from '../../i18n'
import { PAGES } from '../../page-paths'
import '../../components/query-page.scss'
import './index.scss'

const METHODS: ConsentMethod[] = ['in_person', 'guardian']
const FIELDS = identityFields(
  'healthCode.family',
  { inputClass: 'page-family__input--name' },
  { inputClass: 'page-family__input--id' },
)
const isRelation = (v: unknown): v is Relation => FAMILY_RELATIONS.some((r) => r === v)
const isMethod = (v: unknown): v is ConsentMethod => METHODS.some((m) => m === v)

export default function FamilyPage() {
  const t = useT()
  const f = useFamily()

  return (
    <View className="ysx-page ysx-query page-family">
      <IntroCard className="page-family__intro">{t('healthCode.family.intro')}</IntroCard>

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
            ]}
          >
            <View className="page-family__member-actions">
              <Button
                className="page-family__show"
                size="small"
                type="primary"
                onClick={() => void Taro.navigateTo({ url: `${PAGES.healthCode}?holder=${m.id}` })}
              >
                {t('healthCode.family.show')}
              </Button>
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
        <Checkbox
          className="page-family__accept"
          checked={f.fields.accepted}
          onChange={(accepted) => f.setFields({ accepted })}
          label={t('healthCode.family.consentAccept')}
        />
        <FieldError className="page-family__error" text={f.errors.consent} />
        {f.failure ? <Text className="page-family__error page-family__failure">{f.failure}</Text> : null}
        {f.notice ? <Text className="page-family__notice">{f.notice}</Text> : null}
        <SubmitButton className="page-family__submit" form={f} texts="healthCode.family" />
      </View>
    </View>
  )
}

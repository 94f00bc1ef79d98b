// 申诉纠错: pick the reason from the current status, the record it concerns, a statement; below, my appeals and their
// outcome.
import { Text, View } from '@tarojs/components'
import { Input, Radio, Tag, TextArea } from '@nutui/nutui-react-taro'
import { FieldError, SubmitButton } from '../../../components/form-controls'
import { Item } from '../../../components/query-rows'
import { QueryList, QueryView } from '../../../components/query-view'
import { IntroCard } from '../../../components/intro-card'
import { formatDateTime } from '../../../format'
import { TARGET_KINDS, type TargetKind, useAppeal } from '../../../hooks/use-appeal'
import { useHolder } from '../../../hooks/use-holder'
import { catalogueHas, type TranslationKey, useT } from '../../../i18n'
import { usePageTitle } from '../../../i18n/shell'
import '../../../components/query-page.scss'
import './index.scss'
import { careClass } from '../../../hooks/use-care-mode'

const STATUS_TAG = { pending: 'warning', upheld: 'success', rejected: 'default' } as const
const STATEMENT_MAX = 500
const isKind = (v: unknown): v is TargetKind => TARGET_KINDS.some((k) => k === v)

/** A rule's wording from the catalogue (healthRules), else the rule id as is. */
function useRuleLabel() {
  const t = useT()
  return (rule: string) => (catalogueHas(`healthRules.${rule}`) ? t(`healthRules.${rule}` as TranslationKey) : rule)
}

function Target({ a }: { a: ReturnType<typeof useAppeal> }) {
  const t = useT()
  const { kind, targetId } = a.fields
  if (kind === 'test_result') return null
  if (kind === 'check_in') {
    const list = a.recentCheckIns.state.status === 'ready' ? a.recentCheckIns.state.data.checkIns : []
    return (
      <View className="page-health-appeal__target">
        <Text className="page-health-appeal__label">{t('healthCode.appeal.pickCheckIn')}</Text>
        {list.length === 0 ? (
          <Text className="page-health-appeal__note">{t('healthCode.appeal.noCheckIns')}</Text>
        ) : (
          <Radio.Group
            className="page-health-appeal__options"
            value={targetId}
            onChange={(v) => a.setFields({ targetId: String(v) })}
          >
            {list.map((c) => (
              <Radio key={c.checkInId} className="page-health-appeal__check-in" value={c.checkInId}>
                {`${c.venueName} · ${formatDateTime(c.at)}`}
              </Radio>
            ))}
          </Radio.Group>
        )}
      </View>
    )
  }
  return (
    <View className="page-health-appeal__target">
      <Text className="page-health-appeal__label">{t('healthCode.appeal.pickDeclaration')}</Text>
      {a.declarations.length ? (
        <Radio.Group
          className="page-health-appeal__options"
          value={targetId}
          onChange={(v) => a.setFields({ targetId: String(v) })}
        >
          {a.declarations.map((d) => (
            <Radio key={d.id} className="page-health-appeal__declaration" value={d.id}>
              {`${t(`healthCode.declare.tabs.${d.kind}`)} · ${formatDateTime(d.declaredAt)}`}
            </Radio>
          ))}
        </Radio.Group>
      ) : (
        <Input
          className="page-health-appeal__input page-health-appeal__declaration-id"
          value={targetId}
          onChange={(v) => a.setFields({ targetId: v })}
          placeholder={t('healthCode.appeal.declarationIdPlaceholder')}
          maxLength={64}
        />
      )}
    </View>
  )
}

export default function HealthAppeal() {
  usePageTitle('healthCode.appeal.title')
  const t = useT()
  const ruleLabel = useRuleLabel()
  const holder = useHolder()
  const a = useAppeal(holder)

  return (
    <View className={`ysx-page ysx-query page-health-appeal ${careClass()}`}>
      <IntroCard className="page-health-appeal__intro">{t('healthCode.appeal.intro')}</IntroCard>
      <QueryView query={a.status} empty="" rows={3}>
        {(status) => (
          <View className="ysx-card page-health-appeal__form">
            <Text className="ysx-card__title">{t('healthCode.appeal.reason')}</Text>
            {status.reasons.length === 0 ? (
              <Text className="page-health-appeal__note page-health-appeal__no-reasons">
                {t('healthCode.appeal.noReasons')}
              </Text>
            ) : (
              <>
                <Radio.Group
                  className="page-health-appeal__options page-health-appeal__reasons"
                  value={a.fields.rule}
                  onChange={(v) => a.chooseRule(String(v))}
                >
                  {status.reasons.map((r) => (
                    <Radio key={r.rule} className="page-health-appeal__reason" value={r.rule}>
                      {r.message}
                    </Radio>
                  ))}
                </Radio.Group>
                <FieldError className="page-health-appeal__error" text={a.errors.rule} />
                <Text className="page-health-appeal__label">{t('healthCode.appeal.target')}</Text>
                <Radio.Group
                  className="page-health-appeal__options page-health-appeal__kinds"
                  direction="horizontal"
                  value={a.fields.kind}
                  onChange={(v) => isKind(v) && a.setFields({ kind: v, targetId: '' })}
                >
                  {TARGET_KINDS.map((k) => (
                    <Radio key={k} className={`page-health-appeal__kind page-health-appeal__kind--${k}`} value={k}>
                      {t(`healthCode.appeal.targets.${k}`)}
                    </Radio>
                  ))}
                </Radio.Group>
                <Target a={a} />
                <FieldError className="page-health-appeal__error" text={a.errors.target} />
                <Text className="page-health-appeal__label">{t('healthCode.appeal.statement')}</Text>
                <TextArea
                  className="page-health-appeal__statement"
                  value={a.fields.statement}
                  onChange={(statement) => a.setFields({ statement })}
                  placeholder={t('healthCode.appeal.statementPlaceholder')}
                  maxLength={STATEMENT_MAX}
                  showCount
                  rows={4}
                />
                <FieldError className="page-health-appeal__error" text={a.errors.statement} />
                {a.failure ? (
                  <Text className="page-health-appeal__error page-health-appeal__failure">{a.failure}</Text>
                ) : null}
                {a.filed ? (
                  <Text className="page-health-appeal__filed">
                    {t('healthCode.appeal.filed', { id: a.filed.appealId })}
                  </Text>
                ) : null}
                <SubmitButton className="page-health-appeal__submit" form={a} texts="healthCode.appeal" />
              </>
            )}
          </View>
        )}
      </QueryView>

      <Text className="page-health-appeal__section">{t('healthCode.appeal.mine')}</Text>
      <QueryList block="page-health-appeal" query={a.mine} items={(d) => d.appeals} empty={t('healthCode.appeal.none')}>
        {(item) => (
          <Item
            key={item.appealId}
            className={`page-health-appeal__item page-health-appeal__item--${item.status}`}
            title={ruleLabel(item.rule)}
            side={
              <Tag className="page-health-appeal__tag" type={STATUS_TAG[item.status]} round>
                {t(`healthCode.appeal.statuses.${item.status}`)}
              </Tag>
            }
            meta={[
              t('healthCode.appeal.filedAt', { time: formatDateTime(item.filedAt) }),
              item.decidedAt ? t('healthCode.appeal.decidedAt', { time: formatDateTime(item.decidedAt) }) : null,
              item.note ? t('healthCode.appeal.note', { note: item.note }) : null,
            ]}
          />
        )}
      </QueryList>
    </View>
  )
}

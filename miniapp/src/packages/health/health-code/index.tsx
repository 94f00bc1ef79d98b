// 粤康码: whose code (本人 or a family member), the colour in a big block with its word, masked name, a live clock,
// the QR the device signs every 30 s with its countdown, the reasons, the negative-test badge, and the related services.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { HealthReason } from '@ysx/shared'
import { ErrorBlock } from '../../../components/error-block'
import { Preparing } from '../../../components/preparing'
import { HealthColourBlock } from '../../../components/health-colour'
import { QrCode } from '../../../components/qr-code'
import { formatClock, formatDateTime } from '../../../format'
import { useFamilyMembers } from '../../../hooks/use-family'
import { useHealthCode } from '../../../hooks/use-health-code'
import { SELF, useHolder } from '../../../hooks/use-holder'
import { type TranslationKey, useT } from '../../../i18n'
import { usePageTitle } from '../../../i18n/shell'
import { PAGES } from '../../../page-paths'
import type { Holder } from '../../../services/health-code'
import './index.scss'
import { careClass } from '../../../hooks/use-care-mode'

/** The services under the code, each opened for the holder shown. */
const ACTIONS: Array<{ key: TranslationKey; page: string; name: string }> = [
  { key: 'healthCode.actions.declare', page: PAGES.healthDeclare, name: 'declare' },
  { key: 'healthCode.actions.checkIn', page: PAGES.checkIn, name: 'check-in' },
  { key: 'healthCode.actions.appeal', page: PAGES.healthAppeal, name: 'appeal' },
  { key: 'healthCode.actions.transfer', page: PAGES.healthTransfer, name: 'transfer' },
]

function HolderSwitcher({ holder, onChange }: { holder: Holder; onChange: (h: Holder) => void }) {
  const t = useT()
  const members = useFamilyMembers()
  const list = members.state.status === 'ready' ? members.state.data.members : []
  const holders = [
    { id: SELF, label: t('healthCode.self') },
    ...list.map((m) => ({
      id: m.id,
      label: t('healthCode.holderLabel', { name: m.maskedName, relation: t(`healthCode.relations.${m.relation}`) }),
    })),
  ]
  return (
    <View className="page-health-code__holders" aria-label={t('healthCode.holders')}>
      {holders.map((h) => (
        <Text
          key={h.id}
          className={`page-health-code__holder${h.id === holder ? ' page-health-code__holder--active' : ''}`}
          onClick={() => onChange(h.id)}
        >
          {h.label}
        </Text>
      ))}
      <Text
        className="page-health-code__holder page-health-code__holder--add"
        onClick={() => void Taro.navigateTo({ url: PAGES.family })}
      >
        {t('healthCode.actions.family')}
      </Text>
    </View>
  )
}

function Reasons({ reasons }: { reasons: HealthReason[] }) {
  const t = useT()
  if (!reasons.length) return null
  return (
    <View className="ysx-card page-health-code__reasons">
      <Text className="ysx-card__title">{t('healthCode.reasonsTitle')}</Text>
      {reasons.map((r) => (
        <View
          key={r.rule}
          className={`page-health-code__reason page-health-code__reason--${r.colour}`}
          data-rule={r.rule}
        >
          <Text className="page-health-code__reason-message">{r.message}</Text>
          {r.since ? (
            <Text className="page-health-code__reason-time">
              {t('healthCode.reasonSince', { time: formatDateTime(r.since) })}
            </Text>
          ) : null}
          {r.until ? (
            <Text className="page-health-code__reason-time">
              {t('healthCode.reasonUntil', { time: formatDateTime(r.until) })}
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  )
}

export default function HealthCodePage() {
  usePageTitle('healthCode.title')
  const t = useT()
  const initialHolder = useHolder()
  const [holder, setHolder] = useState<Holder>(initialHolder)
  const { state, retry } = useHealthCode(holder)
  const open = (page: string) => void Taro.navigateTo({ url: `${page}?holder=${holder}` })

  return (
    <View className={`ysx-page page-health-code ${careClass()}`}>
      <HolderSwitcher holder={holder} onChange={setHolder} />
      <View className="ysx-card page-health-code__card">
        {state.status === 'loading' ? (
          <Preparing block="page-health-code" text={t('healthCode.preparing')} rows={4} />
        ) : state.status === 'error' ? (
          <ErrorBlock code={state.code} message={state.message} onRetry={retry} />
        ) : (
          <>
            <Text className="page-health-code__name">{state.code.maskedName}</Text>
            <Text className="page-health-code__clock">{formatClock(state.now)}</Text>
            <HealthColourBlock colour={state.code.colour} className="page-health-code__colour">
              <Text className="page-health-code__colour-hint">{t(`healthCode.colourHints.${state.code.colour}`)}</Text>
            </HealthColourBlock>
            <View className={`page-health-code__qr page-health-code__qr--${state.code.colour}`}>
              <QrCode text={state.text} label={t('healthCode.title')} />
            </View>
            <View className="ysx-visually-hidden page-health-code__qr-text" data-testid="qr-text">
              {state.text}
            </View>
            <Text className="page-health-code__countdown">
              {t('healthCode.refreshIn', { seconds: state.secondsLeft })}
            </Text>
            <Button size="small" fill="outline" type="primary" onClick={retry}>
              {t('healthCode.refreshNow')}
            </Button>
            <Text
              className={`page-health-code__test${state.code.negativeTestWithinHours ? ' page-health-code__test--negative' : ''}`}
            >
              {state.code.negativeTestWithinHours
                ? t('healthCode.negativeTest', { hours: state.code.negativeTestWithinHours })
                : t('healthCode.noNegativeTest')}
            </Text>
            {state.offline ? <Text className="page-health-code__offline">{t('healthCode.offline')}</Text> : null}
            <Text className="page-health-code__hint">{t('healthCode.notice')}</Text>
          </>
        )}
      </View>
      {state.status === 'ready' ? <Reasons reasons={state.code.reasons} /> : null}
      <View className="ysx-card page-health-code__actions">
        {ACTIONS.map((a) => (
          <View
            key={a.name}
            className={`page-health-code__action page-health-code__action--${a.name}`}
            onClick={() => open(a.page)}
          >
            <Text>{t(a.key)}</Text>
          </View>
        ))}
      </View>
      {state.status === 'ready' ? (
        <View className="page-health-code__meta">
          <Text className="page-health-code__meta-line">
            {t('healthCode.ruleVersion', { version: state.code.ruleVersion })}
          </Text>
          <Text className="page-health-code__meta-line">
            {t('healthCode.evaluatedAt', { time: formatDateTime(state.code.evaluatedAt) })}
          </Text>
        </View>
      ) : null}
    </View>
  )
}

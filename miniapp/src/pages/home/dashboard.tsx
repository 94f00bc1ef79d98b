// 首页 dashboard cards: 我的证照, 社保, 医保, 公积金, 交通违法, 健康码; a section a department could not serve offers 重试.
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Tag } from '@nutui/nutui-react-taro'
import type { Dashboard } from '@ysx/shared'
import { ErrorBlock } from '../../components/error-block'
import { UnavailableIssuers } from '../../components/unavailable-issuers'
import { certificateTitle, formatMonth, formatTerm, formatYuan } from '../../format'
import { type TranslationKey, useT } from '../../i18n'
import { PAGES } from '../../page-paths'

type Sections = Dashboard['sections']
type Section<K extends keyof Sections> = Sections[K]
type Ok<K extends keyof Sections> = Extract<Section<K>, { status: 'ok' }>['data']

const CARDS_SHOWN = 3
/** The sections that show a balance and the account's status, in this order. */
const BALANCES = ['medicalInsurance', 'housingFund'] as const
const STATUS_TAG = { valid: 'success', expired: 'default', suspended: 'warning', revoked: 'danger' } as const

interface TileProps<K extends keyof Sections> {
  name: K
  title: TranslationKey
  section: Section<K>
  retrying: boolean
  onRetry: () => void
  page?: string
  wide?: boolean
  /** The section's data; a section with no record (null) says 暂无记录 instead */
  children: (data: NonNullable<Ok<K>>) => ReactNode
}

function Tile<K extends keyof Sections>({
  name,
  title,
  section,
  retrying,
  onRetry,
  page,
  wide,
  children,
}: TileProps<K>) {
  const t = useT()
  const ok = section.status === 'ok'
  const open = ok && page ? () => void Taro.navigateTo({ url: page }) : undefined
  return (
    <View className={`page-home__tile page-home__tile--${name}${wide ? ' page-home__tile--wide' : ''}`} onClick={open}>
      <View className="page-home__tile-head">
        <Text className="page-home__tile-title">{t(title)}</Text>
        {open ? <Text className="page-home__tile-more">›</Text> : null}
      </View>
      {section.status !== 'ok' ? (
        <ErrorBlock compact code={section.code} message={section.message} onRetry={onRetry} busy={retrying} />
      ) : section.data === null ? (
        <Note>{t('dashboard.noRecord')}</Note>
      ) : (
        children(section.data as NonNullable<Ok<K>>)
      )}
    </View>
  )
}

const Value = ({ children, tone = '' }: { children: ReactNode; tone?: string }) => (
  <Text className={`page-home__value ${tone}`}>{children}</Text>
)
const Note = ({ children }: { children: ReactNode }) => <Text className="page-home__note">{children}</Text>

export function DashboardCards({
  dashboard,
  retrying,
  onRetry,
}: {
  dashboard: Dashboard
  retrying: boolean
  onRetry: () => void
}) {
  const t = useT()
  const s = dashboard.sections
  const common = { retrying, onRetry }
  return (
    <View className="page-home__dashboard">
      <Tile name="cards" title="dashboard.cards" section={s.cards} wide {...common}>
        {({ cards, unavailableFrom }) => (
          <View>
            <Note>{cards.length ? t('dashboard.cardCount', { count: cards.length }) : t('dashboard.noCards')}</Note>
            {cards.slice(0, CARDS_SHOWN).map((card) => (
              <View key={`${card.type}-${card.department}`} className="page-home__card-row">
                <Text className="page-home__card-title">{certificateTitle(card.type, card.title)}</Text>
                <Tag className="page-home__tag" type={STATUS_TAG[card.status]} round>
                  {t(`certificateStatus.${card.status}`)}
                </Tag>
              </View>
            ))}
            <UnavailableIssuers departments={unavailableFrom} className="page-home__warning" />
          </View>
        )}
      </Tile>
      <Tile
        name="socialSecurity"
        title="dashboard.socialSecurity"
        section={s.socialSecurity}
        page={PAGES.socialSecurity}
        {...common}
      >
        {(data) => (
          <View>
            <Value>{t('dashboard.monthsPaid', { count: data.monthsPaid })}</Value>
            <Note>{t('dashboard.recentMonths')}</Note>
            {data.lastPaidMonth ? (
              <Note>{t('dashboard.lastPaidMonth', { month: formatMonth(data.lastPaidMonth) })}</Note>
            ) : null}
            {data.arrearsMonths ? <Note>{t('dashboard.arrears', { count: data.arrearsMonths })}</Note> : null}
          </View>
        )}
      </Tile>
      {BALANCES.map((name) => (
        <Tile key={name} name={name} title={`dashboard.${name}`} section={s[name]} page={PAGES[name]} {...common}>
          {(data) => (
            <View>
              <Value>{formatYuan(data.balance)}</Value>
              <Note>{formatTerm(data.status)}</Note>
            </View>
          )}
        </Tile>
      ))}
      <Tile name="violations" title="dashboard.violations" section={s.violations} page={PAGES.violations} {...common}>
        {(data) =>
          data.unpaidCount === 0 ? (
            <Value>{t('dashboard.noViolations')}</Value>
          ) : (
            <View>
              <Value tone="page-home__value--alert">{t('dashboard.unpaid', { count: data.unpaidCount })}</Value>
              <Note>{t('dashboard.unpaidFines', { amount: formatYuan(data.unpaidFines) })}</Note>
            </View>
          )
        }
      </Tile>
      <Tile name="healthCode" title="dashboard.healthCode" section={s.healthCode} page={PAGES.healthCode} {...common}>
        {(data) => (
          <View className="page-home__health">
            <View className={`page-home__health-dot page-home__health-dot--${data.color}`} />
            <Value tone={`page-home__value--${data.color}`}>{t(`dashboard.healthColors.${data.color}`)}</Value>
          </View>
        )}
      </Tile>
    </View>
  )
}

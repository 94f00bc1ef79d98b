// Labels for wallet field paths (`points.remaining`, `members.0.name`): segment labels, indices dropped, " · "-joined;
// and their values as the locale says them (dates, genders, statuses, amounts, a department's terms).
import { type DisclosureProfile, DISCLOSURE_PROFILES } from '@ysx/shared'
import { formatValue, formatYuan } from './format'
import { catalogueHas, t, type TranslationKey } from './i18n'

/** Fields that carry an amount in 元 */
const AMOUNTS = new Set(['monthlyDeposit', 'balanceAtIssue', 'registeredCapital'])

export function fieldLabel(key: string): string {
  return key
    .split('.')
    .filter((segment) => !/^\d+$/.test(segment))
    .map((segment) =>
      catalogueHas(`wallet.fields.${segment}`) ? t(`wallet.fields.${segment}` as TranslationKey) : segment,
    )
    .join(' · ')
}

/** A field's value for the screen: an amount as money, anything else through formatValue (never a raw code). */
export function fieldValue(key: string, value: string): string {
  const last = key.split('.').pop() ?? key
  if (AMOUNTS.has(last) && value.trim() !== '' && Number.isFinite(Number(value))) return formatYuan(Number(value))
  return formatValue(value)
}

/** The disclosure profiles a certificate type can be shown with. */
export function profilesFor(type: string): DisclosureProfile[] {
  return (Object.keys(DISCLOSURE_PROFILES) as DisclosureProfile[]).filter((p) =>
    (DISCLOSURE_PROFILES[p] as readonly string[]).includes(type),
  )
}

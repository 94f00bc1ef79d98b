// Labels for wallet field paths (`points.remaining`, `members.0.name`): segment labels, indices dropped, " · "-joined.
import { type DisclosureProfile, DISCLOSURE_PROFILES } from '@ysx/shared'
import { catalogueHas, t, type TranslationKey } from './i18n'

export function fieldLabel(key: string): string {
  return key
    .split('.')
    .filter((segment) => !/^\d+$/.test(segment))
    .map((segment) =>
      catalogueHas(`wallet.fields.${segment}`) ? t(`wallet.fields.${segment}` as TranslationKey) : segment,
    )
    .join(' · ')
}

/** The disclosure profiles a certificate type can be shown with. */
export function profilesFor(type: string): DisclosureProfile[] {
  return (Object.keys(DISCLOSURE_PROFILES) as DisclosureProfile[]).filter((p) =>
    (DISCLOSURE_PROFILES[p] as readonly string[]).includes(type),
  )
}

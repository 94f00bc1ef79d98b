// The disclosed fields of a presentation, labelled, in a fixed order; only those the profile carries.
import type { Disclosed } from '@ysx/shared'
import { formatValue } from '../format'
import { useT } from '../i18n'
import { Row } from './query-rows'
import './query-page.scss'

const ORDER = ['name', 'licenceClass', 'validFrom', 'validUntil', 'pointsRemaining', 'idNumberLast4', 'over18'] as const

export function DisclosedRows({ disclosed }: { disclosed: Disclosed }) {
  const t = useT()
  const show = (value: Disclosed[keyof Disclosed]) =>
    value === null
      ? t('verify.longTerm')
      : typeof value === 'boolean'
        ? value
          ? t('verify.yes')
          : t('verify.no')
        : formatValue(String(value))
  return (
    <>
      {ORDER.filter((key) => disclosed[key] !== undefined).map((key) => (
        <Row key={key} label={t(`verify.fields.${key}`)} value={show(disclosed[key])} />
      ))}
    </>
  )
}

// Display formats shared by pages, in the language the UI is shown in (Intl): money, dates, months and times, and the
// raw values a department sends (genders, statuses, its own terms) as words. zh-CN reads ¥1,234.56 and 2026年1月5日;
// zh-HK CN¥1,234.56 and 2026年1月5日; English CN¥1,234.56 and 5 January 2026. Where the engine has no Intl (an old
// mini-program base library), the numeric forms below stand in.
import type { Locale } from '@ysx/shared'
import { catalogueHas, currentLocale, t, type TranslationKey } from './i18n'

/** The Intl locale each UI locale formats with: English as the UK government writes it (day month year, 24 h). */
const INTL_LOCALE: Record<Locale, string> = { 'zh-CN': 'zh-CN', 'zh-HK': 'zh-HK', en: 'en-GB' }

const hasIntl = () => typeof Intl !== 'undefined' && typeof Intl.DateTimeFormat === 'function'

/** Formatters are built once per locale and option set (building one is slow). */
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()
function dateFormat(name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = currentLocale()
  const key = `${locale}:date:${name}`
  let format = cache.get(key) as Intl.DateTimeFormat | undefined
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(INTL_LOCALE[locale], options)))
  return format
}

const pad = (n: number) => String(n).padStart(2, '0')

/** ¥1,234.56 (zh-CN) or CN¥1,234.56: grouped by thousands, two decimals. */
export function formatYuan(amount: number): string {
  const locale = currentLocale()
  if (hasIntl() && typeof Intl.NumberFormat === 'function') {
    const key = `${locale}:yuan`
    let format = cache.get(key) as Intl.NumberFormat | undefined
    if (!format) {
      format = new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'currency', currency: 'CNY' })
      cache.set(key, format)
    }
    return format.format(amount)
  }
  const sign = amount < 0 ? '-' : ''
  const [whole = '0', cents = '00'] = Math.abs(amount).toFixed(2).split('.')
  return `${sign}¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`
}

const DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' }
const MINUTE: Intl.DateTimeFormatOptions = { ...DAY, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
const SECOND: Intl.DateTimeFormatOptions = { ...MINUTE, second: '2-digit' }

/** A calendar date, 2026-01-05 → 2026年1月5日 / 5 January 2026 (no time zone: the date as written). */
export function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  if (!match) return isoDate
  if (!hasIntl()) return isoDate
  const at = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return dateFormat('day-utc', { ...DAY, timeZone: 'UTC' }).format(at)
}

/** 2026-11-23T08:05:00Z → 2026年11月23日 16:05 / 23 November 2026 at 16:05, in the device's time zone. */
export function formatDateTime(iso: string): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return iso
  if (!hasIntl())
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`
  return dateFormat('minute', MINUTE).format(at)
}

/** 2026-11 → 2026年11月 / November 2026 */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month)
  if (!match) return month
  if (!hasIntl()) return `${match[1]}年${Number(match[2])}月`
  const at = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1))
  return dateFormat('month-utc', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(at)
}

/** A moment (ms) as the live clock on 粤康码 reads it, to the second, in the device's time zone. */
export function formatClock(ms: number): string {
  const at = new Date(ms)
  if (!hasIntl())
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`
  return dateFormat('second', SECOND).format(at)
}

/** A local calendar date as YYYY-MM-DD (what date pickers and the contracts use; never shown as is). */
export function isoDay(ms: number): string {
  const at = new Date(ms)
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`
}

/** male / female as the locale says it. */
export function formatGender(gender: string): string {
  return lookup('values.genders', gender)
}

/** A status code (valid, expired, revoked, paid, arrears, pending …) as words. */
export function formatStatus(status: string): string {
  return lookup('values.statuses', status)
}

/** A certificate type's name (id_card → 居民身份证 / Resident identity card). */
export function certificateTitle(type: string, fallback: string): string {
  const key = `values.certificateTypes.${type}`
  return catalogueHas(key) ? t(key as TranslationKey) : fallback
}

/** A value a department sends in Chinese (香港, 个人旅游, 缴存 …) in the locale's words; anything else as it is. */
export function formatTerm(value: string): string {
  return lookup('values.terms', value)
}

function lookup(namespace: string, value: string): string {
  const key = `${namespace}.${value}`
  return value && !value.includes('.') && catalogueHas(key) ? t(key as TranslationKey) : value
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const ISO_MONTH = /^\d{4}-\d{2}$/
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/

/**
 * Any raw value a page shows without knowing what it is (a certificate's own fields): a date, month or timestamp is
 * formatted, a gender, status, yes/no or department term is said in words; anything else is shown as it is.
 */
export function formatValue(value: string): string {
  if (ISO_DATE.test(value)) return formatDate(value)
  if (ISO_MONTH.test(value)) return formatMonth(value)
  if (ISO_DATE_TIME.test(value)) return formatDateTime(value)
  if (value === 'true' || value === 'false') return t(`values.booleans.${value}`)
  const namespace = ['values.genders', 'values.statuses', 'values.terms'].find((n) => lookup(n, value) !== value)
  return namespace ? lookup(namespace, value) : value
}

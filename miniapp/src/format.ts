// Display formats shared by pages: money as ¥1,234.56, ISO dates and times as the citizen reads them.

/** ¥1,234.56 — grouped by thousands, two decimals; no Intl (not every mini-program engine has it). */
export function formatYuan(amount: number): string {
  const sign = amount < 0 ? '-' : ''
  const [whole = '0', cents = '00'] = Math.abs(amount).toFixed(2).split('.')
  return `${sign}¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`
}

const pad = (n: number) => String(n).padStart(2, '0')

/** 2026-11-23T08:05:00Z → 2026-11-23 16:05 in the device's time zone. */
export function formatDateTime(iso: string): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return iso
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`
}

/** 2026-11 → 2026年11月 */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month)
  return match ? `${match[1]}年${match[2]}月` : month
}

/** A moment (ms) as the live clock on 粤康码 reads it: 2026-11-23 16:05:09 in the device's time zone. */
export function formatClock(ms: number): string {
  const at = new Date(ms)
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`
}

/** A local calendar date as YYYY-MM-DD (what date pickers and the contracts use). */
export function isoDay(ms: number): string {
  const at = new Date(ms)
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`
}

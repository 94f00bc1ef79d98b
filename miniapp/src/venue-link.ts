// A venue's QR and the check-in page agree here: on H5 the QR is a link that opens 扫码签到 with the code (a phone's
// camera app opens links), elsewhere it is the code itself; whatever was scanned or pasted, the code comes back out.
import { PAGES } from './page-paths'

/** The QR text for a venue code: `<origin>/#/pages/check-in/index?v=<code>` when an H5 origin is given, else the code. */
export function venueQrText(code: string, origin: string | null): string {
  return origin ? `${origin}/#${PAGES.checkIn}?v=${encodeURIComponent(code)}` : code
}

/** A query value as the router handed it over: decoded once if it still looks percent-encoded. */
export function fromParam(value: string | undefined): string {
  if (!value) return ''
  if (!/%[0-9A-Fa-f]{2}/.test(value)) return value
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** The venue code in a scanned or pasted text: the `v` of a check-in link, else the text itself (trimmed). */
export function venueCodeFrom(text: string): string {
  const trimmed = text.trim()
  if (!trimmed.includes(PAGES.checkIn)) return trimmed
  const match = /[?&]v=([^&#]*)/.exec(trimmed)
  return match?.[1] ? fromParam(match[1]) : ''
}

// China Standard Time (UTC+8, no daylight saving): the calendar day and the ISO time with +08:00 that the
// departments' records and the citizen-facing dates use, whatever the server's own time zone.
const OFFSET_MS = 8 * 3_600_000

/** The calendar day in China at `ms`, as YYYY-MM-DD. */
export const chinaDate = (ms: number): string => new Date(ms + OFFSET_MS).toISOString().slice(0, 10)

/** The instant `ms` in China time, to the second: YYYY-MM-DDTHH:mm:ss+08:00. */
export const chinaDateTime = (ms: number): string => `${new Date(ms + OFFSET_MS).toISOString().slice(0, 19)}+08:00`

/** The last second of a China calendar day (YYYY-MM-DD), in ms since the epoch. */
export const endOfChinaDay = (isoDate: string): number => Date.parse(`${isoDate}T23:59:59+08:00`)

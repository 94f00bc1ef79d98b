// The one masking shape every personal identifier uses: keep a few characters at each end, star the middle.
/** `keepStart` and `keepEnd` characters stay; the rest become `*`. Too short to keep both ends: all stars. */
export function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const chars = [...value]
  if (chars.length <= keepStart + keepEnd) return '*'.repeat(chars.length)
  return `${chars.slice(0, keepStart).join('')}${'*'.repeat(chars.length - keepStart - keepEnd)}${chars.slice(chars.length - keepEnd).join('')}`
}

/** Certificate numbers keep their first 2 and last 4 characters. */
export const maskCertificateNumber = (value: string) => maskMiddle(value, 2, 4)

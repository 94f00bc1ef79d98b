// Bytes ↔ base64url and strings ↔ UTF-8 without Buffer, btoa or TextEncoder (not every mini-program engine has them;
// the same code runs in the BFF, the verifier pages and the tests).
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]))

export function toBase64url(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6))
    for (let k = 0; k < chars; k += 1) out += ALPHABET[(n >> (18 - 6 * k)) & 63]
  }
  return out
}

/** The bytes of a base64url text, or null when it is not canonical base64url (no padding, no stray bits). */
export function fromBase64url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null
  const out = new Uint8Array(Math.floor((text.length * 6) / 8))
  let bits = 0
  let acc = 0
  let o = 0
  for (const c of text) {
    const v = INDEX.get(c)
    if (v === undefined) return null
    acc = (acc << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (acc >> bits) & 255
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) return null
  return out
}

export function utf8Encode(text: string): Uint8Array {
  const out: number[] = []
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    if (cp < 0x80) out.push(cp)
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63))
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
  }
  return Uint8Array.from(out)
}

/** The least code point a sequence of each length may carry (a smaller one is an overlong encoding). */
const LEAST_OF_LENGTH = [0, 0, 0x80, 0x800, 0x10000] as const

/** UTF-8 bytes to text; null on a malformed sequence (RFC 3629: no overlong forms, surrogates, or beyond U+10FFFF). */
export function utf8Decode(bytes: Uint8Array): string | null {
  let out = ''
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] ?? 0
    const len = b < 0x80 ? 1 : b >> 5 === 6 ? 2 : b >> 4 === 14 ? 3 : b >> 3 === 30 ? 4 : 0
    if (!len || i + len > bytes.length) return null
    let cp = len === 1 ? b : b & (0xff >> (len + 1))
    for (let k = 1; k < len; k += 1) {
      const c = bytes[i + k] ?? 0
      if (c >> 6 !== 2) return null
      cp = (cp << 6) | (c & 63)
    }
    // String.fromCodePoint throws beyond U+10FFFF: a crafted segment must be refused, never crash the verifier.
    if (cp < LEAST_OF_LENGTH[len]! || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null
    out += String.fromCodePoint(cp)
    i += len
  }
  return out
}

export const jsonToBase64url = (value: unknown): string => toBase64url(utf8Encode(JSON.stringify(value)))

/** A base64url JSON object, or null when any step fails. */
export function base64urlToJson(text: string): Record<string, unknown> | null {
  const bytes = fromBase64url(text)
  const json = bytes && utf8Decode(bytes)
  if (json === null || json === undefined) return null
  try {
    const value: unknown = JSON.parse(json)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

// The credential's own base64url and UTF-8 (no Buffer, btoa or TextEncoder on every mini-program engine) against
// Node's as the oracle: the same bytes and text for every input, and null exactly where a strict decoder refuses.
import fc from 'fast-check'
import {
  base64urlToJson,
  fromBase64url,
  jsonToBase64url,
  toBase64url,
  utf8Decode,
  utf8Encode,
} from '../../src/credential'

const SEED = 20261202
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
/** Node's strict UTF-8 decoding: the text, or null where it throws. */
const oracleDecode = (bytes: Uint8Array): string | null => {
  try {
    return strict.decode(bytes)
  } catch {
    return null
  }
}
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
/** Canonical base64url: its own alphabet, no padding, a length not 1 mod 4, and Buffer encodes its bytes back to it. */
const oracleFromBase64url = (text: string): Uint8Array | null => {
  if (![...text].every((c) => ALPHABET.includes(c)) || text.length % 4 === 1) return null
  const bytes = Buffer.from(text, 'base64url')
  return bytes.toString('base64url') === text ? new Uint8Array(bytes) : null
}

test('toBase64url writes what Buffer writes, for every byte string', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 70 }), (bytes) => {
      expect(toBase64url(bytes)).toBe(Buffer.from(bytes).toString('base64url'))
    }),
    { seed: SEED, numRuns: 500 },
  )
})

test('fromBase64url reads canonical base64url as Buffer does and refuses every other text', () => {
  const text = fc.oneof(
    fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b).toString('base64url')),
    fc.string({ unit: fc.constantFrom(...ALPHABET, '=', '+', '/', '.', ' ', 'é'), maxLength: 24 }),
  )
  fc.assert(
    fc.property(text, (t) => {
      expect(fromBase64url(t)).toEqual(oracleFromBase64url(t))
    }),
    { seed: SEED, numRuns: 1000 },
  )
})

test.each([
  ['the empty text', '', []],
  ['two characters, one byte', 'AQ', [1]],
  ['three characters, two bytes', 'AQI', [1, 2]],
  ['four characters, three bytes', 'AQID', [1, 2, 3]],
  ['the highest sextets', '__-_', [0xff, 0xff, 0xbf]],
])('fromBase64url reads %s', (_what, text, bytes) => {
  expect(fromBase64url(text)).toEqual(Uint8Array.from(bytes))
})

test.each([
  ['one character (length 1 mod 4)', 'A'],
  ['five characters', 'AQIDB'],
  ['stray bits after the last byte (AR, not AQ)', 'AR'],
  ['stray bits after two bytes (AQJ, not AQI)', 'AQJ'],
  ['padding', 'AQ=='],
  ['standard base64 +', 'ab+c'],
  ['standard base64 /', 'ab/c'],
  ['a space', 'AQ I'],
])('fromBase64url refuses %s', (_what, text) => {
  expect(fromBase64url(text)).toBeNull()
})

test('utf8Encode writes what Buffer writes, for every well-formed string', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (text) => {
      expect(Buffer.from(utf8Encode(text)).equals(Buffer.from(text, 'utf8'))).toBe(true)
      expect(utf8Decode(utf8Encode(text))).toBe(text)
    }),
    { seed: SEED, numRuns: 500 },
  )
})

test.each([
  ['U+007F, the last one-byte', [0x7f], '\u007f'],
  ['U+0080, the first two-byte', [0xc2, 0x80], '\u0080'],
  ['U+07FF, the last two-byte', [0xdf, 0xbf], '\u07ff'],
  ['U+0800, the first three-byte', [0xe0, 0xa0, 0x80], '\u0800'],
  ['U+D7FF, just below the surrogates', [0xed, 0x9f, 0xbf], '\ud7ff'],
  ['U+E000, just above the surrogates', [0xee, 0x80, 0x80], '\ue000'],
  ['U+FFFF, the last three-byte', [0xef, 0xbf, 0xbf], '\uffff'],
  ['U+10000, the first four-byte', [0xf0, 0x90, 0x80, 0x80], '\u{10000}'],
  ['U+10FFFF, the last code point', [0xf4, 0x8f, 0xbf, 0xbf], '\u{10ffff}'],
])('utf8Decode reads %s', (_what, bytes, text) => {
  expect(utf8Decode(Uint8Array.from(bytes))).toBe(text)
  expect(Buffer.from(utf8Encode(text))).toEqual(Buffer.from(bytes))
})

test.each([
  ['a lone continuation byte', [0x80]],
  ['0xFF, never in UTF-8', [0xff]],
  ['0xF8, a five-byte lead', [0xf8, 0x88, 0x80, 0x80, 0x80]],
  ['a two-byte lead cut short', [0xc2]],
  ['a four-byte lead cut short', [0xf0, 0x90, 0x80]],
  ['a lead followed by an ASCII byte', [0xe4, 0x41, 0x80]],
  ['an overlong two-byte /', [0xc0, 0xaf]],
  ['an overlong two-byte U+007F', [0xc1, 0xbf]],
  ['an overlong three-byte U+07FF', [0xe0, 0x9f, 0xbf]],
  ['an overlong four-byte U+FFFF', [0xf0, 0x8f, 0xbf, 0xbf]],
  ['a high surrogate U+D800', [0xed, 0xa0, 0x80]],
  ['a low surrogate U+DFFF', [0xed, 0xbf, 0xbf]],
  ['U+110000, beyond Unicode', [0xf4, 0x90, 0x80, 0x80]],
  ['U+1FFFFF, the largest a four-byte form holds', [0xf7, 0xbf, 0xbf, 0xbf]],
])('utf8Decode refuses %s (null, not an exception)', (_what, bytes) => {
  expect(utf8Decode(Uint8Array.from(bytes))).toBeNull()
})

test('utf8Decode agrees with a strict decoder on every byte string, well-formed or not', () => {
  // Well-formed text with bytes flipped, cut or inserted: most inputs sit near a valid sequence, where bugs hide.
  const nearText = fc
    .tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), fc.nat(), fc.integer({ min: 0, max: 255 }))
    .map(([text, at, byte]) => {
      const bytes = [...Buffer.from(text, 'utf8')]
      bytes.splice(at % (bytes.length + 1), byte % 3, byte)
      return Uint8Array.from(bytes)
    })
  fc.assert(
    fc.property(fc.oneof(nearText, fc.uint8Array({ maxLength: 8 })), (bytes) => {
      expect(utf8Decode(bytes)).toBe(oracleDecode(bytes))
    }),
    { seed: SEED, numRuns: 3000 },
  )
})

test('base64urlToJson gives back objects only: arrays, strings, numbers, null and broken JSON are null', () => {
  const enc = (json: string) => Buffer.from(json).toString('base64url')
  expect(base64urlToJson(jsonToBase64url({ a: 1, b: ['x'] }))).toEqual({ a: 1, b: ['x'] })
  expect(base64urlToJson(enc('{"__proto__":{"a":1}}'))).toEqual(JSON.parse('{"__proto__":{"a":1}}'))
  expect(Object.getPrototypeOf(base64urlToJson(enc('{"__proto__":{"a":1}}')))).toBe(Object.prototype)
  for (const json of ['[]', '[1]', '"x"', '7', 'null', 'true', '{', ''])
    expect([json, base64urlToJson(enc(json))]).toEqual([json, null])
  expect(base64urlToJson('e30=')).toBeNull()
  expect(base64urlToJson(Buffer.from([0x7b, 0xff, 0x7d]).toString('base64url'))).toBeNull()
  expect(jsonToBase64url({ n: '张三' })).toBe(enc('{"n":"张三"}'))
})

// Draws the tab-bar icons (81x81, normal + selected) and the empty-wallet picture as PNGs, using only node's zlib.
import { writeFileSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const ICON_SIZE = 81
const SAMPLES = 4 // supersampling per axis, for smooth edges
const COLORS = { normal: [0x8c, 0x8c, 0x8c], active: [0x16, 0x77, 0xff] }
const assets = join(dirname(fileURLToPath(import.meta.url)), '../src/assets')

const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (!inRect(x, y, x0, y0, x1, y1)) return false
  const cx = Math.min(Math.max(x, x0 + r), x1 - r)
  const cy = Math.min(Math.max(y, y0 + r), y1 - r)
  return inCircle(x, y, cx, cy, r)
}
const ring = (x, y, inner, outer) => outer(x, y) && !inner(x, y)

// Each shape maps a point in the unit square to "inked or not".
const shapes = {
  home: (x, y) => {
    const roof = y >= 0.14 && y <= 0.48 && Math.abs(x - 0.5) <= (y - 0.14) * 1.25 + 0.02
    const roofHollow = y >= 0.24 && Math.abs(x - 0.5) <= (y - 0.24) * 1.25 - 0.04
    const body = ring(
      x,
      y,
      (px, py) => inRect(px, py, 0.3, 0.5, 0.7, 0.8),
      (px, py) => inRect(px, py, 0.22, 0.42, 0.78, 0.86),
    )
    const door = inRect(x, y, 0.43, 0.62, 0.57, 0.86)
    return (roof && !roofHollow) || body || door
  },
  services: (x, y) => {
    const cell = (x0, y0) =>
      ring(
        x,
        y,
        (px, py) => inRoundRect(px, py, x0 + 0.065, y0 + 0.065, x0 + 0.265, y0 + 0.265, 0.04),
        (px, py) => inRoundRect(px, py, x0, y0, x0 + 0.33, y0 + 0.33, 0.08),
      )
    return cell(0.14, 0.14) || cell(0.53, 0.14) || cell(0.14, 0.53) || inCircle(x, y, 0.695, 0.695, 0.165)
  },
  wallet: (x, y) => {
    const card = ring(
      x,
      y,
      (px, py) => inRoundRect(px, py, 0.2, 0.3, 0.8, 0.74, 0.04),
      (px, py) => inRoundRect(px, py, 0.12, 0.22, 0.88, 0.82, 0.1),
    )
    const stripe = inRect(x, y, 0.12, 0.38, 0.88, 0.46)
    const chip = inRoundRect(x, y, 0.56, 0.56, 0.74, 0.66, 0.03)
    return card || stripe || chip
  },
  me: (x, y) => {
    const head = ring(
      x,
      y,
      (px, py) => inCircle(px, py, 0.5, 0.34, 0.1),
      (px, py) => inCircle(px, py, 0.5, 0.34, 0.18),
    )
    const shoulders =
      y <= 0.86 &&
      ring(
        x,
        y,
        (px, py) => inCircle(px, py, 0.5, 0.9, 0.26),
        (px, py) => inCircle(px, py, 0.5, 0.9, 0.34),
      )
    const base = inRect(x, y, 0.16, 0.8, 0.84, 0.86)
    return head || shoulders || base
  },
}

function crc32(buf) {
  let crc = ~0
  for (const byte of buf) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
  }
  return ~crc >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** Paints layers (later on top) with supersampled coverage and writes an RGBA PNG of size x size. */
function png(size, layers) {
  const rows = []
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4) // filter byte 0, then RGBA
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0]
      for (const { shape, color } of layers) {
        let hits = 0
        for (let sy = 0; sy < SAMPLES; sy++)
          for (let sx = 0; sx < SAMPLES; sx++)
            if (shape((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size)) hits++
        const cover = hits / SAMPLES ** 2
        const out = cover + a * (1 - cover)
        if (out > 0) {
          r = (color[0] * cover + r * a * (1 - cover)) / out
          g = (color[1] * cover + g * a * (1 - cover)) / out
          b = (color[2] * cover + b * a * (1 - cover)) / out
        }
        a = out
      }
      row.set([Math.round(r), Math.round(g), Math.round(b), Math.round(255 * a)], 1 + px * 4)
    }
    rows.push(row)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

// The wallet's empty state: two pale cards, one behind the other.
const emptyWallet = [
  { shape: (x, y) => inCircle(x, y, 0.5, 0.52, 0.42), color: [0xf0, 0xf5, 0xff] },
  { shape: (x, y) => inRoundRect(x, y, 0.26, 0.24, 0.82, 0.6, 0.05), color: [0xba, 0xd7, 0xff] },
  { shape: (x, y) => inRoundRect(x, y, 0.18, 0.36, 0.74, 0.74, 0.05), color: [0x69, 0xa8, 0xff] },
  { shape: (x, y) => inRect(x, y, 0.18, 0.44, 0.74, 0.5), color: [0x40, 0x8e, 0xff] },
  { shape: (x, y) => inRoundRect(x, y, 0.26, 0.58, 0.42, 0.66, 0.015), color: [0xff, 0xff, 0xff] },
]

const tabbar = join(assets, 'tabbar')
mkdirSync(tabbar, { recursive: true })
for (const [name, shape] of Object.entries(shapes)) {
  writeFileSync(join(tabbar, `${name}.png`), png(ICON_SIZE, [{ shape, color: COLORS.normal }]))
  writeFileSync(join(tabbar, `${name}-active.png`), png(ICON_SIZE, [{ shape, color: COLORS.active }]))
}
writeFileSync(join(assets, 'empty-wallet.png'), png(240, emptyWallet))
console.log(`wrote ${Object.keys(shapes).length * 2} tab-bar icons and the empty-wallet picture to ${assets}`)

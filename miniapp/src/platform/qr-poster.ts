// A QR code with a caption under it (a venue's name under its 场所码), drawn on any 2D canvas context: the browser's
// <canvas> on H5, WeChat's offscreen canvas on the weapp. The modules come from qrcode's create(), which needs no
// canvas of its own, so both builds draw the same picture.
import QRCode from 'qrcode'

/** The drawing calls used (both the browser's CanvasRenderingContext2D and WeChat's offscreen 2D context have them) */
export interface PosterContext {
  fillStyle: unknown
  font: string
  textAlign: unknown
  textBaseline: unknown
  fillRect: (x: number, y: number, width: number, height: number) => void
  fillText: (text: string, x: number, y: number, maxWidth?: number) => void
}

/** Pixels per QR module, the quiet zone in modules, and the caption band under the code. */
const MODULE = 8
const QUIET = 4
const CAPTION_BAND = 96
const CAPTION_FONT = 'bold 36px sans-serif'

export interface PosterLayout {
  width: number
  height: number
  /** The QR's modules per side */
  modules: number
}

/** A text's QR modules (error correction M, as the app's QR images): `size` per side, `get(row, column)` dark. */
export const qrModules = (text: string): { size: number; get: (row: number, column: number) => number | boolean } =>
  QRCode.create(text, { errorCorrectionLevel: 'M' }).modules

const qrOf = qrModules

/** The picture's size for a text: the code with its quiet zone, square, and the caption band under it. */
export function posterLayout(text: string): PosterLayout {
  const modules = qrOf(text).size
  const width = (modules + 2 * QUIET) * MODULE
  return { width, height: width + CAPTION_BAND, modules }
}

/** Draws the code (black on white, with its quiet zone) and the caption centred under it. */
export function drawPoster(context: PosterContext, text: string, caption: string): PosterLayout {
  const qr = qrOf(text)
  const layout = posterLayout(text)
  context.fillStyle = '#ffffff'
  context.fillRect(0, 0, layout.width, layout.height)
  context.fillStyle = '#000000'
  for (let row = 0; row < qr.size; row += 1) {
    for (let column = 0; column < qr.size; column += 1) {
      if (qr.get(row, column)) context.fillRect((QUIET + column) * MODULE, (QUIET + row) * MODULE, MODULE, MODULE)
    }
  }
  context.font = CAPTION_FONT
  context.textAlign = 'center'
  context.textBaseline = 'middle'
  context.fillText(caption, layout.width / 2, layout.width + CAPTION_BAND / 2 - 2 * MODULE, layout.width - 32)
  return layout
}

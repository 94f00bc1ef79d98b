// A QR code for a text, drawn as an SVG image (qrcode's toString works without a canvas, in H5 and the weapp alike).
import { useEffect, useState } from 'react'
import { Image, View } from '@tarojs/components'
import QRCode from 'qrcode'
import { toBase64url, utf8Encode } from '@ysx/shared/encoding'
import './qr-code.scss'

/** Standard base64 (for a data: URL) from base64url. */
const base64 = (bytes: Uint8Array) => {
  const text = toBase64url(bytes).replace(/-/g, '+').replace(/_/g, '/')
  return text.padEnd(Math.ceil(text.length / 4) * 4, '=')
}

export function QrCode({ text, label }: { text: string; label: string }) {
  const [src, setSrc] = useState('')
  useEffect(() => {
    let current = true
    QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
      .then((svg) => {
        if (current) setSrc(`data:image/svg+xml;base64,${base64(utf8Encode(svg))}`)
      })
      .catch(() => {
        if (current) setSrc('')
      })
    return () => {
      current = false
    }
  }, [text])
  return (
    // One image to assistive technology, named by `label` (a short text, never the token); the <img> inside is hidden.
    <View className="ysx-qr" role="img" aria-label={label}>
      {src ? <Image className="ysx-qr__image" src={src} mode="aspectFit" aria-hidden /> : null}
    </View>
  )
}

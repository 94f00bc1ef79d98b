// The citizen's phone in tests: a P-256 device key, and the proof it signs over a credential every ≤ 60 s
// (`<credential>~<device JWS>`), as the mini-program does for 亮证 and 粤康码.
import { generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto'
import { presentationText, proofSigningInput } from '@ysx/shared/credential'

export interface Device {
  jwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string }
  privateKey: KeyObject
}

export function newDevice(): Device {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  return { jwk: publicKey.export({ format: 'jwk' }) as Device['jwk'], privateKey }
}

/** A fresh device proof over `credential`, in the shared format; `iat`, `jti` and the signing key can be forced to
 * forge or age it. */
export function present(
  device: Device,
  credential: string,
  opts: { iat?: number; jti?: string; key?: KeyObject } = {},
): string {
  const input = proofSigningInput(credential, {
    iat: opts.iat ?? Math.floor(Date.now() / 1000),
    jti: opts.jti ?? randomBytes(9).toString('base64url'),
  })
  const key = opts.key ?? device.privateKey
  return presentationText(
    credential,
    input,
    sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url'),
  )
}

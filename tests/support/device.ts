// The citizen's phone in tests: a P-256 device key, and the proof it signs over a credential every ≤ 60 s
// (`<credential>~<device JWS>`), as the mini-program does for 亮证 and 粤康码.
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto'
import { CODE_TYP } from '@ysx/shared'

export interface Device {
  jwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string }
  privateKey: KeyObject
}

export function newDevice(): Device {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  return { jwk: publicKey.export({ format: 'jwk' }) as Device['jwk'], privateKey }
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')

/** A fresh device proof over `credential`; `iat`, `jti` and the signing key can be forced to forge or age it. */
export function present(
  device: Device,
  credential: string,
  opts: { iat?: number; jti?: string; key?: KeyObject } = {},
): string {
  const proof = {
    i: opts.iat ?? Math.floor(Date.now() / 1000),
    j: opts.jti ?? randomBytes(9).toString('base64url'),
    h: createHash('sha256').update(credential).digest().subarray(0, 16).toString('base64url'),
  }
  const input = `${b64({ alg: 'ES256', typ: CODE_TYP.deviceProof })}.${b64(proof)}`
  const sig = sign('sha256', Buffer.from(input), {
    key: opts.key ?? device.privateKey,
    dsaEncoding: 'ieee-p1363',
  }).toString('base64url')
  return `${credential}~${input}.${sig}`
}

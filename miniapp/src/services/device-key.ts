// 亮证's device key (P-256, kept in the platform's storage) and the QR text it signs offline:
// `<credential>~<device proof>`, in the shared credential format.
import { p256 } from '@noble/curves/nist'
import {
  es256Sign,
  fromBase64url,
  presentationText,
  proofSigningInput,
  publicJwkOf,
  toBase64url,
} from '@ysx/shared/credential'
import { DEVICE_KEY_STORAGE, randomBytes, readDeviceKey, writeDeviceKey } from '../platform'

export { DEVICE_KEY_STORAGE }
const SEED_BYTES = 48

export interface DeviceKey {
  privateKey: Uint8Array
  publicJwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string }
}

/** This device's key, made (and stored) on first use. */
export async function deviceKey(): Promise<DeviceKey> {
  const stored = readDeviceKey()
  const privateKey = stored === null ? null : fromBase64url(stored)
  if (privateKey && p256.utils.isValidSecretKey(privateKey)) return { privateKey, publicJwk: publicJwkOf(privateKey) }
  const fresh = p256.utils.randomSecretKey(await randomBytes(SEED_BYTES))
  writeDeviceKey(toBase64url(fresh))
  return { privateKey: fresh, publicJwk: publicJwkOf(fresh) }
}

/** One QR's text: the credential and a proof signed by the device (time, one-use id, credential hash). */
export function presentation(
  credential: string,
  privateKey: Uint8Array,
  at: { iatSeconds: number; jti: string },
): string {
  const input = proofSigningInput(credential, { iat: at.iatSeconds, jti: at.jti })
  return presentationText(credential, input, es256Sign(input, privateKey))
}

/** A fresh QR text now: 9 random bytes as the one-use id. */
export async function freshPresentation(credential: string, privateKey: Uint8Array, nowMs: number): Promise<string> {
  return presentation(credential, privateKey, {
    iatSeconds: Math.floor(nowMs / 1000),
    jti: toBase64url(await randomBytes(9)),
  })
}

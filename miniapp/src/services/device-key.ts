// 亮证's device key (P-256, kept in Taro storage) and the QR text it signs offline: `<credential>~<device proof>`.
import Taro from '@tarojs/taro'
import { CODE_TYP } from '@ysx/shared'
import { p256 } from '@noble/curves/nist'
import { fromBase64url, jsonToBase64url, toBase64url, utf8Encode } from './encoding'
import { randomBytes } from './random'
import { sha256 } from '@noble/hashes/sha2'

export const DEVICE_KEY_STORAGE = 'ysx.wallet.deviceKey'
/** The JWS typ of the device's proof (key binding), for 亮证 and 粤康码 alike. */
export const DEVICE_PROOF_TYP = CODE_TYP.deviceProof
const SEED_BYTES = 48

export interface DeviceKey {
  privateKey: Uint8Array
  publicJwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string }
}

export function publicJwkOf(privateKey: Uint8Array): DeviceKey['publicJwk'] {
  const point = p256.getPublicKey(privateKey, false)
  return { kty: 'EC', crv: 'P-256', x: toBase64url(point.slice(1, 33)), y: toBase64url(point.slice(33, 65)) }
}

/** This device's key, made (and stored) on first use. */
export async function deviceKey(): Promise<DeviceKey> {
  const stored = Taro.getStorageSync<unknown>(DEVICE_KEY_STORAGE)
  const privateKey = typeof stored === 'string' ? fromBase64url(stored) : null
  if (privateKey && p256.utils.isValidSecretKey(privateKey)) return { privateKey, publicJwk: publicJwkOf(privateKey) }
  const fresh = p256.utils.randomSecretKey(await randomBytes(SEED_BYTES))
  Taro.setStorageSync(DEVICE_KEY_STORAGE, toBase64url(fresh))
  return { privateKey: fresh, publicJwk: publicJwkOf(fresh) }
}

/** ES256 over a JWS signing input: SHA-256, then the raw 64-byte r||s. */
export function es256(signingInput: string, privateKey: Uint8Array): string {
  return toBase64url(p256.sign(sha256(utf8Encode(signingInput)), privateKey).toBytes('compact'))
}

/** The 128-bit prefix of the credential's SHA-256 that binds a proof to it. */
export const credentialHash = (credential: string): string => toBase64url(sha256(utf8Encode(credential)).slice(0, 16))

/** One QR's text: the credential and a fresh proof signed by the device (time, one-use id, credential hash). */
export function presentation(
  credential: string,
  privateKey: Uint8Array,
  at: { iatSeconds: number; jti: string },
): string {
  const input = `${jsonToBase64url({ alg: 'ES256', typ: DEVICE_PROOF_TYP })}.${jsonToBase64url({ i: at.iatSeconds, j: at.jti, h: credentialHash(credential) })}`
  return `${credential}~${input}.${es256(input, privateKey)}`
}

/** A fresh QR text now: 9 random bytes as the one-use id. */
export async function freshPresentation(credential: string, privateKey: Uint8Array, nowMs: number): Promise<string> {
  return presentation(credential, privateKey, {
    iatSeconds: Math.floor(nowMs / 1000),
    jti: toBase64url(await randomBytes(9)),
  })
}

// Key service: the ES256 key ring for artifacts third parties verify offline. Keys rotate on a schedule; a retired
// key stays in the JWKS (and verifies) for an overlap, then drops out. Private keys are sealed at rest and loaded
// once as KeyObjects (signing with a PEM per call costs ~13× more, SETUP.md).
import { createHash, createPrivateKey, generateKeyPairSync, type KeyObject, sign as cryptoSign } from 'node:crypto'
import type { PublicJwk } from '@ysx/shared'
import type { SigningKeyRow, SigningKeysRepository } from './signing-keys-repository'
import type { FieldCipher } from '../platform/field-cipher'

export interface KeySettings {
  /** A current key older than this is replaced at the next `ensureCurrent` */
  rotationSeconds: number
  /** How long a retired key still verifies: longer than anything it signed may live */
  overlapSeconds: number
}

export interface Signature {
  kid: string
  alg: 'ES256'
  /** Raw r‖s (IEEE P1363), 64 bytes, as JWS and COSE expect */
  signature: Buffer
}

export interface KeyService {
  ensureCurrent(): Promise<void>
  /** Retires the current key now and makes a new one current; returns the new kid. */
  rotate(): Promise<string>
  sign(data: Uint8Array): Promise<Signature>
  /** Signs what `build` makes for the current key's kid (a JWS header names its kid before it is signed). */
  signFor(build: (kid: string) => Uint8Array): Promise<Signature & { input: Uint8Array }>
  jwks(): Promise<{ keys: PublicJwk[] }>
  /** The public key a code signed with `kid` is checked against, if it is current or within its overlap: [] else. */
  verificationKeys(kid: string | undefined): Promise<PublicJwk[]>
}

interface LoadedKey {
  row: SigningKeyRow
  jwk: PublicJwk
  privateKey?: KeyObject
}

const RELOAD_MS = 60_000
const UNKNOWN_KID_RELOAD_MS = 1000

/** A private key opens only in its own row of signing_keys. */
const sealedAt = (kid: string) => ({ table: 'signing_keys', column: 'private_key_sealed', row: kid })

/** RFC 7638 thumbprint of an EC public key, shortened: the kid. */
function thumbprint(x: string, y: string): string {
  return `es-${createHash('sha256')
    .update(JSON.stringify({ crv: 'P-256', kty: 'EC', x, y }))
    .digest('base64url')
    .slice(0, 16)}`
}

export function createKeyService(
  repo: SigningKeysRepository,
  cipher: FieldCipher,
  settings: KeySettings,
  now: () => Date = () => new Date(),
): KeyService {
  let ring: LoadedKey[] | undefined
  let loadedAt = 0
  /** The ring as last read, re-read once it is a minute old: another replica may have rotated. */
  const fresh = async () => (ring && now().getTime() - loadedAt < RELOAD_MS ? ring : load())

  async function load(): Promise<LoadedKey[]> {
    loadedAt = now().getTime()
    ring = (await repo.all()).map((row) => {
      const jwk = JSON.parse(row.publicJwk) as PublicJwk
      return { row, jwk }
    })
    return ring
  }
  const live = (k: LoadedKey, at: Date) => !k.row.expiresAt || k.row.expiresAt.getTime() > at.getTime()
  /**
   * The key with this kid if it still verifies. A kid we do not know may come from a rotation on another replica:
   * the ring is read again before saying no — at most once a second, so a flood of made-up kids (the verify routes
   * are public) costs no more reads than that.
   */
  async function liveKey(kid: string): Promise<LoadedKey | undefined> {
    const find = (keys: LoadedKey[]) => keys.find((k) => k.row.kid === kid)
    let key = find(await fresh())
    if (!key && now().getTime() - loadedAt >= UNKNOWN_KID_RELOAD_MS) key = find(await load())
    return key && live(key, now()) ? key : undefined
  }
  const current = (keys: LoadedKey[]) => keys.find((k) => !k.row.retiredAt)

  async function rotate(): Promise<string> {
    const at = now()
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const pub = publicKey.export({ format: 'jwk' })
    const kid = thumbprint(pub.x!, pub.y!)
    const jwk: PublicJwk = { kty: 'EC', crv: 'P-256', x: pub.x!, y: pub.y!, kid, alg: 'ES256', use: 'sig' }
    const sealed = cipher.encrypt(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), sealedAt(kid))
    await repo.rotate(
      {
        kid,
        alg: 'ES256',
        publicJwk: JSON.stringify(jwk),
        privateKeySealed: sealed,
        createdAt: at,
        retiredAt: null,
        expiresAt: null,
      },
      at,
      new Date(at.getTime() + settings.overlapSeconds * 1000),
    )
    await load()
    return kid
  }

  return {
    async ensureCurrent() {
      const key = current(await load())
      if (!key || now().getTime() - key.row.createdAt.getTime() >= settings.rotationSeconds * 1000) await rotate()
    },
    rotate,
    async sign(data) {
      const { input: _input, ...signature } = await this.signFor(() => data)
      return signature
    },
    async signFor(build) {
      let key = current(await fresh())
      if (!key) {
        await rotate()
        key = current(ring!)!
      }
      key.privateKey ??= createPrivateKey(cipher.decrypt(key.row.privateKeySealed, sealedAt(key.row.kid)))
      const input = build(key.row.kid)
      return {
        kid: key.row.kid,
        alg: 'ES256',
        input,
        signature: cryptoSign('sha256', input, { key: key.privateKey, dsaEncoding: 'ieee-p1363' }),
      }
    },
    async verificationKeys(kid) {
      const key = kid === undefined ? undefined : await liveKey(kid)
      return key ? [key.jwk] : []
    },
    async jwks() {
      const at = now()
      return { keys: (await fresh()).filter((k) => live(k, at)).map((k) => k.jwk) }
    },
  }
}

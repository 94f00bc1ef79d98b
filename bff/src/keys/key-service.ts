// Key service: the ES256 key ring for artifacts third parties verify offline. Keys rotate on a schedule, checked on
// every signature while the BFF runs; a retired key stays in the JWKS (and verifies) for an overlap, then drops out;
// a revoked key drops out at once. Private keys are sealed at rest with their own key (BFF_SIGNING_SEAL_KEY) and
// loaded once as KeyObjects (signing with a PEM per call costs ~13× more, SETUP.md).
import { createHash, createPrivateKey, generateKeyPairSync, type KeyObject, sign as cryptoSign } from 'node:crypto'
import type { PublicJwk } from '@ysx/shared'
import type { SigningKeyRow, SigningKeysRepository } from './signing-keys-repository'
import type { FieldCipher } from '../platform/field-cipher'

export interface KeySettings {
  /** A current key older than this is replaced at its next use (or `ensureCurrent`) */
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

/**
 * How old the in-memory ring may get before a use reads it again: a rotation on another replica, or an operator's
 * revocation (`pnpm --filter @ysx/bff run keys:revoke <kid>`), is seen within this.
 */
export const RING_REFRESH_MS = 5_000

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
  /**
   * The ring as last read, read again once it is RING_REFRESH_MS old — on that schedule only. A kid that is not in
   * it is a miss answered from memory (a negative answer, cached until the next scheduled read): a flood of made-up
   * kids at the public verify routes and the JWKS costs no database read at all.
   */
  const fresh = async () => (ring && now().getTime() - loadedAt < RING_REFRESH_MS ? ring : load())

  async function load(): Promise<LoadedKey[]> {
    loadedAt = now().getTime()
    const before = new Map((ring ?? []).map((k) => [k.row.kid, k]))
    ring = (await repo.all()).map((row) => {
      const jwk = JSON.parse(row.publicJwk) as PublicJwk
      // A private key already opened stays opened: re-reading the ring must not unseal every key again.
      return { row, jwk, privateKey: before.get(row.kid)?.privateKey }
    })
    return ring
  }
  /** Verifies now: not revoked, and current or within its overlap. */
  const live = (k: LoadedKey, at: Date) =>
    !k.row.revokedAt && (!k.row.expiresAt || k.row.expiresAt.getTime() > at.getTime())
  async function liveKey(kid: string): Promise<LoadedKey | undefined> {
    const key = (await fresh()).find((k) => k.row.kid === kid)
    return key && live(key, now()) ? key : undefined
  }
  const current = (keys: LoadedKey[]) => keys.find((k) => !k.row.retiredAt && !k.row.revokedAt)
  /** Due for rotation: none current (first start, or the current one was revoked), or the current one too old. */
  const due = (key: LoadedKey | undefined) =>
    !key || now().getTime() - key.row.createdAt.getTime() >= settings.rotationSeconds * 1000

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
        revokedAt: null,
      },
      at,
      new Date(at.getTime() + settings.overlapSeconds * 1000),
    )
    await load()
    const made = ring!.find((k) => k.row.kid === kid)
    if (made) made.privateKey = privateKey
    return kid
  }

  return {
    async ensureCurrent() {
      if (due(current(await load()))) await rotate()
    },
    rotate,
    async sign(data) {
      const { input: _input, ...signature } = await this.signFor(() => data)
      return signature
    },
    async signFor(build) {
      // The schedule is checked on every use, so a running BFF rotates on time without a restart.
      let key = current(await fresh())
      if (!key || due(key)) {
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
      // Checked on this use too: after a revocation or at its time, the successor is published before it signs.
      if (due(current(await fresh()))) await rotate()
      const at = now()
      return { keys: ring!.filter((k) => live(k, at)).map((k) => k.jwk) }
    },
  }
}

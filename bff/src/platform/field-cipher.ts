// Seals fields at rest with AES-256-GCM (node:crypto), and keys a hash for lookups without decrypting.
//
// Every sealed value names the key version that sealed it and is bound, as GCM associated data, to where it is
// stored: table, column and row. A value copied to another row or column (a DB writer moving a citizen's sealed ID
// number onto their own account) fails authentication instead of opening as someone else's.
//
//   v2.k<version>.<iv>.<ciphertext>.<tag>      (base64url parts; AAD = JSON [format, version, table, column, row])
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'

const FORMAT = 'v2'

/** Where a sealed value lives: it opens only there. */
export interface SealedAt {
  table: string
  column: string
  /** The row's stable identity (its id, or another unique column that never changes) */
  row: string
}

export interface FieldCipher {
  encrypt(plain: string, at: SealedAt): string
  /** Opens a value sealed for exactly this place; throws for any other place, a tampered value or an unknown key. */
  decrypt(sealed: string, at: SealedAt): string
  /** Deterministic keyed hash (HMAC-SHA-256) for equality lookups. */
  lookupHash(plain: string): string
}

export interface FieldKeys {
  /** The key new values are sealed with, and its version */
  current: { version: number; key: string }
  /** Earlier keys by version: they still open what they sealed, and seal nothing */
  retired?: Record<number, string>
}

/** HKDF-derived, purpose-separated keys: `purpose` keeps one cipher's values unopenable by another's. */
export function createFieldCipher(keys: FieldKeys | string, purpose = 'ysx-field-cipher'): FieldCipher {
  const ring = typeof keys === 'string' ? { current: { version: 1, key: keys } } : keys
  const encKeys = new Map<number, Buffer>()
  const derive = (secret: string, info: string) => Buffer.from(hkdfSync('sha256', secret, purpose, info, 32))
  for (const [version, key] of Object.entries(ring.retired ?? {})) encKeys.set(Number(version), derive(key, 'aes'))
  encKeys.set(ring.current.version, derive(ring.current.key, 'aes'))
  const macKey = derive(ring.current.key, 'lookup-hmac')
  const aad = (version: number, at: SealedAt) =>
    Buffer.from(JSON.stringify([FORMAT, version, at.table, at.column, at.row]), 'utf8')

  return {
    encrypt(plain, at) {
      const { version } = ring.current
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', encKeys.get(version)!, iv)
      cipher.setAAD(aad(version, at))
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      const parts = [iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url'))
      return [FORMAT, `k${version}`, ...parts].join('.')
    },
    decrypt(sealed, at) {
      const [format, kv, iv, body, tag, extra] = sealed.split('.')
      const version = Number(kv?.slice(1))
      const key = encKeys.get(version)
      if (format !== FORMAT || !kv?.startsWith('k') || !key || !iv || body === undefined || !tag || extra !== undefined)
        throw new Error('unrecognised sealed field')
      // A full 16-byte tag only: GCM would otherwise accept a truncated one.
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: 16 })
      decipher.setAAD(aad(version, at))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
    },
    lookupHash(plain) {
      return createHmac('sha256', macKey).update(plain).digest('base64url')
    },
  }
}

// Encrypts personal fields at rest with AES-256-GCM (node:crypto), and keys a hash for lookups without decrypting.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'

const VERSION = 'v1'

export interface FieldCipher {
  encrypt(plain: string): string
  decrypt(sealed: string): string
  /** Deterministic keyed hash (HMAC-SHA-256) for equality lookups. */
  lookupHash(plain: string): string
}

/** Derives separate encryption and lookup keys from one data key with HKDF. */
export function createFieldCipher(dataKey: string): FieldCipher {
  const encKey = Buffer.from(hkdfSync('sha256', dataKey, 'ysx-field-cipher', 'aes-256-gcm', 32))
  const macKey = Buffer.from(hkdfSync('sha256', dataKey, 'ysx-field-cipher', 'lookup-hmac', 32))
  return {
    encrypt(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', encKey, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return [
        VERSION,
        iv.toString('base64url'),
        body.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
      ].join('.')
    },
    decrypt(sealed) {
      const [version, iv, body, tag] = sealed.split('.')
      if (version !== VERSION || !iv || !body || !tag) throw new Error('unrecognised sealed field')
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
    },
    lookupHash(plain) {
      return createHmac('sha256', macKey).update(plain).digest('base64url')
    },
  }
}

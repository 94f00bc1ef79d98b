// ES256 verification by node:crypto for the shared credential checks (several times faster than pure JavaScript),
// keeping the KeyObjects of recently seen keys: the issuer's few, and devices that show a code again.
import { createPublicKey, type KeyObject, verify } from 'node:crypto'
import type { Es256Verify } from '@ysx/shared/credential'
import { LRUCache } from 'lru-cache'

const keyObjects = new LRUCache<string, KeyObject>({ max: 10_000 })

export const nodeEs256Verify: Es256Verify = (jwk, signingInput, signature) => {
  if (signature.length !== 64) return false
  try {
    const id = `${jwk.x}.${jwk.y}`
    let key = keyObjects.get(id)
    if (!key) {
      key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, format: 'jwk' })
      keyObjects.set(id, key)
    }
    return verify('sha256', Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' }, signature)
  } catch {
    return false
  }
}

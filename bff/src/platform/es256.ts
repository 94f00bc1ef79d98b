// ES256 verification by node:crypto for the shared credential checks (several times faster than pure JavaScript),
// keeping the KeyObjects of recently seen keys: the issuer's few, and devices that show a code again.
import { createPublicKey, type KeyObject, verify } from 'node:crypto'
import { type Es256Verify, fromBase64url } from '@ysx/shared/credential'
import { LRUCache } from 'lru-cache'

const keyObjects = new LRUCache<string, KeyObject>({ max: 10_000 })

export const nodeEs256Verify: Es256Verify = (jwk, signingInput, signature) => {
  // Each coordinate exactly 32 bytes of canonical base64url (RFC 7518 §6.2.1.2), as the mini-program's verifier
  // requires: OpenSSL alone would also take a y with a leading zero byte.
  if (signature.length !== 64 || fromBase64url(jwk.x)?.length !== 32 || fromBase64url(jwk.y)?.length !== 32)
    return false
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

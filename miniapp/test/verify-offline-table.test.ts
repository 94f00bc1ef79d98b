// The mini-program's offline 核验 (services/verify-offline.ts) over the shared table of boundary and malformed codes
// (shared/test/credential/cases.ts), run through both ES256 implementations (the mini-program's @noble/curves
// default and the BFF's node:crypto) and both checks (verifyPresentation, verifyHealthCode): from the cached JWKS,
// each row gives the shared checks' exact outcome, and only a code under a kid the cache lacks asks the network —
// once.
import type { IssuerKey } from '@ysx/shared/credential'
import { ES256, KEYS, KIND_ROWS, KINDS } from '../../shared/test/credential/cases'
import { type CodeCheck, JWKS_STORAGE, verifyWithCachedKeys } from '../src/services/verify-offline'
import { replyWith, requestMock, storage } from './taro-mock'
import { NOW, resetTaroMock } from './verifier-fixtures'

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: jest.requireActual<typeof import('./taro-mock')>('./taro-mock').taro,
}))

beforeEach(resetTaroMock)

/** The JWKS as the platform serves it (and the verifier caches it). */
const jwksOf = (keys: readonly IssuerKey[]) => ({
  keys: keys.map((k) => ({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', ...k })),
})

describe.each(ES256)('offline 核验 with ES256 by %s', (_name, es256) => {
  describe.each(KINDS.map((kind) => [kind.name, kind] as const))('%s', (_kindName, kind) => {
    const check: CodeCheck<unknown> = (text, o) => kind.verify(text, { ...o, es256 })

    test.each(KIND_ROWS.get(kind)!.map((row) => [row.proves, row] as const))('%s', async (_proves, row) => {
      const keys = row.keys ?? KEYS
      storage.set(JWKS_STORAGE, jwksOf(keys))
      // Were the network asked, it would answer with the same keys: an unknown kid stays unknown after one request.
      replyWith(200, jwksOf(keys))
      const result = await verifyWithCachedKeys(row.text, check, row.nowMs ?? NOW)
      const seen = result.ok ? { ok: true, credentialId: result.credentialId } : result
      expect(seen).toEqual(row.outcome)
      const unknownKid = !row.outcome.ok && row.outcome.reason === 'unknown kid'
      expect(requestMock).toHaveBeenCalledTimes(unknownKid ? 1 : 0)
    })
  })
})

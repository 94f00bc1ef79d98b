// 卫健's signed callbacks: a new test result for a person. The signature (callback-signature.ts) and its freshness
// are checked, the nonce is used once (a replayed message is refused), the result id once (a retried notice is
// acknowledged and not applied again), and every health code held for that person — their own, and on any carer's
// family list — is marked stale at once, so the next display or verification evaluates it again with 卫健's
// tests as of now. The notice carries no result: it can cause a re-evaluation, never a colour.
import { createPublicKey, type KeyObject } from 'node:crypto'
import type { TestResultNotice } from '@ysx/shared'
import type { AuditContext, AuditService } from '../audit'
import type { ProfileService } from '../identity'
import { AppError } from '../platform/app-error'
import type { WeijianClient } from '../platform/departments'
import type { FieldCipher } from '../platform/field-cipher'
import { checkCallbackSignature, type SignedRequest } from './callback-signature'
import type { HealthCodeRepository } from './health-code-repository'

/** A callback signed longer ago than this is refused (its nonce is kept at least as long: see the one-use ids). */
export const CALLBACK_MAX_AGE_SECONDS = 60
/** An unknown key id makes us ask 卫健 for its keys again at most this often. */
const KEY_REFRESH_MS = 60_000

export interface CallbackService {
  /** Applies a signed notice; 'duplicate' when its result was applied before. Throws CALLBACK_REFUSED / _REPLAYED. */
  testResult(req: SignedRequest, notice: TestResultNotice, ctx: AuditContext): Promise<'applied' | 'duplicate'>
}

export function createCallbackService(d: {
  repo: HealthCodeRepository
  profiles: ProfileService
  cipher: FieldCipher
  weijian: WeijianClient
  audit: AuditService
  now: () => Date
}): CallbackService {
  // 卫健's keys, asked of 卫健 itself (over its configured address) the first time they are needed, and again when a
  // callback names a key we do not know — at most once a minute, so a stream of bogus key ids costs 卫健 nothing.
  const keys = new Map<string, KeyObject>()
  let fetchedAt = Number.NEGATIVE_INFINITY
  async function key(keyid: string): Promise<KeyObject | undefined> {
    const known = keys.get(keyid)
    if (known || d.now().getTime() - fetchedAt < KEY_REFRESH_MS) return known
    fetchedAt = d.now().getTime()
    try {
      for (const k of (await d.weijian.callbackKeys()).keys)
        keys.set(k.kid, createPublicKey({ key: { kty: k.kty, crv: k.crv, x: k.x, y: k.y }, format: 'jwk' }))
    } catch {
      return undefined
    }
    return keys.get(keyid)
  }

  const refuse = async (why: string, ctx: AuditContext): Promise<never> => {
    await d.audit.record({ userId: null, action: 'health_code.callback', outcome: 'failure', reason: why }, ctx)
    throw new AppError(why === 'replayed' ? 'CALLBACK_REPLAYED' : 'CALLBACK_REFUSED', why)
  }

  return {
    async testResult(req, notice, ctx) {
      const at = d.now()
      const check = await checkCallbackSignature(req, { key, now: at, maxAgeSeconds: CALLBACK_MAX_AGE_SECONDS })
      if (!check.ok) return refuse(check.reason, ctx)
      if (!(await d.repo.firstUse(`cb-nonce:${check.keyid}:${check.nonce}`, at))) return refuse('replayed', ctx)
      const resultId = `cb-result:${notice.resultId}`
      if (!(await d.repo.firstUse(resultId, at))) return 'duplicate'
      const userId = await d.profiles.userIdByIdNumber(notice.idNumber)
      try {
        const members = await d.repo.activeMembersByIdNumberHash(d.cipher.lookupHash(notice.idNumber))
        const holders = [...(userId ? [`u:${userId}`] : []), ...members.map((m) => `f:${m.id}`)]
        for (const holder of holders) await d.repo.markStale(holder)
      } catch (err) {
        // Not applied: 卫健 will send it again.
        await d.repo.releaseUse(resultId)
        throw err
      }
      await d.audit.record(
        { userId: userId ?? null, action: 'health_code.callback', outcome: 'success', reason: 'test result' },
        ctx,
      )
      return 'applied'
    },
  }
}

// Retention: every table grows only as far as its period says. A scheduled job (app.ts starts it every
// BFF_RETENTION_INTERVAL_MS) deletes what is past its period; `purge(now)` is the same job, callable with any clock.
//
// | record                                    | kept until                                                      |
// |-------------------------------------------|-----------------------------------------------------------------|
// | login sessions and their refresh tokens   | the session ends: logout, reuse revocation, 7 days idle, 30 days |
// | face-verification challenges (代亲友 too)   | they expire (2 minutes after issue)                              |
// | presentation verifications (one use, 核验记录) | 30 days after the verification                              |
// | 亮证 credentials                           | 30 days after they expire (24 h after issue)                     |
// | 粤康码 entrance one-use records             | 10 minutes (a QR proof is accepted up to 65 s old)               |
// | 粤康码 check-ins                            | 14 days (the risk-venue rule's window)                           |
// | 健康/行程 declarations                      | 15 days after the declared fact (the rules' window and a day)    |
// | 我的数据使用记录, audit trail, family lists, venues, feedback | the account's life; the audit ≥ 6 months (not purged here) |
import type { HealthCodePersonalData } from '../health-code'
import { HEALTH_CODE_RETENTION } from '../health-code'
import type { IdentityPersonalData } from '../identity'
import type { PresentationPersonalData } from '../presentation'

const DAY_MS = 86_400_000

/** The periods this job enforces, in milliseconds after the moment each record's clock starts. */
export const RETENTION = {
  presentationVerificationMs: 30 * DAY_MS,
  expiredCredentialMs: 30 * DAY_MS,
  ...HEALTH_CODE_RETENTION,
} as const

export interface PurgeCounts {
  sessions: number
  faceChallenges: number
  presentations: number
  credentials: number
  checkIns: number
  declarations: number
  oneUse: number
  familyChallenges: number
}

export interface Retention {
  /** Deletes everything past its period as of `now`; how many rows of each kind went. */
  purge(now: Date): Promise<PurgeCounts>
}

export function createRetention(d: {
  identity: Pick<IdentityPersonalData, 'purge'>
  presentations: Pick<PresentationPersonalData, 'purge'>
  healthCode: Pick<HealthCodePersonalData, 'purge'>
}): Retention {
  return {
    async purge(now) {
      const t = now.getTime()
      const identity = await d.identity.purge(now)
      const wallet = await d.presentations.purge(
        new Date(t - RETENTION.presentationVerificationMs),
        new Date(t - RETENTION.expiredCredentialMs),
      )
      const health = await d.healthCode.purge(now)
      return { ...identity, ...wallet, ...health }
    },
  }
}

/** Runs the purge every `intervalMs` (0: never) with the service clock; stop() ends it. Failures are logged. */
export function scheduleRetention(
  retention: Retention,
  intervalMs: number,
  now: () => Date,
  onError: (err: unknown) => void,
): { stop(): void } {
  if (intervalMs <= 0) return { stop() {} }
  const timer = setInterval(() => {
    retention.purge(now()).catch(onError)
  }, intervalMs)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}

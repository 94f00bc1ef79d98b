// 粤康码: the colour rules (versioned data), each holder's status and its device-bound credential, declarations,
// venue codes and check-ins, family members (代亲友), appeals to 卫健, the 粤澳 transfer and the entrance
// verification. Public entry: what app.ts builds and registers, and the services the dashboard reads.
import type { AuditService } from '../audit'
import type { DataUseService } from '../data-use'
import type { AccessClaims, ProfileService } from '../identity'
import type { AuditContext } from '../audit'
import type { KeyService } from '../keys'
import type { GonganClient, ShichangClient, WeijianClient } from '../platform/departments'
import type { FieldCipher } from '../platform/field-cipher'
import { type ActivityService, createActivityService } from './activity-service'
import { type AppealsService, createAppealsService } from './appeals-service'
import { type CallbackService, createCallbackService } from './callbacks-service'
import type { HealthCodeRepository } from './health-code-repository'
import { createHolderService, type Holder, type HolderService } from './holders-service'
import { createHealthCodePersonalData, type HealthCodePersonalData } from './personal-data'
import { loadRuleSets } from './rules'
import { createHealthStatusService, type HealthStatusService } from './status-service'
import { createTransferService, type TransferService } from './transfer-service'

export interface HealthCode {
  holders: HolderService
  status: HealthStatusService
  activity: ActivityService
  appeals: AppealsService
  transfers: TransferService
  /**
   * The fresh step-up adding a member and the 粤澳 transfer need (403 STEP_UP_REQUIRED): identity's check, called
   * here only, with the signed-in session's claims.
   */
  stepUp(auth: AccessClaims, ctx: AuditContext): Promise<void>
  /** PIPL: the citizen's health-code records for their copy and for 注销, and the retention purge */
  personalData: HealthCodePersonalData
  /** The departments' signed callbacks (卫健's new test results) */
  callbacks: CallbackService
}

export function createHealthCode(d: {
  repo: HealthCodeRepository
  dataUse: DataUseService
  weijian: WeijianClient
  /** 公安's face check, for a family member's consent on the adder's phone */
  gongan: GonganClient
  /** 市场监管: who represents a business (venue codes) */
  businesses: ShichangClient
  profiles: ProfileService
  keys: KeyService
  audit: AuditService
  cipher: FieldCipher
  /** The rule set in force: a file under bff/rules/health-code/ */
  rulesVersion: string
  now: () => Date
}): HealthCode {
  const rules = loadRuleSets().get(d.rulesVersion)
  if (!rules) throw new Error(`no 粤康码 rule set ${d.rulesVersion} under bff/rules/health-code`)
  const { repo, keys, audit, cipher, profiles, now } = d
  const readers = d.dataUse.readers
  const appeals = createAppealsService({ repo, readers, weijian: d.weijian, dataUse: d.dataUse, now })
  const holders = createHolderService({
    repo,
    profiles,
    readers,
    dataUse: d.dataUse,
    gongan: d.gongan,
    cipher,
    audit,
    now,
  })
  /** The holder a status row is filed under: `u:<userId>`, or `f:<memberId>` while that member is on a list. */
  const holderOf = async (key: string): Promise<Holder | undefined> => {
    const owner = key.startsWith('u:') ? key.slice(2) : (await repo.activeMember(key.slice(2)))?.ownerId
    if (!owner) return undefined
    return holders.resolve(owner, key.startsWith('u:') ? 'self' : key.slice(2)).catch(() => undefined)
  }
  const status = createHealthStatusService({ repo, readers, appeals, keys, rules, audit, holderOf, now })
  return {
    holders,
    status,
    activity: createActivityService({
      repo,
      status,
      profiles,
      cipher,
      dataUse: d.dataUse,
      businesses: d.businesses,
      now,
    }),
    appeals,
    transfers: createTransferService({ status, keys, audit, now }),
    stepUp: (auth, ctx) => profiles.requireRecentFace(auth.sub, ctx),
    personalData: createHealthCodePersonalData(repo),
    callbacks: createCallbackService({ repo, profiles, cipher, weijian: d.weijian, audit, now }),
  }
}

export type { Holder, HolderService } from './holders-service'
export type { HealthStatusService } from './status-service'
export { type HealthCodeCopy, type HealthCodePersonalData, HEALTH_CODE_RETENTION } from './personal-data'
export { default } from './routes'

// 粤康码: the colour rules (versioned data), each holder's status and its device-bound credential, declarations,
// venue codes and check-ins, family members (代亲友), appeals to 卫健, the 粤澳 transfer and the entrance
// verification. Public entry: what app.ts builds and registers, and the services the dashboard reads.
import type { AuditService } from '../audit'
import type { DataUseService } from '../data-use'
import type { ProfileService } from '../identity'
import type { KeyService } from '../keys'
import type { WeijianClient } from '../platform/departments'
import type { FieldCipher } from '../platform/field-cipher'
import { type ActivityService, createActivityService } from './activity-service'
import { type AppealsService, createAppealsService } from './appeals-service'
import { type CallbackService, createCallbackService } from './callbacks-service'
import type { HealthCodeRepository } from './health-code-repository'
import { createHolderService, type Holder, type HolderService } from './holders-service'
import { loadRuleSets } from './rules'
import { createHealthStatusService, type HealthStatusService } from './status-service'
import { createTransferService, type TransferService } from './transfer-service'

export interface HealthCode {
  holders: HolderService
  status: HealthStatusService
  activity: ActivityService
  appeals: AppealsService
  transfers: TransferService
  /** The departments' signed callbacks (卫健's new test results) */
  callbacks: CallbackService
}

export function createHealthCode(d: {
  repo: HealthCodeRepository
  dataUse: DataUseService
  weijian: WeijianClient
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
  const holders = createHolderService({ repo, profiles, readers, cipher, audit, now })
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
    activity: createActivityService({ repo, status, profiles, cipher, now }),
    appeals,
    transfers: createTransferService({ status, keys, audit, now }),
    callbacks: createCallbackService({ repo, profiles, cipher, weijian: d.weijian, audit, now }),
  }
}

export type { Holder, HolderService } from './holders-service'
export type { HealthStatusService } from './status-service'
export { default } from './routes'

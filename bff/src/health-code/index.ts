// 粤康码: the colour rules (versioned data), each holder's status and its device-bound credential, declarations,
// venue codes and check-ins, family members (代亲友), appeals to 卫健, the 粤澳 transfer and the entrance
// verification. Public entry: what app.ts builds and registers, and the services the dashboard reads.
import type { AuditService } from '../audit'
import type { DataUseService } from '../data-use'
import type { ProfileService } from '../identity'
import type { KeyService } from '../keys'
import type { ShichangClient, WeijianClient } from '../platform/departments'
import type { FieldCipher } from '../platform/field-cipher'
import { type ActivityService, createActivityService } from './activity-service'
import { type AppealsService, createAppealsService } from './appeals-service'
import type { HealthCodeRepository } from './health-code-repository'
import { createHolderService, type HolderService } from './holders-service'
import { loadRuleSets } from './rules'
import { createHealthStatusService, type HealthStatusService } from './status-service'
import { createTransferService, type TransferService } from './transfer-service'

export interface HealthCode {
  holders: HolderService
  status: HealthStatusService
  activity: ActivityService
  appeals: AppealsService
  transfers: TransferService
}

export function createHealthCode(d: {
  repo: HealthCodeRepository
  dataUse: DataUseService
  weijian: WeijianClient
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
  const status = createHealthStatusService({ repo, readers, appeals, keys, rules, now })
  return {
    holders: createHolderService({ repo, profiles, readers, cipher, audit, now }),
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
  }
}

export type { Holder, HolderService } from './holders-service'
export type { HealthStatusService } from './status-service'
export { default } from './routes'

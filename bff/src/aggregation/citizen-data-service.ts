// Citizen data: the signed-in citizen's own records from the departments, each read with its purpose on record.
import {
  type DataAccessRecord,
  gongjijinContracts,
  jiaoguanContracts,
  rensheContracts,
  yibaoContracts,
  type z,
  type ContributionsViewSchema,
  type HousingFundViewSchema,
  type MedicalInsuranceViewSchema,
  type PensionViewSchema,
  type ViolationsViewSchema,
} from '@ysx/shared'
import type { DataAccessRepository } from '../data-use/data-use-repository'
import type { DepartmentReaders } from '../platform/departments/readers'
import type { ProfileService } from '../identity/profile-service'

const SELF = '（本人查询）'

export interface CitizenDataService {
  medicalInsurance(userId: string): Promise<z.output<typeof MedicalInsuranceViewSchema>>
  contributions(userId: string): Promise<z.output<typeof ContributionsViewSchema>>
  pension(userId: string): Promise<z.output<typeof PensionViewSchema>>
  housingFund(userId: string): Promise<z.output<typeof HousingFundViewSchema>>
  violations(userId: string): Promise<z.output<typeof ViolationsViewSchema>>
  dataAccess(
    userId: string,
    limit: number,
    before?: string,
  ): Promise<{ records: DataAccessRecord[]; nextBefore: string | null }>
}

export function createCitizenDataService(
  readers: DepartmentReaders,
  profiles: ProfileService,
  log: DataAccessRepository,
): CitizenDataService {
  return {
    async medicalInsurance(userId) {
      const s = await profiles.subject(userId)
      const why = { purpose: `查看医保余额与结算记录${SELF}` }
      const [account, spending] = await Promise.all([
        readers.yibao.read(yibaoContracts.account, s, why),
        readers.yibao.read(yibaoContracts.spending, s, why),
      ])
      return { account: account ?? null, spending: spending?.records ?? [] }
    },
    async contributions(userId) {
      return (
        (await readers.renshe.read(rensheContracts.contributions, await profiles.subject(userId), {
          purpose: `查看社保缴费记录${SELF}`,
        })) ?? null
      )
    },
    async pension(userId) {
      return (
        (await readers.renshe.read(rensheContracts.pension, await profiles.subject(userId), {
          purpose: `查看养老金发放记录${SELF}`,
        })) ?? null
      )
    },
    async housingFund(userId) {
      const s = await profiles.subject(userId)
      const why = { purpose: `查看公积金余额与明细${SELF}` }
      const [account, statement] = await Promise.all([
        readers.gongjijin.read(gongjijinContracts.account, s, why),
        readers.gongjijin.read(gongjijinContracts.statement, s, why),
      ])
      return { account: account?.account ?? null, statement: statement?.statement ?? null }
    },
    async violations(userId) {
      return (
        (await readers.jiaoguan.read(jiaoguanContracts.violations, await profiles.subject(userId), {
          purpose: `查看交通违法记录${SELF}`,
        })) ?? null
      )
    },
    async dataAccess(userId, limit, before) {
      const rows = await log.list(userId, limit + 1, before ? new Date(before) : undefined)
      const page = rows.slice(0, limit)
      return {
        records: page.map((r) => ({ ...r, at: r.at.toISOString() })).map(({ userId: _u, ...r }) => r),
        nextBefore: rows.length > limit ? page[page.length - 1]!.at.toISOString() : null,
      }
    },
  }
}

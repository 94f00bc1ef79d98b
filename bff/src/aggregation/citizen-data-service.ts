// Citizen data: the signed-in citizen's own records from the departments, each read with its purpose on record.
import type { z } from '@ysx/shared/z'
import {
  gongjijinContracts,
  jiaoguanContracts,
  maskAs,
  rensheContracts,
  yibaoContracts,
  type ContributionsViewSchema,
  type HousingFundViewSchema,
  type MedicalInsuranceViewSchema,
  type PensionViewSchema,
  type ViolationsViewSchema,
} from '@ysx/shared'
import type { DepartmentReaders } from '../data-use'
import type { ProfileService } from '../identity'

const SELF = '（本人查询）'

export interface CitizenDataService {
  medicalInsurance(userId: string): Promise<z.output<typeof MedicalInsuranceViewSchema>>
  contributions(userId: string): Promise<z.output<typeof ContributionsViewSchema>>
  pension(userId: string): Promise<z.output<typeof PensionViewSchema>>
  housingFund(userId: string): Promise<z.output<typeof HousingFundViewSchema>>
  violations(userId: string): Promise<z.output<typeof ViolationsViewSchema>>
}

export function createCitizenDataService(readers: DepartmentReaders, profiles: ProfileService): CitizenDataService {
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
      // The account number by the cardNumber rule, as the wallet's 缴存证明 shows it: never in full beside a masked copy.
      const a = account?.account
      return {
        account: a ? { ...a, accountNumber: maskAs('cardNumber', a.accountNumber) } : null,
        statement: statement?.statement ?? null,
      }
    },
    async violations(userId) {
      const v = await readers.jiaoguan.read(jiaoguanContracts.violations, await profiles.subject(userId), {
        purpose: `查看交通违法记录${SELF}`,
      })
      if (!v) return null
      // Plates by the plate rule, as the wallet's 行驶证 shows them.
      return {
        ...v,
        violations: v.violations.map((x) => ({ ...x, plateNumber: x.plateNumber && maskAs('plate', x.plateNumber) })),
      }
    },
  }
}

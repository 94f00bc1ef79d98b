// The citizen's own department records (医保, 社保, 养老金, 公积金, 交通违法) and 我的数据使用记录: one function per route.
import { queryContracts } from '@ysx/shared'
import { request, type ResponseOf } from './client'

export type MedicalInsuranceView = ResponseOf<typeof queryContracts.medicalInsurance>
export type ContributionsView = ResponseOf<typeof queryContracts.contributions>
export type PensionView = ResponseOf<typeof queryContracts.pension>
export type HousingFundView = ResponseOf<typeof queryContracts.housingFund>
export type ViolationsView = ResponseOf<typeof queryContracts.violations>
export type DataAccessPage = ResponseOf<typeof queryContracts.dataAccess>

export function medicalInsurance(): Promise<MedicalInsuranceView> {
  return request(queryContracts.medicalInsurance)
}

export function contributions(): Promise<ContributionsView> {
  return request(queryContracts.contributions)
}

export function pension(): Promise<PensionView> {
  return request(queryContracts.pension)
}

export function housingFund(): Promise<HousingFundView> {
  return request(queryContracts.housingFund)
}

export function violations(): Promise<ViolationsView> {
  return request(queryContracts.violations)
}

/** One page of 我的数据使用记录, newest first; pass the previous page's nextBefore for the next. */
export function dataAccess(page: { limit?: number; before?: string } = {}): Promise<DataAccessPage> {
  return request(queryContracts.dataAccess, { query: page })
}

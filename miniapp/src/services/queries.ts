// The citizen's own department records (医保, 社保, 养老金, 公积金, 交通违法) and 我的数据使用记录: one function per route.
import { queryContracts } from '@ysx/shared'
import { request, type ResponseOf } from './client'

type Q = typeof queryContracts

export type MedicalInsuranceView = ResponseOf<Q['medicalInsurance']>
export type HousingFundView = ResponseOf<Q['housingFund']>
export type DataAccessPage = ResponseOf<Q['dataAccess']>

export const medicalInsurance = () => request(queryContracts.medicalInsurance)
export const contributions = () => request(queryContracts.contributions)
export const pension = () => request(queryContracts.pension)
export const housingFund = () => request(queryContracts.housingFund)
export const violations = () => request(queryContracts.violations)

/** One page of 我的数据使用记录, newest first; pass the previous page's nextBefore for the next. */
export function dataAccess(page: { limit?: number; before?: string } = {}): Promise<DataAccessPage> {
  return request(queryContracts.dataAccess, { query: page })
}

// The citizen's own department records (医保, 社保, 养老金, 公积金, 交通违法), each loaded through useQuery.
import {
  contributions,
  housingFund,
  type HousingFundView,
  medicalInsurance,
  type MedicalInsuranceView,
  pension,
  violations,
} from '../services/queries'
import { useQuery } from './use-query'

const noMedicalInsurance = (v: MedicalInsuranceView) => v.account === null && v.spending.length === 0
const noHousingFund = (v: HousingFundView) => v.account === null

export const useMedicalInsurance = () => useQuery(medicalInsurance, { isEmpty: noMedicalInsurance })
export const useContributions = () => useQuery(contributions)
export const usePension = () => useQuery(pension)
export const useHousingFund = () => useQuery(housingFund, { isEmpty: noHousingFund })
export const useViolations = () => useQuery(violations)

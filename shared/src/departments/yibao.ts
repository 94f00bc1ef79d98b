// 医保 (medical insurance) department contract: enrolment and personal-account balance, and spending records.
import { defineContracts } from '../contract'
import { z } from '../z'
import { isoDate, yuan } from './certificate'
import { lookupContract } from './common'

export const MedicalAccountSchema = z.object({
  scheme: z.enum(['职工基本医疗保险', '城乡居民基本医疗保险']).describe('参保险种'),
  insuredPlace: z.string().min(1).describe('参保地（地级市）'),
  status: z.enum(['参保缴费', '暂停缴费']).describe('参保状态'),
  enrolledOn: isoDate('首次参保日期'),
  balance: yuan('个人账户余额'),
})

export const MedicalSpendingSchema = z.object({
  date: isoDate('结算日期'),
  institution: z.string().min(1).describe('定点医疗机构或药店'),
  category: z.enum(['门诊', '住院', '药店购药', '门诊慢特病']).describe('就医类别'),
  total: yuan('医疗费用总额'),
  fundPaid: yuan('统筹基金支付'),
  accountPaid: yuan('个人账户支付'),
  selfPaid: yuan('个人现金支付'),
})

export const MedicalSpendingListSchema = z.object({
  records: z.array(MedicalSpendingSchema).describe('最近 12 个月的结算记录，新在前'),
})

export const yibaoContracts = defineContracts({
  account: lookupContract(
    '查询医保参保信息与个人账户余额',
    'medical-insurance',
    '/v1/medical-insurance/account',
    MedicalAccountSchema,
  ),
  spending: lookupContract(
    '查询最近 12 个月的医保结算记录',
    'medical-insurance',
    '/v1/medical-insurance/spending',
    MedicalSpendingListSchema,
  ),
})

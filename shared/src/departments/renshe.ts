// 人社 (human resources and social security) department contract: 社会保障卡, contribution history, pensions.
import { defineContracts } from '../contract'
import { IdNumberSchema } from '../domain/id-number'
import { z } from '../z'
import { certificateBase, certificateUnion, certificatesContract, isoDate, isoMonth, yuan } from './certificate'
import { lookupContract } from './common'

export const SocialSecurityCardSchema = certificateBase('social_security_card').extend({
  cardNumber: z
    .string()
    .regex(/^[A-Z]\d{8}$/)
    .describe('社会保障卡卡号'),
  socialSecurityNumber: IdNumberSchema.describe('社会保障号码（即公民身份号码）'),
  bank: z.string().min(1).describe('金融账户开户银行'),
  generation: z.enum(['第二代', '第三代']).describe('卡片代际'),
})

export const RensheCertificateSchema = certificateUnion([SocialSecurityCardSchema], '人社签发的证照')

export const InsuranceItemSchema = z.object({
  insurance: z.enum(['养老保险', '医疗保险', '失业保险', '工伤保险']).describe('险种'),
  employerAmount: yuan('单位缴纳'),
  personalAmount: yuan('个人缴纳'),
})

export const ContributionMonthSchema = z.object({
  month: isoMonth('费款所属期'),
  employer: z.string().min(1).describe('参保单位'),
  base: yuan('缴费基数'),
  status: z.enum(['paid', 'arrears']).describe('paid 已到账，arrears 欠缴'),
  items: z.array(InsuranceItemSchema).describe('各险种应缴金额'),
  total: yuan('当月合计（单位+个人）'),
})

export const ContributionsSchema = z.object({
  from: isoMonth('查询起始月'),
  to: isoMonth('查询截止月（基准日前一个月）'),
  months: z.array(ContributionMonthSchema).describe('最近 24 个月内有缴费记录的月份，新在前'),
})

export const PensionPaymentSchema = z.object({
  month: isoMonth('发放月份'),
  amount: yuan('发放金额'),
  paidOn: isoDate('到账日期'),
  bank: z.string().min(1).describe('发放银行'),
})

export const PensionSchema = z.object({
  retired: z.boolean().describe('是否已办理退休并领取基本养老金'),
  retirementDate: isoDate('退休日期').nullable().describe('退休日期；未退休为 null'),
  monthlyAmount: yuan('当前月发放标准').nullable().describe('当前月发放标准（元）；未退休为 null'),
  payments: z.array(PensionPaymentSchema).describe('最近 12 个月的发放记录，新在前'),
})

export const rensheContracts = defineContracts({
  certificates: certificatesContract('social-security', RensheCertificateSchema),
  contributions: lookupContract(
    '查询最近 24 个月的社会保险缴费记录',
    'social-security',
    '/v1/contributions/lookup',
    ContributionsSchema,
  ),
  pension: lookupContract(
    '查询基本养老金领取资格与最近 12 个月发放记录',
    'social-security',
    '/v1/pensions/lookup',
    PensionSchema,
  ),
})

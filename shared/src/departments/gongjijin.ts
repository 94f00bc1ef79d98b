// 公积金 (housing provident fund) department contract: the account and balance, its statement, the 缴存证明.
import { defineContracts } from '../contract'
import { z } from '../z'
import { certificateBase, certificateUnion, certificatesContract, isoDate, isoMonth, yuan } from './certificate'
import { lookupContract } from './common'

export const HousingFundAccountSchema = z.object({
  accountNumber: z
    .string()
    .regex(/^\d{12}$/)
    .describe('个人公积金账号'),
  employer: z.string().min(1).describe('缴存单位'),
  status: z.enum(['缴存', '封存']).describe('账户状态：缴存 正常缴存；封存 暂停缴存'),
  openedOn: isoDate('开户日期'),
  base: yuan('缴存基数'),
  rate: z.number().min(0.05).max(0.12).describe('单位与个人各自的缴存比例（5%–12%）'),
  monthlyDeposit: yuan('月缴存额（单位+个人）'),
  balance: yuan('账户余额'),
  lastDepositMonth: isoMonth('最近缴存月份').nullable().describe('最近缴存月份；近 12 个月未缴为 null'),
})

export const HousingFundAccountReplySchema = z.object({
  account: HousingFundAccountSchema.nullable().describe('公积金账户；未开户为 null'),
})

export const HousingFundEntrySchema = z.object({
  date: isoDate('记账日期'),
  kind: z.enum(['deposit', 'withdrawal']).describe('deposit 汇缴入账，withdrawal 提取'),
  summary: z.string().min(1).describe('摘要，如“2025年03月汇缴”“租房提取”'),
  amount: yuan('发生额'),
  balanceAfter: yuan('发生后余额'),
})

export const HousingFundStatementSchema = z.object({
  openingBalance: yuan('期初余额（12 个月前）'),
  closingBalance: yuan('期末余额（即当前余额）'),
  entries: z.array(HousingFundEntrySchema).describe('最近 12 个月的明细，按日期先后'),
})

export const HousingFundStatementReplySchema = z.object({
  statement: HousingFundStatementSchema.nullable().describe('账户明细；未开户为 null'),
})

export const HousingFundCertificateSchema = certificateBase('housing_fund_certificate').extend({
  accountNumber: z
    .string()
    .regex(/^\d{12}$/)
    .describe('个人公积金账号'),
  employer: z.string().min(1).describe('缴存单位'),
  openedOn: isoDate('开户日期'),
  depositStatus: z.enum(['缴存', '封存']).describe('开具时的账户状态'),
  monthlyDeposit: yuan('开具时的月缴存额'),
  balanceAtIssue: yuan('开具时的账户余额'),
})

export const GongjijinCertificateSchema = certificateUnion([HousingFundCertificateSchema], '公积金中心出具的证明')

export const gongjijinContracts = defineContracts({
  certificates: certificatesContract('housing-fund', GongjijinCertificateSchema),
  account: lookupContract(
    '查询住房公积金账户与余额',
    'housing-fund',
    '/v1/housing-fund/account',
    HousingFundAccountReplySchema,
  ),
  statement: lookupContract(
    '查询最近 12 个月的住房公积金明细（汇缴与提取）',
    'housing-fund',
    '/v1/housing-fund/statement',
    HousingFundStatementReplySchema,
  ),
})

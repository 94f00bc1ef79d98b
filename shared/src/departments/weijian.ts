// 卫健 (health commission) department contract: nucleic-acid tests, vaccinations, the current risk areas, and the
// health-code appeals (申诉/纠错) its reviewers decide.
import { defineContracts } from '../contract'
import { DivisionCodeSchema } from '../domain/divisions'
import { ErrorEnvelopeSchema } from '../errors'
import { z } from '../z'
import { isoDate, isoDateTime } from './certificate'
import { CitizenLookupSchema, DepartmentCallHeadersSchema, lookupContract } from './common'

export const NucleicAcidTestSchema = z.object({
  sampledAt: isoDateTime('采样时间'),
  reportedAt: isoDateTime('报告时间'),
  result: z.enum(['阴性', '阳性']).describe('检测结果'),
  institution: z.string().min(1).describe('检测机构'),
})

export const NucleicAcidTestsSchema = z.object({
  tests: z.array(NucleicAcidTestSchema).describe('最近 30 天的核酸检测记录，新在前'),
})

export const VaccinationSchema = z.object({
  dose: z.number().int().min(1).max(4).describe('剂次'),
  vaccine: z.string().min(1).describe('疫苗名称'),
  manufacturer: z.string().min(1).describe('生产企业'),
  batchNumber: z
    .string()
    .regex(/^\d{9}$/)
    .describe('疫苗批号'),
  date: isoDate('接种日期'),
  site: z.string().min(1).describe('接种单位'),
})

export const VaccinationsSchema = z.object({
  doses: z.array(VaccinationSchema).describe('新冠病毒疫苗接种记录，按剂次'),
})

export const RiskAreaSchema = z.object({
  areaCode: DivisionCodeSchema.describe('风险区域的行政区划代码（GB/T 2260）；地市级代码涵盖其下全部区县'),
  areaName: z.string().min(1).describe('风险区域名称（如 广州市荔湾区）'),
  level: z.enum(['high', 'medium', 'low']).describe('风险等级：high 高、medium 中、low 低'),
  since: isoDate('划定日期'),
})

export const RiskAreasSchema = z.object({
  asOf: isoDate('发布基准日'),
  areas: z.array(RiskAreaSchema).describe('广东省内当前的风险区域'),
})

export const RISK_LEVELS = ['high', 'medium', 'low'] as const

export const AppealRecordSchema = z.object({
  appealId: z
    .string()
    .regex(/^WJ\d{14}$/)
    .describe('受理号'),
  rule: z.string().describe('申诉针对的健康码规则'),
  target: z
    .object({ kind: z.enum(['check_in', 'declaration', 'test_result']), id: z.string().nullable() })
    .describe('申诉对象'),
  statement: z.string().describe('情况说明'),
  status: z.enum(['pending', 'upheld', 'rejected']).describe('pending 审核中、upheld 已纠正、rejected 维持原判'),
  filedAt: isoDateTime('受理时间'),
  decidedAt: isoDateTime('审核时间').nullable(),
  note: z.string().nullable().describe('审核意见'),
})

export const weijianContracts = defineContracts({
  nucleicAcidTests: lookupContract(
    '查询最近 30 天的核酸检测记录',
    'health',
    '/v1/nucleic-acid-tests/lookup',
    NucleicAcidTestsSchema,
  ),
  vaccinations: lookupContract('查询新冠病毒疫苗接种记录', 'health', '/v1/vaccinations/lookup', VaccinationsSchema),
  riskAreas: {
    method: 'GET',
    path: '/v1/risk-areas',
    summary: '查询当前的风险区域及等级（不涉及个人数据）',
    tag: 'health',
    headers: DepartmentCallHeadersSchema,
    responses: { 200: RiskAreasSchema, 400: ErrorEnvelopeSchema },
  },
  fileAppeal: {
    method: 'POST',
    path: '/v1/appeals',
    summary: '受理健康码申诉（申诉人身份证号在请求体中；x-case-id 为平台侧编号）',
    tag: 'health',
    headers: DepartmentCallHeadersSchema,
    body: CitizenLookupSchema.extend({
      rule: z.string().min(1).max(60),
      target: AppealRecordSchema.shape.target,
      statement: z.string().min(1).max(500),
    }).strict(),
    responses: { 201: AppealRecordSchema, 400: ErrorEnvelopeSchema, 404: ErrorEnvelopeSchema },
  },
  appeals: lookupContract(
    '查询某人的健康码申诉及审核结果',
    'health',
    '/v1/appeals/lookup',
    z.object({ appeals: z.array(AppealRecordSchema).describe('新在前') }),
  ),
  pendingAppeals: {
    method: 'GET',
    path: '/_admin/appeals',
    summary: '审核台：待审核的申诉（卫健审核人员使用）',
    tag: 'admin',
    responses: { 200: z.object({ appeals: z.array(AppealRecordSchema) }) },
  },
  decideAppeal: {
    method: 'POST',
    path: '/_admin/appeals/:appealId/decision',
    summary: '审核台：审核人员作出决定（upheld 纠正 / rejected 维持）',
    tag: 'admin',
    params: z.object({ appealId: AppealRecordSchema.shape.appealId }).strict(),
    body: z.object({ decision: z.enum(['upheld', 'rejected']), note: z.string().min(1).max(200) }).strict(),
    responses: {
      200: AppealRecordSchema.extend({
        reviewer: z.string().min(1).describe('作出决定的审核人员（操作员令牌登记的姓名）'),
      }),
      400: ErrorEnvelopeSchema,
      401: ErrorEnvelopeSchema,
      404: ErrorEnvelopeSchema,
      409: ErrorEnvelopeSchema,
    },
  },
  flagRiskArea: {
    method: 'PUT',
    path: '/_admin/risk-areas',
    summary: '按行政区划代码划定或解除风险区域（level 为 null 时解除）；测试与演示用',
    tag: 'admin',
    body: z.object({ areaCode: DivisionCodeSchema, level: z.enum(RISK_LEVELS).nullable() }).strict(),
    responses: { 200: RiskAreasSchema, 400: ErrorEnvelopeSchema },
  },
})

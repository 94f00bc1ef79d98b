// 卫健 (health commission) department contract: nucleic-acid tests, vaccinations, the current risk areas, and the
// health-code appeals (申诉/纠错) its reviewers decide.
import { defineContracts } from '../contract'
import { DivisionCodeSchema } from '../domain/divisions'
import { IdNumberSchema } from '../domain/id-number'
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

/**
 * What 卫健 tells the platform when a new test result is recorded (a signed callback, RFC 9421): whose result and its
 * id, never the result itself. The platform marks that person's health code stale and reads the result from 卫健
 * itself when it evaluates the code again, so a notice can only cause a re-evaluation, never a colour.
 */
export const TestResultNoticeSchema = z
  .object({
    resultId: z.string().uuid().describe('检测结果编号（卫健侧，唯一；平台据此去重）'),
    idNumber: IdNumberSchema.describe('受检者身份证号'),
    reportedAt: isoDateTime('报告时间'),
  })
  .strict()
export type TestResultNotice = z.infer<typeof TestResultNoticeSchema>

/** 卫健's public keys for its signed callbacks (ecdsa-p256-sha256; P-256 x, y as in a JWK). */
export const CallbackKeysSchema = z.object({
  keys: z.array(
    z.object({
      kid: z.string().min(8).max(64).describe('密钥编号（签名参数 keyid）'),
      alg: z.literal('ecdsa-p256-sha256'),
      kty: z.literal('EC'),
      crv: z.literal('P-256'),
      x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
      y: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    }),
  ),
})

/** One notice in 卫健's outbox, as the operator's view shows it. */
export const OutboxEntrySchema = z.object({
  resultId: z.string(),
  attempts: z.number().int().nonnegative().describe('已尝试投递次数'),
  nextAttemptAt: z.string().datetime().nullable().describe('下次投递时间（已送达为 null）'),
  deliveredAt: z.string().datetime().nullable(),
  lastError: z.string().nullable(),
})

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
  callbackKeys: {
    method: 'GET',
    path: '/v1/callback-keys',
    summary: '卫健回调签名公钥（平台据此核验回调的 HTTP 消息签名）',
    tag: 'health',
    headers: DepartmentCallHeadersSchema,
    responses: { 200: CallbackKeysSchema, 400: ErrorEnvelopeSchema },
  },
  recordTestResult: {
    method: 'POST',
    path: '/_admin/nucleic-acid-tests',
    summary: '录入一条核酸检测结果（代表检测机构上报）；随即签名通知平台',
    tag: 'admin',
    body: CitizenLookupSchema.extend({
      sampledAt: isoDateTime('采样时间'),
      result: NucleicAcidTestSchema.shape.result,
      institution: z.string().min(1).max(60),
    }).strict(),
    responses: {
      201: z.object({ resultId: z.string().uuid(), reportedAt: isoDateTime('报告时间') }),
      400: ErrorEnvelopeSchema,
      404: ErrorEnvelopeSchema,
    },
  },
  subscribeCallbacks: {
    method: 'PUT',
    path: '/_admin/callback-subscription',
    summary: '登记平台接收检测结果回调的地址（运维操作）',
    tag: 'admin',
    body: z.object({ url: z.string().url().max(300) }).strict(),
    responses: { 200: z.object({ url: z.string() }), 400: ErrorEnvelopeSchema },
  },
  callbackOutbox: {
    method: 'GET',
    path: '/_admin/callback-outbox',
    summary: '回调发件箱：每条通知的投递次数、下次投递时间与送达时间',
    tag: 'admin',
    responses: { 200: z.object({ entries: z.array(OutboxEntrySchema) }) },
  },
  drainCallbackOutbox: {
    method: 'POST',
    path: '/_admin/callback-outbox/drain',
    summary: '立即投递发件箱中所有未送达的通知（不等退避），答复投递结果',
    tag: 'admin',
    responses: {
      200: z.object({
        delivered: z.number().int().nonnegative(),
        pending: z.number().int().nonnegative(),
      }),
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

// BFF contracts: the citizen's own department data — 医保, 社保缴费, 养老金, 公积金, 交通违法 — and 我的数据使用记录.
import { UPSTREAM_ERRORS, defineContracts } from '../contract'
import { ErrorEnvelopeSchema } from '../errors'
import { z } from '../z'
import { HousingFundAccountSchema, HousingFundStatementSchema } from '../departments/gongjijin'
import { TrafficViolationSchema, TrafficViolationsSchema } from '../departments/jiaoguan'
import { ContributionsSchema, PensionSchema } from '../departments/renshe'
import { MedicalAccountSchema, MedicalSpendingSchema } from '../departments/yibao'
import { BearerHeadersSchema } from './auth'
import { queriesExamples } from './examples/queries'

const authed = { headers: BearerHeadersSchema } as const
const errors = {
  401: ErrorEnvelopeSchema,
  403: ErrorEnvelopeSchema,
  502: ErrorEnvelopeSchema,
  503: ErrorEnvelopeSchema,
  504: ErrorEnvelopeSchema,
}

export const MedicalInsuranceViewSchema = z.object({
  account: MedicalAccountSchema.nullable().describe('医保参保信息与个人账户；未参保为 null'),
  spending: z.array(MedicalSpendingSchema).describe('最近 12 个月的结算记录，新在前'),
})
export const HousingFundViewSchema = z.object({
  account: HousingFundAccountSchema.extend({
    accountNumber: z.string().describe('个人公积金账号（脱敏，cardNumber 规则：后 4 位）'),
  })
    .nullable()
    .describe('公积金账户；未开户为 null'),
  statement: HousingFundStatementSchema.nullable().describe('最近 12 个月明细；未开户为 null'),
})
export const ContributionsViewSchema = ContributionsSchema.nullable().describe('社保缴费记录；无参保记录为 null')
export const PensionViewSchema = PensionSchema.nullable().describe('养老金；无记录为 null')
export const ViolationsViewSchema = TrafficViolationsSchema.extend({
  violations: z
    .array(
      TrafficViolationSchema.extend({
        plateNumber: z.string().nullable().describe('号牌号码（脱敏，plate 规则）；驾驶他人车辆时为 null'),
      }),
    )
    .describe('最近 2 年的交通违法记录，新在前'),
})
  .nullable()
  .describe('交通违法；无驾驶人档案为 null')

export const DataAccessRecordSchema = z.object({
  id: z.string().uuid().describe('记录编号'),
  department: z.string().describe('被查询的部门代号，如 yibao'),
  dataKind: z.string().describe('查询了什么数据'),
  purpose: z.string().describe('查询目的'),
  caseId: z.string().nullable().describe('办件编号（如有）'),
  askedBy: z.string().nullish().describe('代为查询的人（代亲友时为添加人，已脱敏）；本人查询时为 null 或省略'),
  outcome: z
    .enum(['served', 'not_found', 'failed', 'rejected'])
    .describe('served 已返回数据，not_found 部门无记录，failed 部门未能应答，rejected 核验未通过（如刷脸未通过）'),
  at: z.string().datetime().describe('查询时间'),
})
export type DataAccessRecord = z.infer<typeof DataAccessRecordSchema>

export const DataAccessPageSchema = z.object({
  records: z.array(DataAccessRecordSchema).describe('记录，新在前'),
  nextBefore: z.string().datetime().nullable().describe('下一页的 before 参数；没有更多时为 null'),
})

export const queryContracts = defineContracts({
  medicalInsurance: {
    method: 'GET',
    path: '/v1/medical-insurance',
    summary: '医保余额与最近 12 个月的就医结算',
    tag: 'queries',
    examples: queriesExamples.medicalInsurance,
    errors: ['REAL_NAME_REQUIRED', ...UPSTREAM_ERRORS],
    ...authed,
    responses: { 200: MedicalInsuranceViewSchema, ...errors },
  },
  contributions: {
    method: 'GET',
    path: '/v1/social-security/contributions',
    summary: '最近 24 个月的社保缴费记录',
    tag: 'queries',
    examples: queriesExamples.contributions,
    errors: ['REAL_NAME_REQUIRED', ...UPSTREAM_ERRORS],
    ...authed,
    responses: { 200: ContributionsViewSchema, ...errors },
  },
  pension: {
    method: 'GET',
    path: '/v1/social-security/pension',
    summary: '养老金领取资格与最近 12 个月发放记录',
    tag: 'queries',
    examples: queriesExamples.pension,
    errors: ['REAL_NAME_REQUIRED', ...UPSTREAM_ERRORS],
    ...authed,
    responses: { 200: PensionViewSchema, ...errors },
  },
  housingFund: {
    method: 'GET',
    path: '/v1/housing-fund',
    summary: '公积金余额与最近 12 个月明细',
    tag: 'queries',
    examples: queriesExamples.housingFund,
    errors: ['REAL_NAME_REQUIRED', ...UPSTREAM_ERRORS],
    ...authed,
    responses: { 200: HousingFundViewSchema, ...errors },
  },
  violations: {
    method: 'GET',
    path: '/v1/traffic/violations',
    summary: '最近 2 年的交通违法记录与未缴罚款',
    tag: 'queries',
    examples: queriesExamples.violations,
    errors: ['REAL_NAME_REQUIRED', ...UPSTREAM_ERRORS],
    ...authed,
    responses: { 200: ViolationsViewSchema, ...errors },
  },
  dataAccess: {
    method: 'GET',
    path: '/v1/me/data-access',
    summary: '我的数据使用记录：为我向各部门查询数据的记录',
    tag: 'queries',
    examples: queriesExamples.dataAccess,
    ...authed,
    query: z
      .object({
        limit: z.coerce.number().int().min(1).max(100).default(20).describe('每页条数，1–100'),
        before: z.string().datetime().optional().describe('只列出此时间之前的记录（翻页）'),
      })
      .strict(),
    responses: { 200: DataAccessPageSchema, 400: ErrorEnvelopeSchema, 401: ErrorEnvelopeSchema },
  },
})

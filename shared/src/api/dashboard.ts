// BFF contract: the home dashboard — every section fetched in parallel; a failed section is marked, the rest served.
import { defineContracts } from '../contract'
import { CERTIFICATE_TYPES, CertificateStatusSchema } from '../departments/certificate'
import { ERROR_CODES, ErrorEnvelopeSchema } from '../errors'
import { z } from '../z'
import { BearerHeadersSchema } from './auth'
import { dashboardExamples } from './examples/dashboard'

/** A section that could not be fetched: which error, in words the citizen can act on. */
export const UnavailableSectionSchema = z.object({
  status: z.literal('unavailable'),
  code: z.enum(ERROR_CODES).describe('错误码，如 UPSTREAM_TIMEOUT'),
  message: z.string().describe('给用户看的说明'),
})

function section<const S extends z.ZodType>(data: S) {
  return z.discriminatedUnion('status', [z.object({ status: z.literal('ok'), data }), UnavailableSectionSchema])
}

export const CardBriefSchema = z.object({
  type: z
    .enum(Object.keys(CERTIFICATE_TYPES) as [keyof typeof CERTIFICATE_TYPES, ...(keyof typeof CERTIFICATE_TYPES)[]])
    .describe('证照类型'),
  title: z.string().describe('证照名称'),
  department: z.string().describe('签发部门代号'),
  status: CertificateStatusSchema,
  expiryDate: z.string().nullable().describe('有效期至；null 为长期'),
})

export const DashboardSchema = z.object({
  generatedAt: z.string().datetime().describe('生成时间'),
  sections: z.object({
    cards: section(
      z.object({
        cards: z.array(CardBriefSchema).describe('我的证照概览'),
        unavailableFrom: z.array(z.string()).describe('暂时无法查询的签发部门'),
      }),
    ),
    socialSecurity: section(
      z
        .object({
          lastPaidMonth: z.string().nullable().describe('最近一次到账的缴费月份'),
          monthsPaid: z.number().int().describe('最近 24 个月内已缴月数'),
          arrearsMonths: z.number().int().describe('欠缴月数'),
        })
        .nullable(),
    ),
    medicalInsurance: section(
      z
        .object({ balance: z.number().describe('个人账户余额（元）'), status: z.string().describe('参保状态') })
        .nullable(),
    ),
    housingFund: section(
      z
        .object({ balance: z.number().describe('公积金余额（元）'), status: z.string().describe('账户状态') })
        .nullable(),
    ),
    violations: section(
      z
        .object({
          unpaidCount: z.number().int().describe('未缴违法条数'),
          unpaidFines: z.number().describe('未缴罚款（元）'),
        })
        .nullable(),
    ),
    healthCode: section(
      z.object({
        color: z.enum(['green', 'yellow', 'red']).describe('粤康码颜色（按现行规则集判定，与粤康码页面一致）'),
        lastTestAt: z.string().nullable().describe('最近一次核酸采样时间'),
      }),
    ),
  }),
})
export type Dashboard = z.infer<typeof DashboardSchema>

export const dashboardContracts = defineContracts({
  show: {
    method: 'GET',
    path: '/v1/dashboard',
    summary: '首页概览：证照、社保、医保、公积金、交通违法、健康码，并行获取；某部门不可用时该栏标注，其余照常',
    tag: 'dashboard',
    examples: dashboardExamples.show,
    errors: ['REAL_NAME_REQUIRED'],
    headers: BearerHeadersSchema,
    responses: { 200: DashboardSchema, 401: ErrorEnvelopeSchema, 403: ErrorEnvelopeSchema },
  },
})

// 市场监管 (market regulation) department contract: the 营业执照 with its 统一社会信用代码, and the check that a
// citizen is the legal representative (or operator) of a registered business.
import { defineContracts } from '../contract'
import { UsccSchema } from '../domain/uscc'
import { ErrorEnvelopeSchema } from '../errors'
import { z } from '../z'
import { certificateBase, certificateUnion, certificatesContract, isoDate, yuan } from './certificate'
import { CitizenLookupSchema, DepartmentCallHeadersSchema } from './common'

export const BusinessLicenceSchema = certificateBase('business_licence').extend({
  creditCode: UsccSchema,
  entityName: z.string().min(1).describe('名称'),
  entityType: z.enum(['个体工商户', '有限责任公司（自然人独资）']).describe('类型'),
  legalRepresentative: z.string().min(1).describe('法定代表人或经营者'),
  registeredCapital: yuan('注册资本').nullable().describe('注册资本（元）；个体工商户为 null'),
  establishedOn: isoDate('成立日期'),
  businessScope: z.string().min(1).describe('经营范围'),
  address: z.string().min(1).describe('住所或经营场所'),
})

export const ShichangCertificateSchema = certificateUnion([BusinessLicenceSchema], '市场监管部门核发的执照')

/** Whether the citizen is the business's legal representative (or, for a 个体工商户, its operator), as registered. */
export const RepresentativeCheckSchema = z.object({
  creditCode: UsccSchema,
  representative: z.boolean().describe('该公民是否为该主体登记的法定代表人（个体工商户为经营者）'),
  /** Only when `representative`: nothing about a business is told to someone who does not represent it */
  entityName: z.string().min(1).nullable().describe('主体名称；非其法定代表人时为 null'),
  licenceStatus: z
    .enum(['valid', 'expired', 'suspended', 'revoked'])
    .nullable()
    .describe('营业执照状态；非其法定代表人时为 null'),
})
export type RepresentativeCheck = z.infer<typeof RepresentativeCheckSchema>

export const shichangContracts = defineContracts({
  certificates: certificatesContract('market-regulation', ShichangCertificateSchema),
  representative: {
    method: 'POST',
    path: '/v1/businesses/representative/lookup',
    summary: '核验法定代表人身份（营业执照）',
    tag: 'market-regulation',
    body: CitizenLookupSchema.extend({ creditCode: UsccSchema }).strict(),
    headers: DepartmentCallHeadersSchema,
    responses: { 200: RepresentativeCheckSchema, 400: ErrorEnvelopeSchema, 404: ErrorEnvelopeSchema },
  },
})

// 市场监管 (market regulation) department contract: the 营业执照 with its 统一社会信用代码.
import { defineContracts } from '../contract'
import { UsccSchema } from '../domain/uscc'
import { z } from '../z'
import { certificateBase, certificateUnion, certificatesContract, isoDate, yuan } from './certificate'

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

export const shichangContracts = defineContracts({
  certificates: certificatesContract('market-regulation', ShichangCertificateSchema),
})

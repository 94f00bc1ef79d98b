// 卫健 (health commission) department contract: nucleic-acid tests, vaccinations and the current risk areas.
import { defineContracts } from '../contract'
import { ErrorEnvelopeSchema } from '../errors'
import { z } from '../z'
import { isoDate, isoDateTime } from './certificate'
import { DepartmentCallHeadersSchema, lookupContract } from './common'

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
  batchNumber: z.string().regex(/^\d{9}$/).describe('疫苗批号'),
  date: isoDate('接种日期'),
  site: z.string().min(1).describe('接种单位'),
})

export const VaccinationsSchema = z.object({
  doses: z.array(VaccinationSchema).describe('新冠病毒疫苗接种记录，按剂次'),
})

export const RiskAreaSchema = z.object({
  area: z.string().min(1).describe('风险区域（街道或社区）'),
  level: z.enum(['high', 'medium', 'low']).describe('风险等级：high 高、medium 中、low 低'),
  since: isoDate('划定日期'),
})

export const RiskAreasSchema = z.object({
  asOf: isoDate('发布基准日'),
  areas: z.array(RiskAreaSchema).describe('广东省内当前的风险区域'),
})

export const weijianContracts = defineContracts({
  nucleicAcidTests: lookupContract('查询最近 30 天的核酸检测记录', 'health', '/v1/nucleic-acid-tests/lookup', NucleicAcidTestsSchema),
  vaccinations: lookupContract('查询新冠病毒疫苗接种记录', 'health', '/v1/vaccinations/lookup', VaccinationsSchema),
  riskAreas: {
    method: 'GET',
    path: '/v1/risk-areas',
    summary: '查询当前的风险区域及等级（不涉及个人数据）',
    tag: 'health',
    headers: DepartmentCallHeadersSchema,
    responses: { 200: RiskAreasSchema, 400: ErrorEnvelopeSchema },
  },
})

// BFF contracts: 服务大厅 — the service catalogue (办事指南 of every service), its search, hot services, and a signed-in
// citizen's recent and favourite services. A catalogue entry follows the EU's CPSV-AP public-service model mapped to
// Chinese practice: 事项编码 (identifier), name, competent authority (实施主体) and its department, level (省 / 市 / 区县),
// the city it serves (GB/T 2260), channel, life events, requirements (materials with their evidence level after
// 国办函〔2016〕108号, and the wallet certificate that replaces one: 免证办), processing time (statutory and promised,
// working days), cost, legal resource (法律依据) and the words citizens search it by.
import { defineContracts } from '../contract'
import { CERTIFICATE_TYPES } from '../departments/certificate'
import { GUANGDONG, GUANGDONG_CITIES } from '../domain/division-names'
import { ErrorEnvelopeSchema } from '../errors'
import { z } from '../z'
import { BearerHeadersSchema } from './auth'
import { hallExamples } from './examples/hall'
import { EVIDENCE_LEVELS, HALL_DEPARTMENTS, LIFE_EVENTS, SERVICE_CHANNELS, SERVICE_LEVELS } from './hall-terms'

export * from './hall-terms'

const CERTIFICATE_KINDS = Object.keys(CERTIFICATE_TYPES) as [
  keyof typeof CERTIFICATE_TYPES,
  ...(keyof typeof CERTIFICATE_TYPES)[],
]

/** A city the hall serves: Guangdong (province-wide services only) or one of its 21 prefecture-level cities. */
export const HallCitySchema = z
  .string()
  .refine((c) => c === GUANGDONG || Object.hasOwn(GUANGDONG_CITIES, c), { message: '请选择广东省内的地级市' })
  .describe('城市：广东省 21 个地级市之一的行政区划代码（GB/T 2260，如 440100 广州市），440000 为全省通办')

export const ServiceCodeSchema = z
  .string()
  .regex(/^44\d{4}[A-Z]{2}\d{3}$/, { message: '不是有效的事项编码' })
  .describe('事项编码：实施地行政区划代码 + 部门代号 + 序号，如 440100GA101')

export const MaterialSchema = z
  .object({
    name: z.string().min(2).max(60).describe('材料名称'),
    evidence: z.enum(EVIDENCE_LEVELS).describe('证明等级：A 电子证照 / B 窗口核验 / C 本人上传 / D 告知承诺'),
    credential: z
      .enum(CERTIFICATE_KINDS)
      .optional()
      .describe('可由卡包中的该类电子证照替代（免证办，无需提交纸质材料）'),
  })
  .strict()
  .refine((m) => m.credential === undefined || m.evidence === 'A', {
    message: '只有 A 级（电子证照）材料可由卡包证照替代',
  })

export const ServiceSchema = z
  .object({
    code: ServiceCodeSchema,
    name: z.string().min(2).max(40).describe('事项名称'),
    department: z.enum(HALL_DEPARTMENTS).describe('主管部门代号'),
    authority: z.string().min(2).max(40).describe('实施主体，如 广州市公安局'),
    level: z.enum(SERVICE_LEVELS).describe('行使层级：省 / 市 / 区县'),
    city: HallCitySchema,
    channel: z.enum(SERVICE_CHANNELS).describe('办理方式：零跑动 / 跑一次 / 窗口办理'),
    events: z.array(z.enum(LIFE_EVENTS)).min(1).describe('所属人生事件'),
    summary: z.string().min(5).max(120).describe('服务对象与受理条件'),
    materials: z.array(MaterialSchema).describe('申请材料'),
    limits: z
      .object({
        statutory: z.number().int().min(0).max(120).describe('法定办结时限（工作日，0 为即办）'),
        promised: z.number().int().min(0).max(120).describe('承诺办结时限（工作日，0 为即办）'),
      })
      .strict()
      .refine((l) => l.promised <= l.statutory, { message: '承诺时限不得长于法定时限' }),
    fee: z
      .object({
        yuan: z.number().nonnegative().describe('收费（元），0 为不收费'),
        note: z.string().max(60).optional().describe('收费说明'),
      })
      .strict(),
    legalBasis: z.array(z.string().min(4)).min(1).describe('设定依据'),
    keywords: z.array(z.string().min(1).max(20)).describe('近义词与俗称，供搜索'),
  })
  .strict()
export type Service = z.infer<typeof ServiceSchema>

/** A catalogue entry as the data file holds it: the service and how often citizens use it (ranks 热门服务). */
export const CatalogueEntrySchema = ServiceSchema.safeExtend({
  popularity: z.number().int().nonnegative().describe('月办件量（示意），用于热门排序'),
})
export const CatalogueSchema = z
  .object({ version: z.string(), services: z.array(CatalogueEntrySchema) })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>()
    for (const s of c.services) {
      if (seen.has(s.code)) ctx.addIssue({ code: 'custom', message: `事项编码重复：${s.code}` })
      seen.add(s.code)
      if (!s.code.startsWith(s.city)) ctx.addIssue({ code: 'custom', message: `事项编码与实施地不符：${s.code}` })
      if ((s.level === 'province') !== (s.city === GUANGDONG))
        ctx.addIssue({ code: 'custom', message: `省级事项全省通办，市、区县事项属某市：${s.code}` })
    }
  })

/** A service in a list: enough to choose it. */
export const ServiceSummarySchema = ServiceSchema.pick({
  code: true,
  name: true,
  department: true,
  authority: true,
  level: true,
  city: true,
  channel: true,
}).extend({
  promisedDays: z.number().int().min(0).describe('承诺办结时限（工作日，0 为即办）'),
  paperless: z.boolean().describe('免证办：所有需核验的证件均可由卡包电子证照替代'),
})
export type ServiceSummary = z.infer<typeof ServiceSummarySchema>

export const ServiceGuideSchema = ServiceSchema.extend({
  favourite: z.boolean().nullable().describe('是否已收藏；未登录为 null'),
})
export type ServiceGuide = z.infer<typeof ServiceGuideSchema>

export const SERVICE_PAGE_SIZE = 20
export const RECENT_SERVICES_KEPT = 20
export const FAVOURITE_SERVICES_MAX = 50

export const ServiceSearchQuerySchema = z
  .object({
    q: z.string().trim().max(40).optional().describe('关键词：中文、全拼（shebao）、首字母（sb）或俗称，最多 40 字'),
    city: HallCitySchema.default(GUANGDONG),
    event: z.enum(LIFE_EVENTS).optional().describe('人生事件'),
    department: z.enum(HALL_DEPARTMENTS).optional().describe('部门代号'),
    page: z.coerce.number().int().min(1).max(50).default(1).describe('页码，从 1 起，每页 20 条'),
  })
  .strict()

export const ServiceListSchema = z.object({
  items: z.array(ServiceSummarySchema),
  total: z.number().int().nonnegative().describe('符合条件的事项数'),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
})
export type ServiceList = z.infer<typeof ServiceListSchema>

const CodeParamsSchema = z.object({ code: ServiceCodeSchema }).strict()
const E = ErrorEnvelopeSchema
const authed = { headers: BearerHeadersSchema } as const

export const hallContracts = defineContracts({
  search: {
    method: 'GET',
    path: '/v1/services',
    summary: '搜索办事服务：按关键词（中文、拼音、首字母、俗称）、城市、人生事件、部门；城市的事项与全省通办事项',
    tag: 'hall',
    examples: hallExamples.search,
    query: ServiceSearchQuerySchema,
    responses: { 200: ServiceListSchema, 400: E },
  },
  hot: {
    method: 'GET',
    path: '/v1/services/hot',
    summary: '热门服务：该城市与全省通办事项中办件量最大的 8 项',
    tag: 'hall',
    examples: hallExamples.hot,
    query: z.object({ city: HallCitySchema.default(GUANGDONG) }).strict(),
    responses: { 200: z.object({ items: z.array(ServiceSummarySchema) }), 400: E },
  },
  guide: {
    method: 'GET',
    path: '/v1/services/:code',
    summary: '办事指南：材料（证明等级、可免证办的电子证照）、时限、收费、办理方式、设定依据；登录时记入最近使用',
    tag: 'hall',
    examples: hallExamples.guide,
    auth: 'optional',
    errors: ['SERVICE_NOT_FOUND'],
    params: CodeParamsSchema,
    responses: { 200: ServiceGuideSchema, 400: E, 401: E, 404: E },
  },
  recent: {
    method: 'GET',
    path: '/v1/me/services/recent',
    summary: `我最近打开的办事指南，最近的在前（保留最近 ${RECENT_SERVICES_KEPT} 项）`,
    tag: 'hall',
    examples: hallExamples.recent,
    ...authed,
    responses: { 200: z.object({ items: z.array(ServiceSummarySchema) }), 401: E },
  },
  favourites: {
    method: 'GET',
    path: '/v1/me/services/favourites',
    summary: `我收藏的服务，最近收藏的在前（最多 ${FAVOURITE_SERVICES_MAX} 项）`,
    tag: 'hall',
    examples: hallExamples.favourites,
    ...authed,
    responses: { 200: z.object({ items: z.array(ServiceSummarySchema) }), 401: E },
  },
  addFavourite: {
    method: 'PUT',
    path: '/v1/me/services/favourites/:code',
    summary: `收藏一项服务（已收藏的不变；最多 ${FAVOURITE_SERVICES_MAX} 项）`,
    tag: 'hall',
    examples: hallExamples.addFavourite,
    errors: ['SERVICE_NOT_FOUND', 'FAVOURITES_LIMIT_REACHED'],
    ...authed,
    params: CodeParamsSchema,
    responses: { 204: z.null(), 400: E, 401: E, 404: E, 409: E },
  },
  removeFavourite: {
    method: 'DELETE',
    path: '/v1/me/services/favourites/:code',
    summary: '取消收藏（未收藏的也答 204）',
    tag: 'hall',
    examples: hallExamples.removeFavourite,
    ...authed,
    params: CodeParamsSchema,
    responses: { 204: z.null(), 400: E, 401: E },
  },
})

// Contracts every stand-in department serves (health, fault knobs), and what every business call carries.
import { defineContracts } from '../contract'
import { IdNumberSchema } from '../domain/id-number'
import { ErrorEnvelopeSchema } from '../errors'
import { z } from '../z'

export const FaultsSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(120_000).describe('每个请求额外延迟的毫秒数'),
    errorRate: z.number().min(0).max(1).describe('以 503 应答的请求比例，0–1'),
    hang: z.boolean().describe('为真时请求永不应答（直到客户端放弃）'),
    malformed: z.boolean().describe('为真时返回无法解析的 JSON'),
    reset: z.boolean().describe('为真时收到请求即断开连接（connection reset）'),
  })
  .strict()
export type Faults = z.infer<typeof FaultsSchema>

export const NO_FAULTS: Faults = { latencyMs: 0, errorRate: 0, hang: false, malformed: false, reset: false }

export const DepartmentHealthSchema = z.object({
  status: z.literal('ok'),
  department: z.string().describe('部门代号'),
  citizens: z.number().int().nonnegative().describe('库中合成公民数'),
  referenceDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .describe('合成数据的基准日（“今天”），证照状态据此判断'),
})

export const departmentCommonContracts = defineContracts({
  health: {
    method: 'GET',
    path: '/healthz',
    summary: '部门系统存活探针（不受故障开关影响）',
    tag: 'admin',
    responses: { 200: DepartmentHealthSchema },
  },
  getFaults: {
    method: 'GET',
    path: '/_admin/faults',
    summary: '读取当前故障开关',
    tag: 'admin',
    responses: { 200: FaultsSchema },
  },
  stats: {
    method: 'GET',
    path: '/_admin/stats',
    summary: '运行统计：收到的业务请求数（含被故障开关拦下的），用于验证熔断是否停止调用',
    tag: 'admin',
    responses: { 200: z.object({ businessRequests: z.number().int().nonnegative().describe('业务请求总数') }) },
  },
  setFaults: {
    method: 'PUT',
    path: '/_admin/faults',
    summary: '设置故障开关（测试与压测用）；未给出的字段保持不变',
    tag: 'admin',
    body: FaultsSchema.partial(),
    responses: { 200: FaultsSchema, 400: ErrorEnvelopeSchema },
  },
})

/** Lookups go in the body, never the URL, so ID numbers stay out of access logs and proxies. */
export const CitizenLookupSchema = z.object({ idNumber: IdNumberSchema }).strict().describe('按身份证号码查询')

/** Decodes a percent-encoded header value; a value that is not valid percent-encoding is taken as it is. */
export function decodeHeaderText(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/**
 * What every business call to a department carries, as X-Road does with its client, user and issue headers: the
 * calling system, why the data is read and, where there is one, the case it is read for. Header values are ASCII:
 * `x-purpose` and `x-case-id` are percent-encoded UTF-8 (encodeURIComponent) when they hold other characters.
 * Other headers pass through untouched.
 */
export const DepartmentCallHeadersSchema = z.looseObject({
  'x-client-id': z
    .string()
    .regex(/^[A-Za-z0-9._:/-]{1,100}$/, { message: '调用方系统标识应为 1–100 个字母、数字或 ._:/-' })
    .describe('调用方系统标识（X-Road 风格，如 GOV/44000000/ysx-bff）'),
  'x-purpose': z
    .string()
    .max(2000)
    .refine((v) => [...decodeHeaderText(v)].length >= 1 && [...decodeHeaderText(v)].length <= 200, {
      message: '调用目的为必填，1–200 字',
    })
    .describe('调用目的：为何读取该数据（必填，1–200 字，非 ASCII 字符以 encodeURIComponent 编码）'),
  'x-case-id': z
    .string()
    .min(1)
    .max(300)
    .optional()
    .describe('办件编号（可选，非 ASCII 字符以 encodeURIComponent 编码）'),
})
export type DepartmentCallHeaders = z.infer<typeof DepartmentCallHeadersSchema>

/** The replies every citizen lookup can give: the record, a bad request, or an unknown citizen. */
export function lookupResponses<const S extends z.ZodType>(ok: S) {
  return { 200: ok, 400: ErrorEnvelopeSchema, 404: ErrorEnvelopeSchema }
}

/** A department route reading one citizen's records: POST with the ID number in the body and the call headers. */
export function lookupContract<const P extends string, const S extends z.ZodType>(
  summary: string,
  tag: string,
  path: P,
  ok: S,
) {
  return {
    method: 'POST' as const,
    path,
    summary,
    tag,
    body: CitizenLookupSchema,
    headers: DepartmentCallHeadersSchema,
    responses: lookupResponses(ok),
  }
}

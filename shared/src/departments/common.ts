// Contracts every stand-in department serves: health and the runtime fault knobs.
import { defineContracts } from '../contract'
import { ErrorEnvelopeSchema } from '../errors'
import { z } from '../z'

export const FaultsSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(120_000).describe('每个请求额外延迟的毫秒数'),
    errorRate: z.number().min(0).max(1).describe('以 503 应答的请求比例，0–1'),
    hang: z.boolean().describe('为真时请求永不应答（直到客户端放弃）'),
    malformed: z.boolean().describe('为真时返回无法解析的 JSON'),
  })
  .strict()
export type Faults = z.infer<typeof FaultsSchema>

export const NO_FAULTS: Faults = { latencyMs: 0, errorRate: 0, hang: false, malformed: false }

export const DepartmentHealthSchema = z.object({
  status: z.literal('ok'),
  department: z.string().describe('部门代号'),
  citizens: z.number().int().nonnegative().describe('库中合成公民数'),
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
  setFaults: {
    method: 'PUT',
    path: '/_admin/faults',
    summary: '设置故障开关（测试与压测用）；未给出的字段保持不变',
    tag: 'admin',
    body: FaultsSchema.partial(),
    responses: { 200: FaultsSchema, 400: ErrorEnvelopeSchema },
  },
})

// BFF contracts: liveness and readiness probes.
import { defineContracts } from '../contract'
import { ErrorEnvelopeSchema } from '../errors'
import { z } from '../z'
import { systemExamples } from './examples/system'

export const HealthSchema = z.object({
  status: z.literal('ok').describe('进程存活'),
  uptimeSeconds: z.number().nonnegative().describe('进程已运行的秒数'),
})

export const ReadinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']).describe('是否可以接收流量'),
  checks: z
    .record(z.string(), z.enum(['ok', 'failing']))
    .describe('各项依赖的检查结果：database，配置了 Redis（REDIS_URL）时还有 redis'),
})

export const systemContracts = defineContracts({
  health: {
    method: 'GET',
    path: '/healthz',
    summary: '存活探针：进程在运行即返回 200',
    tag: 'system',
    examples: systemExamples.health,
    responses: { 200: HealthSchema },
  },
  ready: {
    method: 'GET',
    path: '/readyz',
    summary: '就绪探针：数据库（及配置了 REDIS_URL 时的 Redis）可用时返回 200，否则 503',
    tag: 'system',
    examples: systemExamples.ready,
    responses: { 200: ReadinessSchema, 503: ReadinessSchema },
  },
})

export { ErrorEnvelopeSchema }

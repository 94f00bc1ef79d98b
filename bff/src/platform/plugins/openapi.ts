// OpenAPI generated from the zod contracts: the document at /openapi.json and a browsable UI at /docs.
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { jsonSchemaTransform } from '@fastify/type-provider-zod'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

async function openapi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '粤省事 open BFF',
        description:
          'Backend-for-frontend of 粤省事 open. Errors share one envelope: { code, message, requestId, details? }.',
        version: '0.1.0',
      },
      tags: [
        { name: 'system', description: '探针' },
        { name: 'auth', description: '登录、令牌与个人资料' },
        { name: 'face', description: '刷脸实名认证' },
        { name: 'dashboard', description: '首页概览' },
        { name: 'queries', description: '本人数据查询与数据使用记录' },
        { name: 'wallet', description: '卡包（电子证照）' },
        { name: 'keys', description: '验签公钥' },
        { name: 'feedback', description: '意见反馈' },
      ],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true })
  /** GET /openapi.json — the OpenAPI document */
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
}

export default fp(openapi, { name: 'openapi' })

// OpenAPI generated from the zod contracts: the document at /openapi.json and a browsable UI at /docs.
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { jsonSchemaTransform } from '@fastify/type-provider-zod'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import deprecation from './deprecation'
import { finishDocument, type OpenApiObject } from './openapi-document'

/** The API's version: the document's, and the path prefix of every business route (/v1). */
export const API_VERSION = '1.0.0'

export const TAGS = [
  { name: 'system', description: '探针：存活与就绪（不限流）' },
  { name: 'auth', description: '登录、令牌与个人资料' },
  { name: 'face', description: '刷脸实名认证与刷脸验证（step-up）' },
  { name: 'dashboard', description: '首页概览：各部门数据并行获取' },
  { name: 'queries', description: '本人数据查询（医保、社保、公积金、交通违法）与我的数据使用记录' },
  { name: 'wallet', description: '卡包：各部门签发的电子证照（脱敏），刷脸后查看完整信息' },
  { name: 'presentation', description: '亮证与核验：设备绑定的凭证、在线核验、核验记录' },
  { name: 'keys', description: '验签公钥（JWKS）' },
  { name: 'health-code', description: '粤康码：申报、亮码、场所码与签到、代亲友、申诉、粤澳转码、入口核验' },
  { name: 'hall', description: '服务大厅：事项目录与搜索、办事指南、热门服务、我的最近使用与收藏' },
  { name: 'feedback', description: '意见反馈' },
  { name: 'privacy', description: '个人信息权利：下载我的数据、注销账号' },
]

async function openapi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '粤省事 open BFF',
        description:
          'Backend-for-frontend of 粤省事 open. Errors share one envelope: { code, message, requestId, details? }. ' +
          'For third parties: docs/api.md in the repository (tokens against the stand-ins, step-up, rate limits, ' +
          'pagination, Idempotency-Key, the error codes, versions and their retirement).',
        version: API_VERSION,
        license: { name: 'MIT', identifier: 'MIT' },
        // The project publishes no address of its own yet: the contact is the maintainers, through the repository.
        contact: { name: '粤省事 open 维护者（仓库的 issues）' },
      },
      servers: [{ url: 'http://localhost:3000', description: '本地系统（./scripts/start：BFF 与各部门模拟系统）' }],
      tags: TAGS,
    },
    transform: jsonSchemaTransform,
    transformObject: (documentObject) =>
      'openapiObject' in documentObject
        ? (finishDocument(documentObject.openapiObject as OpenApiObject) as typeof documentObject.openapiObject)
        : documentObject.swaggerObject,
  })
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true })
  // What the document says of a route being retired, its replies say too.
  await app.register(deprecation)
  /** GET /openapi.json — the OpenAPI document */
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
}

export default fp(openapi, { name: 'openapi' })

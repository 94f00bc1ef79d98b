// The OpenAPI document's finishing pass, from the contracts: each operation's id (its contract's name), who may call
// it, every error it can answer (the one envelope, the codes of each status, an example of each) and the examples.
import { z } from '@ysx/shared/z'
import {
  bffContracts,
  ERROR_STATUS,
  type ErrorCode,
  ErrorEnvelopeSchema,
  errorMessage,
  type RouteAuth,
  type RouteContract,
  routeAuth,
  routeErrorCodes,
} from '@ysx/shared'

type Json = Record<string, unknown>
interface Operation extends Json {
  parameters?: { in: string; name: string; example?: unknown }[]
  requestBody?: { content: Record<string, Json> }
  responses: Record<string, Json & { content?: Record<string, Json> }>
}
export interface OpenApiObject extends Json {
  paths: Record<string, Record<string, Operation>>
  components?: Json & { schemas?: Json; securitySchemes?: Json }
}

/** A contract with its name in `bffContracts`: `wallet.list` → operationId `walletList`. */
export interface NamedContract {
  operationId: string
  contract: RouteContract
}

export function namedContracts(groups: Record<string, Record<string, RouteContract>> = bffContracts): NamedContract[] {
  return Object.entries(groups).flatMap(([group, contracts]) =>
    Object.entries(contracts).map(([name, contract]) => ({
      operationId: `${group}${name[0]!.toUpperCase()}${name.slice(1)}`,
      contract,
    })),
  )
}

export const SECURITY_SCHEMES = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: '访问令牌（POST /v1/auth/login 或 /v1/auth/refresh 签发，15 分钟有效）',
  },
  departmentSignature: {
    type: 'apiKey',
    in: 'header',
    name: 'signature',
    description:
      '部门系统的回调：HTTP 消息签名（RFC 9421，ecdsa-p256-sha256），Signature-Input 与 Signature 两个头，' +
      '签名覆盖 @method、@path、content-type、content-digest，created 在 60 秒内，nonce 一次有效',
  },
} as const

const SECURITY: Record<RouteAuth, Json[]> = {
  public: [],
  bearer: [{ bearer: [] }],
  // No token, or a valid one
  optional: [{}, { bearer: [] }],
  department: [{ departmentSignature: [] }],
}

/** What a success reply is, by status (@fastify/swagger says "Default Response" when a schema has no description) */
const SUCCESS: Record<string, string> = { '200': '成功', '201': '已创建', '204': '成功，无内容' }

/** Reply headers, described once (components.headers) */
export const HEADERS = {
  RequestId: { description: '请求编号（错误答复的 requestId 即此值），报告问题时提供', schema: { type: 'string' } },
  RateLimitLimit: { description: '本时间窗口内允许的请求数', schema: { type: 'integer' } },
  RateLimitRemaining: { description: '本时间窗口内剩余的请求数', schema: { type: 'integer' } },
  RateLimitReset: { description: '距本时间窗口重置的秒数', schema: { type: 'integer' } },
} as const
const HEADER_REFS = {
  requestId: { $ref: '#/components/headers/RequestId' },
} as const
const RATE_LIMIT_HEADERS = {
  'x-ratelimit-limit': { $ref: '#/components/headers/RateLimitLimit' },
  'x-ratelimit-remaining': { $ref: '#/components/headers/RateLimitRemaining' },
  'x-ratelimit-reset': { $ref: '#/components/headers/RateLimitReset' },
}

const ENVELOPE_REF = '#/components/schemas/ErrorEnvelope'
/** The example request id in every error example */
const EXAMPLE_REQUEST_ID = 'req-7f3a9c2e41d0'

/** The example of one error code: its zh-CN message, as the BFF answers it. */
export function errorExample(code: ErrorCode): Json {
  const value: Json = { code, message: errorMessage(code), requestId: EXAMPLE_REQUEST_ID }
  if (code === 'VALIDATION_FAILED') value.details = [{ path: 'body.contact', message: '手机号码格式不正确' }]
  return value
}

function errorResponse(codes: ErrorCode[]): Json {
  const headers: Json = {}
  if (codes.some((c) => ERROR_STATUS[c] === 429 || c === 'OVERLOADED'))
    headers['retry-after'] = { description: '多少秒后可以重试', schema: { type: 'integer' } }
  return {
    description: `错误码：${codes.join('、')}`,
    ...(Object.keys(headers).length ? { headers } : {}),
    content: {
      'application/json': {
        schema: {
          allOf: [
            { $ref: ENVELOPE_REF },
            { type: 'object', properties: { code: { type: 'string', enum: codes } }, required: ['code'] },
          ],
        },
        examples: Object.fromEntries(
          codes.map((c) => [c, { summary: errorMessage(c), value: errorExample(c) }] as const),
        ),
      },
    },
  }
}

/** Error codes by HTTP status, for one route. */
export function errorsByStatus(contract: RouteContract): Map<number, ErrorCode[]> {
  const byStatus = new Map<number, ErrorCode[]>()
  for (const code of routeErrorCodes(contract)) {
    const status = ERROR_STATUS[code]
    // A status the route answers with its own reply (the readiness probe's 503) keeps that reply.
    if (contract.responses[status] && contract.responses[status] !== ErrorEnvelopeSchema) continue
    byStatus.set(status, [...(byStatus.get(status) ?? []), code])
  }
  return byStatus
}

function finishOperation(op: Operation, { operationId, contract }: NamedContract) {
  op.operationId = operationId
  if (contract.deprecated) {
    op.deprecated = true
    op.description = `已弃用（${contract.deprecated.since} 起），${contract.deprecated.sunset} 停止服务：见 docs/api.md 的版本与退役`
  }
  const auth = routeAuth(contract)
  op.security = SECURITY[auth]
  // The Authorization header is the security scheme's, not a parameter of its own.
  if (op.parameters) {
    op.parameters = op.parameters.filter((p) => !(p.in === 'header' && p.name === 'authorization'))
    if (op.parameters.length === 0) delete op.parameters
  }
  const ex = contract.examples
  for (const p of op.parameters ?? []) {
    const value = p.in === 'path' ? ex?.params?.[p.name] : p.in === 'query' ? ex?.query?.[p.name] : undefined
    if (value !== undefined) p.example = value
  }
  for (const [status, response] of Object.entries(op.responses))
    if (response.description === 'Default Response') response.description = SUCCESS[status] ?? '成功'
  const body = op.requestBody?.content['application/json']
  if (body && ex?.body !== undefined) body.example = ex.body
  for (const [status, example] of Object.entries(ex?.responses ?? {})) {
    const media = op.responses[status]?.content?.['application/json']
    if (media) media.example = example
  }
  // Every error status: the envelope, the codes it can carry, an example of each; a declared one absent from the
  // route's codes is an error of the contract (the coverage test names it), and stays as declared.
  for (const [status, codes] of errorsByStatus(contract)) op.responses[String(status)] = errorResponse(codes)
  // Every reply names its request; the replies of a rate-limited route (all but the probes) report the limit.
  const headers = { 'x-request-id': HEADER_REFS.requestId, ...(contract.tag === 'system' ? {} : RATE_LIMIT_HEADERS) }
  for (const response of Object.values(op.responses)) response.headers = { ...(response.headers as Json), ...headers }
  // A conditional GET: its 200 and its 304 (no body) both carry the ETag a client sends back in If-None-Match.
  if (contract.etag)
    for (const status of ['200', '304']) {
      const response = op.responses[status]
      if (!response) continue
      response.headers = {
        etag: { description: contract.etag, required: true, schema: { type: 'string' } },
        ...(response.headers as Json),
      }
      if (status === '304') delete response.content
    }
}

/** Finishes the document @fastify/swagger built: operation ids, security, errors and examples from the contracts. */
export function finishDocument(doc: OpenApiObject, contracts: NamedContract[] = namedContracts()): OpenApiObject {
  const envelope = z.toJSONSchema(ErrorEnvelopeSchema, { io: 'output' }) as Json
  delete envelope.$schema
  doc.components = {
    ...doc.components,
    schemas: { ...doc.components?.schemas, ErrorEnvelope: envelope },
    securitySchemes: SECURITY_SCHEMES,
    headers: HEADERS,
  }
  for (const named of contracts) {
    const op = doc.paths[named.contract.path.replace(/:(\w+)/g, '{$1}')]?.[named.contract.method.toLowerCase()]
    if (op) finishOperation(op, named)
  }
  return doc
}

// What the served OpenAPI document says of each operation, from its contract: its id (the contract's name), who may
// call it, and every error it can answer — the one envelope, the codes each status carries, an example of each.
import {
  bffContracts,
  ERROR_STATUS,
  ErrorEnvelopeSchema,
  type RouteContract,
  routeAuth,
  routeErrorCodes,
} from '@ysx/shared'
import { documentPath, type OpenApiDocument, servedDocument } from './served-document'

let doc: OpenApiDocument
beforeAll(async () => {
  doc = await servedDocument()
})

const contracts = Object.entries(bffContracts).flatMap(([group, cs]) =>
  Object.entries(cs as Record<string, RouteContract>).map(([name, c]) => ({ group, name, c })),
)
const opOf = (c: RouteContract) => doc.paths[documentPath(c.path)]![c.method.toLowerCase()]!

test('every operation’s id is its contract’s name in bffContracts (group + name), unique', () => {
  const ids = contracts.map(({ c }) => opOf(c).operationId)
  expect(ids).toContain('walletList')
  expect(ids).toContain('healthCodeAddFamily')
  expect(ids).toEqual(contracts.map(({ group, name }) => group + name[0]!.toUpperCase() + name.slice(1)))
  expect(new Set(ids).size).toBe(ids.length)
})

test('every operation declares its security: bearer, none for public ones, the signature for the 卫健 callback', () => {
  const bySecurity = (s: unknown) => contracts.filter(({ c }) => JSON.stringify(opOf(c).security) === s).length
  expect(contracts.every(({ c }) => Array.isArray(opOf(c).security))).toBe(true)
  expect(opOf(bffContracts.wallet.list).security).toEqual([{ bearer: [] }])
  expect(opOf(bffContracts.presentation.verify).security).toEqual([])
  expect(opOf(bffContracts.feedback.create).security).toEqual([{}, { bearer: [] }])
  expect(opOf(bffContracts.healthCode.testResultNotice).security).toEqual([{ departmentSignature: [] }])
  expect(bySecurity('[{"bearer":[]}]') + bySecurity('[]') + bySecurity('[{},{"bearer":[]}]')).toBe(contracts.length - 1)
  // The token travels in the scheme, not as a header parameter of its own.
  expect(
    contracts.filter(({ c }) => opOf(c).parameters?.some((p) => p.in === 'header' && p.name === 'authorization')),
  ).toEqual([])
})

test('every error status a contract declares carries at least one of the route’s codes', () => {
  const uncovered = contracts.flatMap(({ group, name, c }) => {
    const statuses = new Set<number>(routeErrorCodes(c).map((code) => ERROR_STATUS[code]))
    return Object.entries(c.responses)
      .filter(([status, schema]) => Number(status) >= 400 && schema === ErrorEnvelopeSchema)
      .filter(([status]) => !statuses.has(Number(status)))
      .map(([status]) => `${group}.${name}: ${status}`)
  })
  expect(uncovered).toEqual([])
})

test('every code a route can answer is documented under its status with the envelope, its code and an example', () => {
  const problems = contracts.flatMap(({ group, name, c }) => {
    const op = opOf(c)
    return routeErrorCodes(c).flatMap((code) => {
      const status = String(ERROR_STATUS[code])
      if (c.responses[Number(status)] && c.responses[Number(status)] !== ErrorEnvelopeSchema) return []
      const media = op.responses[status]?.content?.['application/json'] as
        | { schema: { allOf: [{ $ref: string }, { properties: { code: { enum: string[] } } }] }; examples: object }
        | undefined
      const ok =
        media?.schema.allOf[0].$ref === '#/components/schemas/ErrorEnvelope' &&
        media.schema.allOf[1].properties.code.enum.includes(code) &&
        op.responses[status]!.description.includes(code) &&
        (media.examples as Record<string, { value: { code: string } }>)[code]?.value.code === code
      return ok ? [] : [`${group}.${name}: ${status} ${code}`]
    })
  })
  expect(problems).toEqual([])
})

test('a route’s codes follow its shape: input → 400, body → 413 and 415, token → 401, all but probes → 429', () => {
  expect(routeErrorCodes(bffContracts.feedback.create)).toEqual(
    expect.arrayContaining(['VALIDATION_FAILED', 'BAD_REQUEST', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE']),
  )
  expect(routeErrorCodes(bffContracts.feedback.create)).not.toContain('AUTH_REQUIRED')
  expect(routeErrorCodes(bffContracts.feedback.create)).toContain('AUTH_TOKEN_EXPIRED')
  expect(routeErrorCodes(bffContracts.wallet.list)).toEqual(
    expect.arrayContaining(['AUTH_REQUIRED', 'REAL_NAME_REQUIRED', 'RATE_LIMITED', 'INTERNAL']),
  )
  expect(routeErrorCodes(bffContracts.wallet.list)).not.toContain('VALIDATION_FAILED')
  expect(routeErrorCodes(bffContracts.system.health)).toEqual(['INTERNAL'])
  expect(routeAuth(bffContracts.auth.login)).toBe('public')
  expect(routeAuth(bffContracts.auth.me)).toBe('bearer')
})

test('the document names its servers, license, contact, and every tag an operation uses with a description', () => {
  expect(doc.servers).toEqual([expect.objectContaining({ url: expect.stringMatching(/^https?:\/\//) })])
  expect(doc.info).toMatchObject({ license: { name: 'MIT' }, contact: { name: expect.any(String) } })
  const used = new Set(contracts.map(({ c }) => c.tag))
  const described = new Set((doc.tags ?? []).filter((t) => t.description).map((t) => t.name))
  expect([...used].filter((t) => !described.has(t))).toEqual([])
})

test('every reply documents x-request-id, and every reply of a rate-limited route (all but the probes) its limit', () => {
  const missing = contracts.flatMap(({ group, name, c }) =>
    Object.entries(opOf(c).responses).flatMap(([status, r]) => {
      const headers = Object.keys((r as { headers?: object }).headers ?? {})
      const wanted = ['x-request-id', ...(c.tag === 'system' ? [] : ['x-ratelimit-limit', 'x-ratelimit-remaining'])]
      return wanted.filter((h) => !headers.includes(h)).map((h) => `${group}.${name} ${status}: ${h}`)
    }),
  )
  expect(missing).toEqual([])
  expect(Object.keys(opOf(bffContracts.system.health).responses['200']!)).toContain('headers')
  expect(doc.components).toMatchObject({ headers: { RateLimitReset: { schema: { type: 'integer' } } } })
})

test('a conditional GET documents its ETag on the 200 and on the 304, which has no body', () => {
  const conditional = contracts.filter(({ c }) => c.etag)
  expect(conditional.map(({ group, name }) => `${group}.${name}`)).toEqual(['healthCode.code'])
  const { responses } = opOf(bffContracts.healthCode.code)
  const ok = responses['200'] as { headers?: Record<string, unknown>; content?: object }
  const notModified = responses['304'] as { headers?: Record<string, unknown>; content?: object }
  expect(ok.headers?.etag).toEqual({
    description: bffContracts.healthCode.code.etag,
    required: true,
    schema: { type: 'string' },
  })
  expect(notModified.headers?.etag).toEqual(ok.headers?.etag)
  expect(notModified.content).toBeUndefined()
  expect(ok.content).toHaveProperty(['application/json'])
  // The phone's ETag goes back as a documented request header.
  expect(opOf(bffContracts.healthCode.code).parameters).toContainEqual(
    expect.objectContaining({ in: 'header', name: 'if-none-match' }),
  )
})

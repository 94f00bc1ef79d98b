// Every contract carries examples of what it takes and answers (a citizen's requests, in Chinese), each one valid
// against the contract's own schema, and the served OpenAPI document shows them (/docs renders them).
import { isDeepStrictEqual } from 'node:util'
import { z } from '@ysx/shared/z'
import { bffContracts, type RouteContract } from '@ysx/shared'
import { documentPath, type OpenApiDocument, servedDocument } from './served-document'

const contracts = Object.entries(bffContracts).flatMap(([group, cs]) =>
  Object.entries(cs as Record<string, RouteContract>).map(([name, c]) => ({ id: `${group}.${name}`, c })),
)
/** The statuses a route answers with a body of its own (not the error envelope, not 204's empty reply). */
const successStatuses = (c: RouteContract) =>
  Object.entries(c.responses)
    .filter(([status, schema]) => Number(status) < 400 && !(schema instanceof z.ZodNull))
    .map(([status]) => Number(status))

test('every contract has an example of each part of its request and of each reply it answers with a body', () => {
  const missing = contracts.flatMap(({ id, c }) => {
    const ex = c.examples ?? {}
    return [
      ...(c.params && !ex.params ? [`${id}: params`] : []),
      ...(c.query && !ex.query ? [`${id}: query`] : []),
      ...(c.body && ex.body === undefined ? [`${id}: body`] : []),
      ...successStatuses(c)
        .filter((s) => ex.responses?.[s] === undefined)
        .map((s) => `${id}: ${s} reply`),
    ]
  })
  expect(contracts.length).toBeGreaterThan(40)
  expect(missing).toEqual([])
})

test('every example is valid against its contract’s schema (params, query, body, each reply)', () => {
  const invalid = contracts.flatMap(({ id, c }) => {
    const ex = c.examples ?? {}
    const check = (what: string, schema: z.ZodType | undefined, value: unknown) => {
      if (value === undefined) return []
      if (!schema) return [`${id}: ${what} example for a part the contract does not take`]
      const r = schema.safeParse(value)
      return r.success ? [] : [`${id}: ${what} ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`)}`]
    }
    return [
      ...check('params', c.params, ex.params),
      ...check('query', c.query, ex.query),
      ...check('body', c.body, ex.body),
      ...Object.entries(ex.responses ?? {}).flatMap(([s, v]) => check(`${s} reply`, c.responses[Number(s)], v)),
    ]
  })
  expect(invalid).toEqual([])
})

test('an example that breaks its schema is caught (a number where the card number’s string belongs, a missing field)', () => {
  const wallet = bffContracts.wallet.list
  const card = (wallet.examples.responses[200] as { cards: object[] }).cards[0]
  expect(wallet.responses[200].safeParse({ cards: [card], unavailableFrom: [] }).success).toBe(true)
  expect(wallet.responses[200].safeParse({ cards: [{ ...card, number: 12 }], unavailableFrom: [] }).success).toBe(false)
  expect(wallet.responses[200].safeParse({ cards: [card] }).success).toBe(false)
})

describe('the served document shows the examples', () => {
  let doc: OpenApiDocument
  beforeAll(async () => {
    doc = await servedDocument()
  })

  test('each request body, path parameter, query parameter and reply carries its contract’s example', () => {
    const absent = contracts.flatMap(({ id, c }) => {
      const op = doc.paths[documentPath(c.path)]![c.method.toLowerCase()]!
      const ex = c.examples ?? {}
      const param = (where: string, name: string) => op.parameters?.find((p) => p.in === where && p.name === name)
      return [
        ...(ex.body !== undefined && !isDeepStrictEqual(op.requestBody?.content['application/json']?.example, ex.body)
          ? [`${id}: body`]
          : []),
        ...Object.entries(ex.params ?? {})
          .filter(([name, v]) => param('path', name)?.example !== v)
          .map(([name]) => `${id}: path ${name}`),
        ...Object.entries(ex.query ?? {})
          .filter(([name, v]) => param('query', name)?.example !== v)
          .map(([name]) => `${id}: query ${name}`),
        ...Object.entries(ex.responses ?? {})
          .filter(([s, v]) => !isDeepStrictEqual(op.responses[s]?.content?.['application/json']?.example, v))
          .map(([s]) => `${id}: ${s} reply`),
      ]
    })
    expect(absent).toEqual([])
  })

  test('a citizen’s request reads as one: the feedback example is in Chinese', () => {
    const op = doc.paths['/v1/feedback']!.post!
    expect(op.requestBody?.content['application/json']?.example).toMatchObject({
      content: expect.stringMatching(/公积金/),
    })
  })
})

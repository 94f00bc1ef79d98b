// Retiring a route: a deprecated contract's replies carry Deprecation (RFC 9745), Sunset (RFC 8594) and a Link to the
// docs, and the OpenAPI document marks its operation deprecated; other routes, and every BFF route today, carry none.
import { z } from '@ysx/shared/z'
import { bffContracts, defineContracts } from '@ysx/shared'
import Fastify from 'fastify'
import deprecation from '../../src/platform/plugins/deprecation'
import { finishDocument, namedContracts, type OpenApiObject } from '../../src/platform/plugins/openapi-document'
import { build } from '../helper'

const contracts = {
  old: defineContracts({
    list: {
      method: 'GET',
      path: '/v1/things',
      summary: '旧的列表',
      tag: 'system',
      responses: { 200: z.object({ ok: z.boolean() }) },
      deprecated: { since: '2027-01-01', sunset: '2028-01-01' },
    },
    current: { method: 'GET', path: '/v2/things', summary: '新的列表', tag: 'system', responses: {} },
  }),
}

async function appWith() {
  const app = Fastify()
  await app.register(deprecation, { contracts })
  app.get('/v1/things', async () => ({ ok: true }))
  app.get('/v2/things', async () => ({ ok: true }))
  await app.ready()
  return app
}

test('a deprecated route answers with Deprecation (when, as @unix time), Sunset (HTTP date) and the docs link', async () => {
  const app = await appWith()
  const res = await app.inject({ method: 'GET', url: '/v1/things' })
  await app.close()
  expect(res.statusCode).toBe(200)
  expect(res.headers.deprecation).toBe(`@${Date.UTC(2027, 0, 1) / 1000}`)
  expect(res.headers.sunset).toBe('Sat, 01 Jan 2028 00:00:00 GMT')
  expect(res.headers.link).toBe('</docs>; rel="deprecation"; type="text/html"')
})

test('a route that is not deprecated carries none of those headers', async () => {
  const app = await appWith()
  const res = await app.inject({ method: 'GET', url: '/v2/things' })
  await app.close()
  expect(res.headers).not.toHaveProperty('deprecation')
  expect(res.headers).not.toHaveProperty('sunset')
})

test('the document marks the deprecated operation, with its sunset date, and leaves the other alone', () => {
  const op = () => ({ responses: {} })
  const doc: OpenApiObject = { paths: { '/v1/things': { get: op() }, '/v2/things': { get: op() } } }
  finishDocument(doc, namedContracts(contracts))
  expect(doc.paths['/v1/things']!.get).toMatchObject({
    deprecated: true,
    description: expect.stringContaining('2028-01-01'),
  })
  expect(doc.paths['/v2/things']!.get).not.toHaveProperty('deprecated')
})

test('today no BFF contract is deprecated, and the BFF sends no Deprecation header', async () => {
  const deprecated = Object.values(bffContracts).flatMap((g) => Object.values(g).filter((c) => 'deprecated' in c))
  expect(deprecated).toEqual([])
  const { app } = await build()
  const res = await app.inject({ method: 'GET', url: '/v1/auth/config' })
  await app.close()
  expect(res.statusCode).toBe(200)
  expect(res.headers).not.toHaveProperty('deprecation')
})

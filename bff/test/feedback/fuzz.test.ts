// Arbitrary input never breaks the BFF: no 5xx, no stack trace, no prototype pollution, nothing half-written.
import fc from 'fast-check'
import { build, STACK_TRACE, type TestApp } from '../helper'

let t: TestApp
beforeAll(async () => {
  t = await build({ rateLimit: { max: 1_000_000, windowMs: 60_000 } })
})
afterAll(async () => t.app.close())

const jsonish = fc.oneof(
  fc.jsonValue(),
  fc.record(
    {
      category: fc.oneof(fc.constantFrom('suggestion', 'bug', 'complaint', 'praise'), fc.string()),
      content: fc.oneof(fc.string(), fc.string({ minLength: 5, maxLength: 600 }), fc.integer()),
      contact: fc.oneof(fc.string(), fc.stringMatching(/^1[3-9]\d{9}$/), fc.constant(null)),
    },
    { requiredKeys: [] },
  ),
  fc.constant({ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }),
)

test('2,000 arbitrary feedback bodies get 2xx or 4xx, never 5xx or a stack trace', async () => {
  await fc.assert(
    fc.asyncProperty(jsonish, async (payload) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/v1/feedback',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(payload),
      })
      expect(res.statusCode).toBeLessThan(500)
      expect(res.body).not.toMatch(STACK_TRACE)
      if (res.statusCode >= 400) expect(res.json()).toHaveProperty('code')
    }),
    { numRuns: 2000 },
  )
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
})

test('arbitrary path segments and query strings never produce a 5xx', async () => {
  await fc.assert(
    fc.asyncProperty(fc.webSegment(), fc.webQueryParameters(), async (segment, query) => {
      const res = await t.app.inject({ method: 'GET', url: `/v1/feedback/${segment}?${query}` })
      expect(res.statusCode).toBeLessThan(500)
    }),
    { numRuns: 1000 },
  )
})

// Accept-Language on the BFF: error messages in zh-CN, zh-HK or English from the one catalogue, traditional Chinese
// tags read as zh-HK, and Content-Language (with Vary) on API replies and every error envelope.
import { catalogues, ErrorEnvelopeSchema } from '@ysx/shared'
import { build, type TestApp } from '../helper'

let t: TestApp
beforeAll(async () => {
  t = await build()
})
afterAll(async () => {
  await t.app.close()
})

const unknownRoute = (acceptLanguage?: string) =>
  t.app.inject({
    method: 'GET',
    url: '/v1/no-such-route',
    headers: acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage },
  })

test.each([
  ['no header', undefined, 'zh-CN'],
  ['zh-CN', 'zh-CN', 'zh-CN'],
  ['zh-HK', 'zh-HK', 'zh-HK'],
  ['zh-TW (traditional)', 'zh-TW', 'zh-HK'],
  ['zh-MO (traditional)', 'zh-MO,en;q=0.5', 'zh-HK'],
  ['zh-Hant', 'zh-Hant', 'zh-HK'],
  ['en-GB', 'en-GB,en;q=0.9', 'en'],
  ['an unsupported language', 'fr-FR', 'zh-CN'],
] as const)(
  'an error envelope for %s is written in %s and says so in Content-Language',
  async (_what, header, locale) => {
    const res = await unknownRoute(header)
    const body = ErrorEnvelopeSchema.parse(res.json())
    expect(res.statusCode).toBe(404)
    expect(body).toMatchObject({ code: 'ROUTE_NOT_FOUND', message: catalogues[locale].errors.ROUTE_NOT_FOUND })
    expect(res.headers['content-language']).toBe(locale)
    expect(String(res.headers.vary)).toMatch(/Accept-Language/)
  },
)

test('a validation failure answers in English for an English reader, with the field details unchanged', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/v1/feedback',
    headers: { 'accept-language': 'en-US', 'content-type': 'application/json' },
    payload: { category: 'nonsense' },
  })
  const body = ErrorEnvelopeSchema.parse(res.json())
  expect(body.code).toBe('VALIDATION_FAILED')
  expect(body.message).toBe(catalogues.en.errors.VALIDATION_FAILED)
  expect(body.details?.map((d) => d.path)).toContain('body.category')
  expect(res.headers['content-language']).toBe('en')
})

test('a reply outside the API (the liveness probe) carries no Content-Language', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'accept-language': 'en' } })
  expect(res.statusCode).toBe(200)
  expect(res.headers['content-language']).toBeUndefined()
})

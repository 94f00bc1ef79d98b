// 意见反馈 through the BFF: receipts, validation with field paths, body limits, and nothing half-written.
import { readFileSync } from 'node:fs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ErrorEnvelopeSchema, FeedbackReceiptSchema } from '@ysx/shared'
import { openDataStore } from '../../src/store'
import { build, STACK_TRACE, type TestApp } from '../helper'

let t: TestApp
beforeAll(async () => {
  t = await build()
})
afterAll(async () => t.app.close())

const valid = { category: 'suggestion', content: '希望增加公积金提取进度查询', contact: '13812345678' }

const post = (payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/v1/feedback', payload: payload as object, headers })

describe('submitting feedback', () => {
  test('answers 201 with a receipt whose contact phone is masked', async () => {
    const res = await post(valid)
    expect(res.statusCode).toBe(201)
    const receipt = FeedbackReceiptSchema.parse(res.json())
    expect(receipt).toMatchObject({ category: 'suggestion', status: 'received', contact: '138****5678' })
    expect(res.body).not.toContain('13812345678')
  })

  test('the receipt can be looked up by its id', async () => {
    const created = (await post(valid)).json()
    const res = await t.app.inject({ method: 'GET', url: `/v1/feedback/${created.id}` })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual(created)
  })

  test('an unknown receipt id gets 404 NOT_FOUND', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/feedback/6f1d3c1e-2b7a-4c55-9a11-0d3f2e4b5c6d' })
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('NOT_FOUND')
  })

  test('a malformed receipt id gets 400 VALIDATION_FAILED at params.id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/feedback/not-a-uuid' })
    expect(res.statusCode).toBe(400)
    expect(res.json().details[0].path).toBe('params.id')
  })
})

describe('bad input is a 4xx with the failing field, and changes nothing', () => {
  test.each([
    ['an invalid phone', { ...valid, contact: '12345' }, 'body.contact'],
    ['a too-short content', { ...valid, content: '短' }, 'body.content'],
    ['an unknown category', { ...valid, category: 'spam' }, 'body.category'],
    ['a missing content', { category: 'bug' }, 'body.content'],
  ])('%s → 400 VALIDATION_FAILED naming %s', async (_what, payload, fieldPath) => {
    const res = await post(payload)
    expect(res.statusCode).toBe(400)
    const body = ErrorEnvelopeSchema.parse(res.json())
    expect(body.code).toBe('VALIDATION_FAILED')
    expect(body.details?.map((d) => d.path)).toContain(fieldPath)
    expect(res.body).not.toMatch(STACK_TRACE)
  })

  test('an extra field (mass assignment of status) is rejected, not persisted', async () => {
    const res = await post({ ...valid, status: 'closed' })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('VALIDATION_FAILED')
  })

  test('invalid JSON → 400 BAD_REQUEST', async () => {
    const res = await post('{"category": ', { 'content-type': 'application/json' })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('BAD_REQUEST')
    expect(res.body).not.toMatch(STACK_TRACE)
  })

  test('a body over the limit → 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await post({ ...valid, content: '字'.repeat(40_000) })
    expect(res.statusCode).toBe(413)
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE')
  })

  test('a non-JSON content type → 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await post('category=bug', { 'content-type': 'application/x-www-form-urlencoded' })
    expect(res.statusCode).toBe(415)
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })
})

describe('privacy at rest', () => {
  test('the contact phone is not stored in plaintext in the SQLite file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ysx-bff-'))
    const dbFile = path.join(dir, 'bff.sqlite')
    const onDisk = await build({ dbFile })
    const res = await onDisk.app.inject({
      method: 'POST',
      url: '/v1/feedback',
      payload: { ...valid, contact: '13987654321' },
    })
    expect(res.statusCode).toBe(201)
    await onDisk.app.close()
    const bytes =
      readFileSync(dbFile).toString('latin1') +
      (() => {
        try {
          return readFileSync(`${dbFile}-wal`).toString('latin1')
        } catch {
          return ''
        }
      })()
    expect(bytes).toContain('139****4321')
    expect(bytes).not.toContain('13987654321')
  })
})

describe('internal failures', () => {
  test('a storage failure answers 500 INTERNAL with a generic message and no internals', async () => {
    const store = openDataStore(':memory:')
    const broken = await build(
      {},
      {
        store: {
          ...store,
          repos: {
            ...store.repos,
            feedback: {
              ...store.repos.feedback,
              insert: async () => {
                throw new Error('SQLITE_IOERR at /var/lib/ysx/bff.sqlite')
              },
            },
          },
        },
      },
    )
    try {
      const res = await broken.app.inject({ method: 'POST', url: '/v1/feedback', payload: valid })
      expect(res.statusCode).toBe(500)
      const body = ErrorEnvelopeSchema.parse(res.json())
      expect(body.code).toBe('INTERNAL')
      expect(res.body).not.toMatch(/SQLITE|\/var\/lib/)
      expect(res.body).not.toMatch(STACK_TRACE)
      expect(broken.logs.join('\n')).toMatch(/SQLITE_IOERR/) // operators still see the cause
    } finally {
      await broken.app.close()
    }
  })
})

// 意见反馈 through the BFF: receipts, validation with field paths, body limits, and nothing half-written. The app keeps
// its database in a file, so each test counts the rows it wrote (or did not) whatever ran before it.
import { readFileSync } from 'node:fs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { catalogues, DEFAULT_LOCALE, ErrorEnvelopeSchema, FeedbackReceiptSchema } from '@ysx/shared'
import BetterSqlite3 from 'better-sqlite3'
import { openTestStore } from '../support/databases'
import { build, STACK_TRACE, type TestApp } from '../helper'

/** Load shedding off: on a busy machine a 503 OVERLOADED would stand in for the answers these tests are about. */
const CALM = { maxEventLoopDelayMs: 600_000 }

let t: TestApp
let dbFile: string
beforeAll(async () => {
  dbFile = path.join(mkdtempSync(path.join(tmpdir(), 'ysx-feedback-')), 'bff.sqlite')
  t = await build({ ...CALM, dbFile })
})
afterAll(async () => t.app.close())

/** Feedback rows in the app's database file */
function rows(): number {
  const db = new BetterSqlite3(dbFile, { readonly: true })
  try {
    return (db.prepare('select count(*) as n from feedback').get() as { n: number }).n
  } finally {
    db.close()
  }
}

const valid = { category: 'suggestion', content: '希望增加公积金提取进度查询', contact: '13812345678' }

const post = (payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/v1/feedback', payload: payload as object, headers })

describe('submitting feedback', () => {
  test('answers 201 with a receipt whose contact phone is masked, and stores one row', async () => {
    const before = rows()
    const res = await post(valid)
    expect(res.statusCode).toBe(201)
    const receipt = FeedbackReceiptSchema.parse(res.json())
    expect(receipt).toMatchObject({ category: 'suggestion', status: 'received', contact: '138****5678' })
    expect(res.body).not.toContain('13812345678')
    expect(rows()).toBe(before + 1)
  })

  test('the receipt can be looked up by its id', async () => {
    const created = (await post(valid)).json()
    const res = await t.app.inject({ method: 'GET', url: `/v1/feedback/${created.id}` })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual(created)
  })

  test('an unknown receipt id gets 404 NOT_FOUND', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/feedback/6f1d3c1e-2b7a-4c55-9a11-0d3f2e4b5c6d' })
    expect([res.statusCode, res.json().code]).toEqual([404, 'NOT_FOUND'])
  })

  test('a malformed receipt id gets 400 VALIDATION_FAILED at params.id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/feedback/not-a-uuid' })
    expect([res.statusCode, res.json().code]).toEqual([400, 'VALIDATION_FAILED'])
    expect(res.json().details.map((d: { path: string }) => d.path)).toEqual(['params.id'])
  })
})

describe('bad input is a 4xx with the failing field, and changes nothing', () => {
  test.each([
    { what: 'an invalid phone', payload: { ...valid, contact: '12345' }, field: 'body.contact' },
    { what: 'a too-short content', payload: { ...valid, content: '短' }, field: 'body.content' },
    { what: 'an unknown category', payload: { ...valid, category: 'spam' }, field: 'body.category' },
    { what: 'a missing content', payload: { category: 'bug' }, field: 'body.content' },
  ])('$what → 400 VALIDATION_FAILED naming $field alone, and no row', async ({ payload, field }) => {
    const before = rows()
    const res = await post(payload)
    expect(res.statusCode).toBe(400)
    const body = ErrorEnvelopeSchema.parse(res.json())
    expect(body.code).toBe('VALIDATION_FAILED')
    expect(body.details?.map((d) => d.path)).toEqual([field])
    expect(res.body).not.toMatch(STACK_TRACE)
    expect(rows()).toBe(before)
  })

  test('an extra field (mass assignment of status) is rejected, not persisted', async () => {
    const before = rows()
    const res = await post({ ...valid, status: 'closed' })
    expect([res.statusCode, res.json().code]).toEqual([400, 'VALIDATION_FAILED'])
    expect(rows()).toBe(before)
  })

  test('invalid JSON → 400 BAD_REQUEST, and no row', async () => {
    const before = rows()
    const res = await post('{"category": ', { 'content-type': 'application/json' })
    expect([res.statusCode, res.json().code]).toEqual([400, 'BAD_REQUEST'])
    expect(res.body).not.toMatch(STACK_TRACE)
    expect(rows()).toBe(before)
  })

  test('a body over the limit → 413 PAYLOAD_TOO_LARGE, and no row', async () => {
    const before = rows()
    const res = await post({ ...valid, content: '字'.repeat(40_000) })
    expect([res.statusCode, res.json().code]).toEqual([413, 'PAYLOAD_TOO_LARGE'])
    expect(rows()).toBe(before)
  })

  test('a non-JSON content type → 415 UNSUPPORTED_MEDIA_TYPE, and no row', async () => {
    const before = rows()
    const res = await post('category=bug', { 'content-type': 'application/x-www-form-urlencoded' })
    expect([res.statusCode, res.json().code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE'])
    expect(rows()).toBe(before)
  })
})

describe('privacy at rest', () => {
  test('the contact phone is not stored in plaintext in the SQLite file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ysx-bff-'))
    const dbFile = path.join(dir, 'bff.sqlite')
    const onDisk = await build({ ...CALM, dbFile })
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
    const store = await openTestStore()
    const broken = await build(CALM, {
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
    })
    try {
      const res = await broken.app.inject({ method: 'POST', url: '/v1/feedback', payload: valid })
      expect(res.statusCode).toBe(500)
      const body = ErrorEnvelopeSchema.parse(res.json())
      expect(body.code).toBe('INTERNAL')
      expect(body.message).toBe(catalogues[DEFAULT_LOCALE].errors.INTERNAL)
      expect(res.body).not.toMatch(/SQLITE|\/var\/lib/)
      expect(res.body).not.toMatch(STACK_TRACE)
      expect(broken.logs.join('\n')).toMatch(/SQLITE_IOERR/) // operators still see the cause
    } finally {
      await broken.app.close()
    }
  })
})

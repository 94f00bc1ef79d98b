// Log privacy: ID numbers, phones, names and tokens that arrive with a request never reach a log line in full.
import { redactByKey } from '../../src/platform/logger'
import { build } from '../helper'

const ID = '44010619900307116X' // a valid GB 11643 number (check digit X)
const PHONE = '13712345678'

test('an ID number carried in the URL, a header, the body and an error leaves no full copy in any log line', async () => {
  const t = await build({ logLevel: 'trace' })
  try {
    await t.app.inject({ method: 'GET', url: `/v1/nope?idNumber=${ID}&phone=${PHONE}` })
    await t.app.inject({ method: 'GET', url: `/v1/feedback/${ID}` })
    await t.app.inject({
      method: 'POST',
      url: '/v1/feedback',
      headers: { authorization: `Bearer ${ID}`, 'x-id-number': ID },
      payload: { category: 'bug', content: `我的身份证号是 ${ID}，电话 ${PHONE}`, contact: PHONE },
    })
    await t.app.inject({ method: 'POST', url: '/v1/feedback', payload: { category: 'bug', content: ID, idNumber: ID } })
    expect(t.logs.length).toBeGreaterThan(4)
    const joined = t.logs.join('\n')
    expect(joined).not.toContain(ID)
    expect(joined).not.toContain(ID.slice(0, 14))
    expect(joined).not.toContain(PHONE)
    expect(joined).toContain('440***********116X')
  } finally {
    await t.app.close()
  }
})

test('tokens, session keys and names logged by key are redacted', async () => {
  const t = await build({ logLevel: 'trace' })
  try {
    t.app.log.info(
      {
        token: 'secret-token-value',
        session: { refreshToken: 'rt-secret-value', session_key: 'sk-canary' },
        user: { name: '张三丰' },
      },
      'probe',
    )
    const joined = t.logs.join('\n')
    expect(joined).toContain('probe')
    for (const secret of ['secret-token-value', 'rt-secret-value', 'sk-canary', '张三丰'])
      expect(joined).not.toContain(secret)
  } finally {
    await t.app.close()
  }
})

test('a failed database query is logged with the driver’s error and the query, never the query’s parameters', async () => {
  const t = await build({ logLevel: 'trace' })
  try {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_openid_unique"'), {
      code: '23505',
    })
    // What drizzle throws when a query fails (DrizzleQueryError): the SQL, its parameters and the driver's error.
    const failed = Object.assign(new Error('Failed query: insert into "users" values ($1, $2)\nparams: u-1,o-canary'), {
      query: 'insert into "users" values ($1, $2)',
      params: ['u-1', 'o-canary'],
      cause,
    })
    t.app.log.error({ err: failed }, 'request failed')
    const line = t.logs.find((l) => l.includes('request failed'))
    expect(line).toContain('users_openid_unique')
    expect(line).toContain('insert into \\"users\\" values ($1, $2)')
    expect(line).not.toContain('o-canary')
  } finally {
    await t.app.close()
  }
})

test('an ID number or phone in a log message or its arguments is masked before the line is written', async () => {
  const t = await build({ logLevel: 'trace' })
  try {
    t.app.log.warn(`lookup failed for ${ID}`)
    t.app.log.warn({ attempt: 2 }, 'citizen %s, phone %s', ID, PHONE)
    const lines = t.logs.filter((l) => l.includes('lookup failed') || l.includes('citizen'))
    expect(lines).toHaveLength(2)
    const joined = lines.join('\n')
    expect(joined).not.toContain(ID)
    expect(joined).not.toContain(PHONE)
    expect(joined).toContain('440***********116X')
  } finally {
    await t.app.close()
  }
})

test('each request writes one access line when answered: its id, method, scrubbed URL, status and time, no token', async () => {
  const t = await build({ logLevel: 'info' })
  try {
    const res = await t.app.inject({
      method: 'GET',
      url: `/v1/nope?idNumber=${ID}`,
      headers: { authorization: 'Bearer canary-token-value', 'x-request-id': 'probe-request-1' },
    })
    expect(res.statusCode).toBe(404)
    const lines = t.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.reqId === 'probe-request-1')
    const access = lines.filter((l) => l.msg === 'request completed')
    expect(access).toEqual([
      expect.objectContaining({
        level: 30,
        req: expect.objectContaining({ method: 'GET', url: '/v1/nope?idNumber=440***********116X' }),
        res: { statusCode: 404 },
        responseTime: expect.any(Number),
      }),
    ])
    expect(lines.map((l) => l.msg)).not.toContain('incoming request')
    expect(t.logs.join('\n')).not.toContain('canary-token-value')
  } finally {
    await t.app.close()
  }
})

test('redaction by key censors a sensitive key at the top and one level down, in a copy, leaving the logged object as it was', () => {
  const logged = { token: 't', user: { name: '张三', level: 'real_name' }, list: [{ phone: 'p' }], n: 1 }
  const before = structuredClone(logged)
  expect(redactByKey(logged)).toEqual({
    token: '[REDACTED]',
    user: { name: '[REDACTED]', level: 'real_name' },
    list: [{ phone: 'p' }],
    n: 1,
  })
  expect(logged).toEqual(before)
  const clean = { method: 'GET', status: 200, nested: { ok: true } }
  expect(redactByKey(clean)).toBe(clean)
})

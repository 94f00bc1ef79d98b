// Forged and stale access tokens: ≥ 20 kinds × every protected route → 100 % 401.
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto'
import { keyId, TOKEN_AUDIENCE, TOKEN_ISSUER, TOKEN_TYPE } from '@ysx/bff/auth'
import { testConfig } from '@ysx/bff/config'
import { bffContracts, type RouteContract } from '@ysx/shared'
import { startSystem, type TestSystem } from '../support/system'

let sys: TestSystem
let good: { accessToken: string; refreshToken: string }
const secret = testConfig().tokenSecret
const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url')

beforeAll(async () => {
  sys = await startSystem()
  good = await sys.login('forgery-target')
})
afterAll(async () => sys.close())

function sign(header: object, payload: object, key: string | Buffer = secret): string {
  const input = `${b64(header)}.${b64(payload)}`
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`
}

function forgeries(): Record<string, string> {
  const [h, p] = good.accessToken.split('.') as [string, string, string]
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>
  const header = { alg: 'HS256', typ: TOKEN_TYPE, kid: keyId(secret) }
  const now = Math.floor(Date.now() / 1000)
  const publicPem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' })
  return {
    'alg none': `${b64({ alg: 'none', typ: TOKEN_TYPE })}.${p}.`,
    'alg none, upper case': `${b64({ alg: 'NONE', typ: TOKEN_TYPE })}.${p}.`,
    'HS256 signed with a public key': sign(header, claims, publicPem),
    'RS256 claimed, HMAC body': sign({ ...header, alg: 'RS256' }, claims),
    'ES256 claimed': sign({ ...header, alg: 'ES256' }, claims),
    'HS512 with the right secret': (() => {
      const input = `${b64({ ...header, alg: 'HS512' })}.${b64(claims)}`
      return `${input}.${createHmac('sha512', secret).update(input).digest('base64url')}`
    })(),
    'unknown kid': sign({ ...header, kid: 'hs-000000000000' }, claims),
    'no kid': sign({ alg: 'HS256', typ: TOKEN_TYPE }, claims),
    expired: sign(header, { ...claims, iat: now - 3600, exp: now - 1800 }),
    'not yet valid': sign(header, { ...claims, nbf: now + 3600 }),
    'wrong audience': sign(header, { ...claims, aud: 'someone-else' }),
    'wrong issuer': sign(header, { ...claims, iss: 'evil-issuer' }),
    'wrong typ': sign({ ...header, typ: 'JWT' }, claims),
    'no typ': sign({ alg: 'HS256', kid: keyId(secret) }, claims),
    'missing sid': sign(header, { ...claims, sid: undefined }),
    'unknown session': sign(header, { ...claims, sid: randomUUID() }),
    'another subject': sign(header, { ...claims, sub: randomUUID() }),
    'refresh token used as access token': good.refreshToken,
    'empty signature': `${h}.${p}.`,
    'signature of another token': `${h}.${p}.${sign(header, { ...claims, jti: 'x' }).split('.')[2]}`,
    'flipped payload bit': `${h}.${p.slice(0, -2)}${p.at(-2) === 'A' ? 'B' : 'A'}${p.at(-1)}.${good.accessToken.split('.')[2]}`,
    truncated: good.accessToken.slice(0, -5),
    'two segments': `${h}.${p}`,
    garbage: 'not-a-jwt',
    'wrong secret': sign(header, claims, 'a-guess-at-the-secret-0123456789abcdef'),
  }
}

/** The routes that take an access token (the callback routes are signed by a department instead: RFC 9421) */
const protectedRoutes = Object.values(bffContracts)
  .flatMap((group) => Object.values(group) as RouteContract[])
  .filter((c) => c.headers !== undefined && 'authorization' in ((c.headers as { shape?: object }).shape ?? {}))

test('there are protected routes to attack', () => {
  expect(protectedRoutes.length).toBeGreaterThanOrEqual(5)
  expect(Object.keys(forgeries()).length).toBeGreaterThanOrEqual(20)
})

test('every forged or stale token against every protected route gets 401', async () => {
  const outcomes: string[] = []
  for (const [kind, token] of Object.entries(forgeries())) {
    for (const c of protectedRoutes) {
      const url = c.path.replace(/:(\w+)/g, randomUUID())
      const res = await sys.call({ method: c.method, url, headers: { authorization: `Bearer ${token}` } })
      if (res.statusCode !== 401) outcomes.push(`${kind} → ${c.method} ${c.path}: ${res.statusCode}`)
    }
  }
  expect(outcomes).toEqual([])
})

test('each forged or stale token writes exactly one audit record (token.refused), never the token', async () => {
  const { openDataStore } = await import('@ysx/bff/db')
  const audit = async () => {
    const store = openDataStore(sys.dbFile)
    try {
      return await store.repos.audit.list()
    } finally {
      await store.close()
    }
  }
  const wrong: string[] = []
  for (const [kind, token] of Object.entries(forgeries())) {
    const before = (await audit()).length
    const res = await sys.call({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${token}` } })
    const added = (await audit()).slice(before)
    const ok =
      res.statusCode === 401 &&
      added.length === 1 &&
      added[0]!.action === 'token.refused' &&
      added[0]!.outcome === 'failure' &&
      !JSON.stringify(added[0]).includes(token)
    if (!ok) wrong.push(`${kind}: ${res.statusCode}, ${added.map((r) => r.action).join(',') || 'no record'}`)
  }
  expect(wrong).toEqual([])
})

test('the genuine token is accepted, so the forgeries fail for their flaw alone', async () => {
  const res = await sys.call({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${good.accessToken}` } })
  expect(res.statusCode).toBe(200)
})

test('a request without a token gets 401 AUTH_REQUIRED', async () => {
  const res = await sys.call({ method: 'GET', url: '/v1/me' })
  expect(res.statusCode).toBe(401)
  expect(res.json().code).toBe('AUTH_REQUIRED')
})

test('issuer and audience constants are the ones the tokens carry', () => {
  const claims = JSON.parse(Buffer.from(good.accessToken.split('.')[1]!, 'base64url').toString())
  expect(claims).toMatchObject({ iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE })
})

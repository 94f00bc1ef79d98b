// Refused access tokens (bad, expired, forged, of an ended session) and failed refreshes each leave exactly one
// audit record, so a token-guessing or replay attempt shows in the trail; a request with no token is not one.
import { bearer, startSystem, type TestSystem } from '../support/system'

let sys: TestSystem
beforeAll(async () => {
  sys = await startSystem()
})
afterAll(async () => sys.close())

async function auditRows() {
  const { openDataStore } = await import('@ysx/bff/db')
  const store = openDataStore(sys.dbFile)
  try {
    return await store.repos.audit.list()
  } finally {
    await store.close()
  }
}

/** The audit records `act` adds. */
async function recordsOf(act: () => Promise<unknown>) {
  const before = (await auditRows()).length
  await act()
  return (await auditRows()).slice(before)
}

const me = (headers: Record<string, string>) => sys.call({ method: 'GET', url: '/v1/me', headers })
const refresh = (refreshToken: string) =>
  sys.call({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken } })
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')

// Every kind of forged or stale token is also checked one by one in forged-tokens.test.ts.
test('each refused access token (malformed, forged, alg none, raised claims, of an ended session) writes exactly one audit record', async () => {
  const t = await sys.login('token-prober')
  const [h, p, sig] = t.accessToken.split('.') as [string, string, string]
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString())
  const refusals: Record<string, () => Promise<{ statusCode: number }>> = {
    malformed: () => me({ authorization: 'Bearer not a token' }),
    'forged signature': () => me(bearer(`${h}.${p}.${sig.slice(0, -4)}AAAA`)),
    'alg none': () => me(bearer(`${b64({ alg: 'none', typ: 'at+jwt' })}.${p}.`)),
    'raised claims': () => me(bearer(`${h}.${b64({ ...claims, sub: 'someone-else' })}.${sig}`)),
  }
  for (const [attack, send] of Object.entries(refusals)) {
    let status = 0
    const added = await recordsOf(async () => {
      status = (await send()).statusCode
    })
    expect({ attack, status, added: added.map((r) => `${r.action}:${r.outcome}:${r.userId}`) }).toEqual({
      attack,
      status: 401,
      added: ['token.refused:failure:null'],
    })
  }

  // A session that ended: the signature holds, so the record names the account.
  const other = await sys.login('ended-session')
  await sys.call({ method: 'POST', url: '/v1/auth/logout', headers: bearer(other.accessToken) })
  const ended = await recordsOf(() => me(bearer(other.accessToken)))
  expect(ended.map((r) => `${r.action}:${r.outcome}`)).toEqual(['token.refused:failure'])
  expect(ended[0]!.userId).toBeTruthy()
  expect(ended[0]!.reason).not.toContain(other.accessToken)
})

test('a request with no token at all writes no audit record', async () => {
  expect(await recordsOf(() => me({}))).toEqual([])
})

test('each failed refresh (unknown, of a logged-out session, past its idle lifetime) writes exactly one audit record', async () => {
  const unknown = await recordsOf(() => refresh('guessed-refresh-token-0123456789abcdef'))
  expect(unknown.map((r) => `${r.action}:${r.outcome}:${r.reason}:${r.userId}`)).toEqual([
    'refresh:failure:unknown:null',
  ])

  const out = await sys.login('logged-out')
  await sys.call({ method: 'POST', url: '/v1/auth/logout', headers: bearer(out.accessToken) })
  const revoked = await recordsOf(() => refresh(out.refreshToken))
  expect(revoked.map((r) => `${r.action}:${r.outcome}:${r.reason}`)).toEqual(['refresh:failure:revoked'])
  expect(revoked[0]!.userId).toBeTruthy()

  const idle = await sys.login('idle')
  const week = 7 * 24 * 3600 * 1000 + 1000
  sys.advance(week)
  try {
    const expired = await recordsOf(() => refresh(idle.refreshToken))
    expect(expired.map((r) => `${r.action}:${r.outcome}:${r.reason}`)).toEqual(['refresh:failure:expired'])
  } finally {
    sys.advance(-week)
  }
})

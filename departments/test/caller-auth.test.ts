// Attacks on the stand-ins' doors: a caller that is not the platform (no signature, someone else's key, a signature
// lifted onto another path or body, an old one, one sent twice), and an /_admin/ call without an operator's token.
// Every population department of the registry is attacked, not a list.
import {
  CitizenLookupSchema,
  DEPARTMENTS,
  ErrorEnvelopeSchema,
  POPULATION_DEPARTMENT_CODES,
  type PopulationDepartment,
  type RouteContract,
  weijianContracts,
} from '@ysx/shared'
import {
  type BuiltDepartment,
  contentDigest,
  createMessageSigner,
  createSignedFetch,
  createTestCaller,
  person,
} from '../src/harness'
import { loadStandIn } from '../src/stand-ins'
import { CALL_HEADERS, CALLER, OPERATOR, SEED, signedFetch, TRUST } from './helper'

const running = new Map<PopulationDepartment, { dept: BuiltDepartment; base: string }>()
beforeAll(async () => {
  for (const code of POPULATION_DEPARTMENT_CODES) {
    const dept = (await loadStandIn(code)).build({
      dbFile: ':memory:',
      seed: SEED,
      size: 20,
      logLevel: 'silent',
      ...TRUST,
    })
    running.set(code, { dept, base: await dept.app.listen({ host: '127.0.0.1', port: 0 }) })
  }
})
afterAll(async () => Promise.all([...running.values()].map((r) => r.dept.app.close())))

/** Each department's first citizen lookup (POST, ID number in the body), from the registry. */
const lookupOf = (code: PopulationDepartment) =>
  Object.values(DEPARTMENTS[code].contracts as Record<string, RouteContract>).find(
    (c) => c.method === 'POST' && c.body === CitizenLookupSchema,
  )!
const body = JSON.stringify({ idNumber: person(SEED, 1).idNumber })
const codeOf = async (res: Response) => ErrorEnvelopeSchema.parse(await res.json()).code
const accessLogSize = (code: PopulationDepartment) =>
  (running.get(code)!.dept.sqlite.prepare('SELECT count(*) AS n FROM access_log').get() as { n: number }).n

describe.each(POPULATION_DEPARTMENT_CODES)('%s', (code) => {
  const url = () => `${running.get(code)!.base}${lookupOf(code).path}`

  test('an unsigned direct call to its lookup is refused 401 SIGNATURE_REQUIRED and reads nothing', async () => {
    const before = accessLogSize(code)
    const res = await fetch(url(), { method: 'POST', headers: CALL_HEADERS, body })
    expect(res.status).toBe(401)
    expect(await codeOf(res)).toBe('SIGNATURE_REQUIRED')
    expect(accessLogSize(code)).toBe(before)
  })

  test('a call signed with a key the department never registered is refused 401 SIGNATURE_INVALID', async () => {
    const stranger = createTestCaller()
    const res = await stranger.fetch(url(), { method: 'POST', headers: CALL_HEADERS, body })
    expect(res.status).toBe(401)
    expect(await codeOf(res)).toBe('SIGNATURE_INVALID')
  })

  test('the platform’s signed call is served', async () => {
    const res = await signedFetch(url(), { method: 'POST', headers: CALL_HEADERS, body })
    expect(res.status).toBe(200)
  })

  test('an /_admin/ route without an operator token, or with a wrong one, is refused 401 OPERATOR_AUTH_REQUIRED and changes no knob', async () => {
    const faults = `${running.get(code)!.base}/_admin/faults`
    const token = OPERATOR.authorization.slice('Bearer '.length)
    const wrong: Record<string, string>[] = [
      {},
      { authorization: 'Bearer not-a-registered-operator-token-000' },
      { authorization: `Bearer ${token}x` },
      { authorization: `Basic ${token}` },
    ]
    for (const headers of wrong) {
      const res = await fetch(faults, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{"errorRate":1}',
      })
      expect(res.status).toBe(401)
      expect(await codeOf(res)).toBe('OPERATOR_AUTH_REQUIRED')
    }
    expect(running.get(code)!.dept.faults.get().errorRate).toBe(0)
    expect((await fetch(faults, { headers: OPERATOR })).status).toBe(200)
  })
})

describe('a valid signature cannot be reused for something else', () => {
  const gongan = () => running.get('gongan')!.base
  const lookup = '/v1/citizens/lookup'
  /** Signs a call as the platform, then lets the attacker change it before it is sent. */
  async function tampered(change: (m: { url: string; body: string; headers: Record<string, string> }) => void) {
    const signer = createMessageSigner(CALLER.privateJwk)
    const m = { url: `${gongan()}${lookup}`, body, headers: { ...CALL_HEADERS } as Record<string, string> }
    const signature = await signer.sign({ method: 'POST', ...m })
    const sent = { ...m, headers: { ...m.headers, ...signature } }
    change(sent)
    return fetch(sent.url, { method: 'POST', headers: sent.headers, body: sent.body })
  }

  test('another citizen’s ID number in the body under the signature is refused 401 SIGNATURE_INVALID', async () => {
    const res = await tampered((m) => {
      m.body = JSON.stringify({ idNumber: person(SEED, 2).idNumber })
    })
    expect(res.status).toBe(401)
    expect(await codeOf(res)).toBe('SIGNATURE_INVALID')
  })

  test('the body and its digest both replaced under the signature is refused 401 SIGNATURE_INVALID', async () => {
    const other = JSON.stringify({ idNumber: person(SEED, 2).idNumber })
    const res = await tampered((m) => {
      m.body = other
      m.headers['content-digest'] = contentDigest(other)
    })
    expect(res.status).toBe(401)
    expect(await codeOf(res)).toBe('SIGNATURE_INVALID')
  })

  test('the signature moved to another path is refused 401 SIGNATURE_INVALID', async () => {
    const res = await tampered((m) => {
      m.url = `${gongan()}/v1/certificates/lookup`
    })
    expect(res.status).toBe(401)
    expect(await codeOf(res)).toBe('SIGNATURE_INVALID')
  })

  test('a changed purpose under the signature is refused 401 SIGNATURE_INVALID', async () => {
    const res = await tampered((m) => {
      m.headers['x-purpose'] = encodeURIComponent('随便看看')
    })
    expect(res.status).toBe(401)
    expect(await codeOf(res)).toBe('SIGNATURE_INVALID')
  })

  test('the signature sent to another department is refused 401 SIGNATURE_INVALID', async () => {
    const res = await tampered((m) => {
      m.url = `${running.get('weijian')!.base}${lookup}`
    })
    expect(res.status).toBe(401)
  })

  test('the same signed call sent twice is refused the second time 401 SIGNATURE_REPLAYED', async () => {
    const signer = createMessageSigner(CALLER.privateJwk)
    const target = `${gongan()}${lookup}`
    const signature = await signer.sign({ method: 'POST', url: target, headers: CALL_HEADERS, body })
    const send = () => fetch(target, { method: 'POST', headers: { ...CALL_HEADERS, ...signature }, body })
    expect((await send()).status).toBe(200)
    const again = await send()
    expect(again.status).toBe(401)
    expect(await codeOf(again)).toBe('SIGNATURE_REPLAYED')
  })

  test('a signature created more than 60 s ago is refused 401 SIGNATURE_EXPIRED', async () => {
    const old = createSignedFetch(CALLER.privateJwk, { now: () => Date.now() - 61_000 })
    const res = await old(`${gongan()}${lookup}`, { method: 'POST', headers: CALL_HEADERS, body })
    expect(res.status).toBe(401)
    expect(await codeOf(res)).toBe('SIGNATURE_EXPIRED')
  })

  test('a signature dated in the future is refused 401 SIGNATURE_EXPIRED', async () => {
    const ahead = createSignedFetch(CALLER.privateJwk, { now: () => Date.now() + 120_000 })
    const res = await ahead(`${gongan()}${lookup}`, { method: 'POST', headers: CALL_HEADERS, body })
    expect(res.status).toBe(401)
    expect(await codeOf(res)).toBe('SIGNATURE_EXPIRED')
  })
})

describe('卫健 reviewers', () => {
  const weijian = () => running.get('weijian')!.base
  test('an appeal decision without an operator token is refused 401 and decides nothing; with one it records the reviewer', async () => {
    const filed = await signedFetch(`${weijian()}${weijianContracts.fileAppeal.path}`, {
      method: 'POST',
      headers: CALL_HEADERS,
      body: JSON.stringify({
        idNumber: person(SEED, 3).idNumber,
        rule: 'check_in_risk_area',
        target: { kind: 'check_in', id: 'ci_01' },
        statement: '未到过该场所。',
      }),
    })
    expect(filed.status).toBe(201)
    const { appealId } = weijianContracts.fileAppeal.responses[201].parse(await filed.json())
    const decide = (headers: Record<string, string>) =>
      fetch(`${weijian()}/_admin/appeals/${appealId}/decision`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ decision: 'upheld', note: '予以纠正' }),
      })
    const refused = await decide({})
    expect(refused.status).toBe(401)
    expect(await codeOf(refused)).toBe('OPERATOR_AUTH_REQUIRED')
    const decided = await decide(OPERATOR)
    expect(decided.status).toBe(200)
    expect(weijianContracts.decideAppeal.responses[200].parse(await decided.json()).reviewer).toBe(CALLER.operator.name)
    const stored = running
      .get('weijian')!
      .dept.sqlite.prepare('SELECT reviewer FROM appeals WHERE appeal_id = ?')
      .get(appealId)
    expect(stored).toEqual({ reviewer: CALLER.operator.name })
  })
})

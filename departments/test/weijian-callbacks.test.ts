// The 卫健 stand-in's signed callbacks over real HTTP: a recorded result goes into the outbox with its notice, is
// delivered to the registered address signed (RFC 9421, verifiable with the key 卫健 publishes), retried with
// doubling backoff while the platform does not acknowledge, each try signed afresh, and kept until acknowledged.
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createPublicKey } from 'node:crypto'
import { weijianContracts } from '@ysx/shared'
import { createVerifier, httpbis } from 'http-message-signatures'
import { person } from '../src/harness'
import { standIn as weijianStandIn } from '../src/weijian/app'
import { contentDigest } from '../src/weijian/callbacks'
import { CALL_HEADERS, OPERATOR, SEED, signedFetch, startDepartment } from './helper'

/** 卫健's clock, standing still: a retry is due only when a drain forces it, never because real time passed. */
const START = Date.UTC(2026, 10, 21, 2)
const weijian = startDepartment(weijianStandIn, { clock: () => START })
const c = weijianContracts
const at = (ms: number) => new Date(ms).toISOString()

/** The platform's side: answers with `status` and keeps what it received. */
const received: { headers: IncomingMessage['headers']; body: string; url: string }[] = []
let status = 503
const platform = createServer((req, res) => {
  let body = ''
  req.on('data', (chunk: Buffer) => (body += chunk.toString()))
  req.on('end', () => {
    received.push({ headers: req.headers, body, url: req.url ?? '' })
    res.writeHead(status).end()
  })
})
let callbackUrl = ''
beforeAll(async () => {
  await new Promise<void>((resolve) => platform.listen(0, '127.0.0.1', resolve))
  callbackUrl = `http://127.0.0.1:${(platform.address() as AddressInfo).port}/v1/callbacks/weijian/test-results`
  const subscribed = await admin('PUT', c.subscribeCallbacks.path, { url: callbackUrl })
  if (subscribed.status !== 200) throw new Error(`subscribing the callbacks answered ${subscribed.status}`)
})
afterAll(() => new Promise((resolve) => platform.close(resolve)))
beforeEach(() => {
  status = 503
})

const admin = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${weijian.base}${path}`, {
    method,
    ...(body === undefined
      ? { headers: OPERATOR }
      : { headers: { 'content-type': 'application/json', ...OPERATOR }, body: JSON.stringify(body) }),
  })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}
const outbox = async () =>
  c.callbackOutbox.responses[200].parse((await admin('GET', c.callbackOutbox.path)).json).entries

test('a result is delivered signed, retried while the platform answers 503 until acknowledged, each try signed afresh', async () => {
  const idNumber = person(SEED, 12).idNumber
  const recorded = await admin('POST', c.recordTestResult.path, {
    idNumber,
    sampledAt: '2026-11-20T09:30:00+08:00',
    result: '阳性',
    institution: '广州金域医学检验所',
  })
  expect(recorded.status).toBe(201)
  const { resultId } = recorded.json as { resultId: string }
  // The platform is down: the try on recording and two drains all fail, and the notice stays pending.
  await admin('POST', c.drainCallbackOutbox.path)
  await admin('POST', c.drainCallbackOutbox.path)
  const afterTwo = (await outbox()).find((e) => e.resultId === resultId)!
  expect(afterTwo).toMatchObject({ attempts: 3, deliveredAt: null, lastError: 'answered 503' })
  // The platform is back: acknowledged, and kept as delivered.
  status = 204
  expect((await admin('POST', c.drainCallbackOutbox.path)).json).toMatchObject({ pending: 0 })
  expect((await outbox()).find((e) => e.resultId === resultId)).toMatchObject({
    attempts: 4,
    deliveredAt: at(START),
    nextAttemptAt: null,
    lastError: null,
  })

  const mine = received.filter((r) => JSON.parse(r.body).resultId === resultId)
  expect(mine.length).toBe(afterTwo.attempts + 1)
  expect(JSON.parse(mine[0]!.body)).toEqual({ resultId, idNumber, reportedAt: expect.any(String) })
  // Every try carries its own signature and nonce, each verifiable with the key 卫健 publishes.
  const keys = await (await signedFetch(`${weijian.base}${c.callbackKeys.path}`, { headers: CALL_HEADERS })).json()
  const jwk = c.callbackKeys.responses[200].parse(keys).keys[0]!
  const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, format: 'jwk' })
  const nonces = new Set<string>()
  for (const r of mine) {
    expect(r.headers['content-digest']).toBe(contentDigest(r.body))
    const ok = await httpbis.verifyMessage(
      {
        keyLookup: async (p) => {
          nonces.add(String(p.nonce))
          return p.keyid === jwk.kid
            ? { id: jwk.kid, algs: ['ecdsa-p256-sha256'], verify: createVerifier(key, 'ecdsa-p256-sha256') }
            : null
        },
        requiredFields: ['@method', '@path', 'content-type', 'content-digest'],
        requiredParams: ['created', 'keyid', 'alg', 'nonce', 'tag'],
      },
      { method: 'POST', url: `http://x${r.url}`, headers: r.headers as Record<string, string> },
    )
    expect(ok).toBe(true)
  }
  expect(nonces.size).toBe(mine.length)
})

test('each failed try puts the next off by twice the wait before (1 s, 2 s, 4 s, 8 s), counted on 卫健’s clock', async () => {
  const recorded = await admin('POST', c.recordTestResult.path, {
    idNumber: person(SEED, 13).idNumber,
    sampledAt: '2026-11-20T10:00:00+08:00',
    result: '阴性',
    institution: '广州金域医学检验所',
  })
  const { resultId } = recorded.json as { resultId: string }
  const seen: { attempts: number; nextAttemptAt: string | null }[] = []
  for (let i = 0; i < 3; i += 1) {
    await admin('POST', c.drainCallbackOutbox.path)
    const { attempts, nextAttemptAt } = (await outbox()).find((x) => x.resultId === resultId)!
    seen.push({ attempts, nextAttemptAt })
  }
  // The try made on recording waited 1 s; each drain's try then doubles it.
  expect(seen).toEqual([
    { attempts: 2, nextAttemptAt: at(START + 2000) },
    { attempts: 3, nextAttemptAt: at(START + 4000) },
    { attempts: 4, nextAttemptAt: at(START + 8000) },
  ])
  status = 204
  await admin('POST', c.drainCallbackOutbox.path)
})

test('a result for someone 卫健 does not know is refused and nothing is queued', async () => {
  const before = (await outbox()).length
  const res = await admin('POST', c.recordTestResult.path, {
    idNumber: '11010519491231002X',
    sampledAt: '2026-11-20T10:00:00+08:00',
    result: '阴性',
    institution: '广州金域医学检验所',
  })
  expect(res.status).toBe(404)
  expect(res.json.code).toBe('CITIZEN_NOT_FOUND')
  expect((await outbox()).length).toBe(before)
})

// 卫健 stand-in's signed callbacks: when a test result is recorded, a notice goes into the outbox in the same
// transaction, and is delivered to the platform's registered address as an HTTP message signed with 卫健's key
// (RFC 9421, ecdsa-p256-sha256, covering @method, @path, content-type and content-digest (RFC 9530), with created,
// keyid, alg, a fresh nonce and a tag). A notice is retried with exponential backoff (1 s doubling, at most 10 min)
// until the platform answers 2xx; every try is signed afresh. The public key is served at GET /v1/callback-keys.
// Kept here, beside 卫健, so the lead can later unify it with the harness's RFC 9421 code for the BFF's calls.
import { createHash, createPrivateKey, generateKeyPairSync, type KeyObject, randomBytes, randomUUID } from 'node:crypto'
import { chinaDateTime, fromContract, type TestResultNotice, weijianContracts } from '@ysx/shared'
import { createSigner, httpbis } from 'http-message-signatures'
import type { DepartmentContext } from '../harness'
import { DepartmentError } from '../harness'
import type * as schema from './schema'

export const CALLBACK_ALG = 'ecdsa-p256-sha256'
/** The signature's tag: a signature made for anything else is not a 卫健 callback. */
export const CALLBACK_TAG = 'ysx-weijian-callback'
export const CALLBACK_FIELDS = ['@method', '@path', 'content-type', 'content-digest']
const FIRST_RETRY_MS = 1000
const MAX_RETRY_MS = 600_000
const DELIVERY_TIMEOUT_MS = 5000

interface OutboxRow {
  resultId: string
  body: string
  attempts: number
  nextAttemptAt: string | null
  deliveredAt: string | null
  lastError: string | null
}

/** The RFC 9530 Content-Digest of a body (sha-256). */
export const contentDigest = (body: string) => `sha-256=:${createHash('sha256').update(body).digest('base64')}:`

/**
 * The headers of one signed callback POST of `body` to `url`: content-type, content-digest, signature-input and
 * signature. `created` and `nonce` default to now and 16 random bytes (tests set them to age or replay a message).
 */
export async function signCallback(opts: {
  key: KeyObject
  kid: string
  url: string
  body: string
  created?: Date
  nonce?: string
}): Promise<Record<string, string>> {
  const signed = await httpbis.signMessage(
    {
      key: createSigner(opts.key, CALLBACK_ALG, opts.kid),
      fields: CALLBACK_FIELDS,
      params: ['created', 'keyid', 'alg', 'nonce', 'tag'],
      paramValues: {
        created: opts.created ?? new Date(),
        nonce: opts.nonce ?? randomBytes(16).toString('base64url'),
        tag: CALLBACK_TAG,
      },
    },
    {
      method: 'POST',
      url: opts.url,
      headers: { 'content-type': 'application/json', 'content-digest': contentDigest(opts.body) },
    },
  )
  return signed.headers as Record<string, string>
}

/** 卫健's callback signing key as its own file holds it (kid and private key): for operators and tests. */
export function callbackKeyOf(sqlite: { prepare(sql: string): { get(): unknown } }): { kid: string; key: KeyObject } {
  const row = sqlite
    .prepare('SELECT kid, private_pem AS pem FROM callback_keys ORDER BY created_at DESC LIMIT 1')
    .get() as {
    kid: string
    pem: string
  }
  return { kid: row.kid, key: createPrivateKey(row.pem) }
}

export function callbackRoutes({ sqlite, app, now, serveOpen }: DepartmentContext<typeof schema>): void {
  const c = weijianContracts

  // The key: made once and kept in the department's own file.
  let key = sqlite
    .prepare('SELECT kid, private_pem AS pem, x, y FROM callback_keys ORDER BY created_at DESC LIMIT 1')
    .get() as { kid: string; pem: string; x: string; y: string } | undefined
  if (!key) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const jwk = publicKey.export({ format: 'jwk' }) as { x: string; y: string }
    const kid = `wj-${createHash('sha256').update(`${jwk.x}.${jwk.y}`).digest('base64url').slice(0, 16)}`
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
    sqlite
      .prepare('INSERT INTO callback_keys (kid, private_pem, x, y, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(kid, pem, jwk.x, jwk.y, new Date(now()).toISOString())
    key = { kid, pem, x: jwk.x, y: jwk.y }
  }
  const privateKey = createPrivateKey(key.pem)
  const publicKeys = { keys: [{ kid: key.kid, alg: CALLBACK_ALG, kty: 'EC', crv: 'P-256', x: key.x, y: key.y }] }

  const subscription = () =>
    (sqlite.prepare('SELECT url FROM callback_subscription WHERE id = 1').get() as { url: string } | undefined)?.url
  const subscribe = sqlite.prepare(
    'INSERT INTO callback_subscription (id, url) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET url = excluded.url',
  )
  const personOf = sqlite.prepare('SELECT person_index AS i FROM persons WHERE id_number = ?')
  const insertTest = sqlite.prepare(
    'INSERT INTO nucleic_acid_tests (person_index, sampled_at, reported_at, result, institution) VALUES (?, ?, ?, ?, ?)',
  )
  const enqueue = sqlite.prepare(
    'INSERT INTO callback_outbox (result_id, person_index, body, created_at, attempts, next_attempt_at) VALUES (?, ?, ?, ?, 0, ?)',
  )
  const COLUMNS =
    'result_id AS resultId, body, attempts, next_attempt_at AS nextAttemptAt, delivered_at AS deliveredAt, last_error AS lastError'
  const pendingRows = sqlite.prepare(
    `SELECT ${COLUMNS} FROM callback_outbox WHERE delivered_at IS NULL ORDER BY created_at`,
  )
  const allRows = sqlite.prepare(`SELECT ${COLUMNS} FROM callback_outbox ORDER BY created_at`)
  const delivered = sqlite.prepare(
    'UPDATE callback_outbox SET delivered_at = ?, next_attempt_at = NULL, attempts = attempts + 1, last_error = NULL WHERE result_id = ?',
  )
  const failed = sqlite.prepare(
    'UPDATE callback_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE result_id = ?',
  )

  /** The result and its notice, in one transaction: a recorded result is never left without its notice. */
  const record = sqlite.transaction(
    (personIndex: number, idNumber: string, t: { sampledAt: string; result: string; institution: string }) => {
      const resultId = randomUUID()
      const at = now()
      const reportedAt = chinaDateTime(at)
      insertTest.run(personIndex, t.sampledAt, reportedAt, t.result, t.institution)
      const notice: TestResultNotice = { resultId, idNumber, reportedAt }
      enqueue.run(resultId, personIndex, JSON.stringify(notice), new Date(at).toISOString(), new Date(at).toISOString())
      return { resultId, reportedAt }
    },
  )

  /** One signed POST of a notice; resolves with the failure, or null when the platform acknowledged it. */
  async function send(url: string, body: string): Promise<string | null> {
    const headers = await signCallback({ key: privateKey, kid: key!.kid, url, body, created: new Date(now()) })
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      })
      await res.arrayBuffer()
      return res.ok ? null : `answered ${res.status}`
    } catch (err) {
      return (err as Error).message.slice(0, 200)
    }
  }

  let timer: NodeJS.Timeout | undefined
  let closed = false
  /** Delivers every notice that is due (all of them when `force`); tries run one after another, never in parallel. */
  async function deliverDue(force: boolean): Promise<{ delivered: number; pending: number }> {
    const url = subscription()
    let sent = 0
    for (const row of pendingRows.all() as OutboxRow[]) {
      if (!url || closed) break
      if (!force && row.nextAttemptAt && Date.parse(row.nextAttemptAt) > now()) continue
      const failure = await send(url, row.body)
      if (failure === null) {
        delivered.run(new Date(now()).toISOString(), row.resultId)
        sent += 1
      } else {
        const wait = Math.min(FIRST_RETRY_MS * 2 ** row.attempts, MAX_RETRY_MS)
        failed.run(new Date(now() + wait).toISOString(), failure, row.resultId)
      }
    }
    schedule()
    return { delivered: sent, pending: pendingRows.all().length }
  }
  /** Wakes up for the earliest retry still pending (timers do not keep the process alive). */
  function schedule() {
    clearTimeout(timer)
    const next = (pendingRows.all() as OutboxRow[])
      .map((r) => (r.nextAttemptAt ? Date.parse(r.nextAttemptAt) : now()))
      .sort((a, b) => a - b)[0]
    if (next === undefined || closed || !subscription()) return
    timer = setTimeout(() => void pump(false), Math.max(0, next - now()))
    timer.unref()
  }
  // One delivery run at a time: a drain waits for the run in flight, then runs itself.
  let running: Promise<unknown> = Promise.resolve()
  function pump(force: boolean) {
    const run = running.then(() => deliverDue(force))
    running = run.catch(() => undefined)
    return run
  }
  app.addHook('onClose', async () => {
    closed = true
    clearTimeout(timer)
    await running
  })
  // Notices left from before a restart go out now.
  app.addHook('onReady', async () => schedule())

  /** GET /v1/callback-keys — the public keys the platform verifies 卫健's callbacks with */
  serveOpen(c.callbackKeys, () => publicKeys as never)

  /** POST /_admin/nucleic-acid-tests — a lab reports a result: stored, and the platform told at once */
  app.route({
    ...fromContract(c.recordTestResult),
    handler: async (req, reply) => {
      const person = personOf.get(req.body.idNumber) as { i: number } | undefined
      if (!person) throw new DepartmentError('CITIZEN_NOT_FOUND')
      const out = record(person.i, req.body.idNumber, req.body)
      void pump(false)
      return reply.code(201).send(out)
    },
  })
  /** PUT /_admin/callback-subscription — where the platform wants its notices */
  app.route({
    ...fromContract(c.subscribeCallbacks),
    handler: async (req) => {
      subscribe.run(req.body.url)
      schedule()
      return { url: req.body.url }
    },
  })
  /** GET /_admin/callback-outbox — every notice and how its delivery went */
  app.route({
    ...fromContract(c.callbackOutbox),
    handler: async () => ({
      entries: (allRows.all() as OutboxRow[]).map(({ body: _b, nextAttemptAt, deliveredAt, ...r }) => ({
        ...r,
        nextAttemptAt: nextAttemptAt && new Date(nextAttemptAt).toISOString(),
        deliveredAt: deliveredAt && new Date(deliveredAt).toISOString(),
      })),
    }),
  })
  /** POST /_admin/callback-outbox/drain — deliver everything pending now, whatever the backoff says */
  app.route({ ...fromContract(c.drainCallbackOutbox), handler: async () => pump(true) })
}

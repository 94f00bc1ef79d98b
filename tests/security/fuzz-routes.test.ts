// Every operation /openapi.json serves, fuzzed with inputs its contract refuses — wrong types, missing and extra
// fields, huge strings, odd unicode, numbers out of range, wrong content types, path parameters of the wrong shape,
// bad query strings and raw JSON texts (prototype-poisoning keys, deep nesting, duplicate keys, broken syntax) —
// signed in as a real-name citizen, signed out, and with a mangled token (then 401 AUTH_REQUIRED or AUTH_TOKEN_INVALID,
// the token being checked first). Each answer is a 4xx carrying the error envelope with a code from shared's
// catalogue and that code's status, never a 5xx nor a stack trace, and nothing reaches Object.prototype. Inputs the contract would accept are never sent (fast-check's `pre`): a mutating route
// (logout, close-account) must not run and change the citizen the later runs sign in as. Fixed seed, printed by
// fast-check with any counterexample.
import { bffContracts, ERROR_STATUS, ErrorEnvelopeSchema, type ErrorCode, type RouteContract } from '@ysx/shared'
import { testConfig } from '@ysx/bff/config'
import fc from 'fast-check'
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { STACK_TRACE } from '../../bff/test/helper'
import { ALL_DEPARTMENTS, bearer, realNameUser, startSystem, type TestSystem } from '../support/system'

const SEED = 1717
const BODY_LIMIT = 64 * 1024

interface Operation {
  /** `METHOD /path/:param`, as the contract names it */
  name: string
  contract: RouteContract
  /** Fastify-style path params, in order */
  params: string[]
}

const OPERATIONS: Operation[] = Object.values(bffContracts)
  .flatMap((group) => Object.values(group) as RouteContract[])
  .map((contract) => ({
    name: `${contract.method} ${contract.path}`,
    contract,
    params: [...contract.path.matchAll(/:(\w+)/g)].map((m) => m[1]!),
  }))

/** Whether the contract protects the operation with a bearer token (its header schema asks for authorization) */
const isProtected = (c: RouteContract) =>
  c.headers !== undefined && !c.headers.safeParse({}).success && c.headers.safeParse({ authorization: 'x' }).success

let sys: TestSystem
let token: string

beforeAll(async () => {
  const base = testConfig()
  sys = await startSystem({
    departments: ALL_DEPARTMENTS,
    bff: {
      rateLimit: { max: 1_000_000, windowMs: 60_000, userMax: 1_000_000 },
      auth: { ...base.auth, loginRateLimitMax: 1_000_000 },
      // A loaded machine must not make a healthy stand-in look down (the sign-in's face check, a read).
      departments: { ...base.departments, timeoutMs: 60_000, dashboardBudgetMs: 60_000 },
      verifyRateLimitMax: 1_000_000,
      verifierRateLimitMax: 1_000_000,
      // Load shedding answers 503 by design; a loaded test machine must not look like a fuzz finding.
      maxEventLoopDelayMs: 60_000,
    },
  })
  token = await realNameUser(sys, 'fuzz-citizen', 70)
}, 60_000)
afterAll(async () => sys.close())

// ---------------------------------------------------------------------------------------------------------------
// What a refusal looks like

/** The request, shortened for a failure message */
const describeRequest = (o: InjectOptions) => {
  const payload = typeof o.payload === 'string' ? o.payload : JSON.stringify(o.payload ?? null)
  return `${o.method} ${String(o.url).slice(0, 200)} [${String(o.headers?.['content-type'] ?? '-')}] ${(payload ?? '').slice(0, 200)}`
}

function verdict(res: LightMyRequestResponse, allowed: readonly ErrorCode[] | null) {
  let body: unknown = res.body
  try {
    body = res.json()
  } catch {
    // not JSON: reported as the raw body
  }
  const envelope = ErrorEnvelopeSchema.safeParse(body)
  const statusOf = (code: ErrorCode) => ERROR_STATUS[code]
  const code = envelope.success ? envelope.data.code : null
  return {
    status: res.statusCode >= 400 && res.statusCode < 500 ? '4xx' : res.statusCode,
    envelope: envelope.success && statusOf(envelope.data.code) === res.statusCode ? 'catalogue code, its status' : body,
    // Where the answer is known, the code is one of `allowed`.
    code:
      allowed === null || (code !== null && allowed.includes(code))
        ? 'as expected'
        : `${code} (expected ${allowed.join(' or ')})`,
    stackTrace: STACK_TRACE.test(res.body),
    // A poisoned body that got through would show here, on every object of the process (the BFF runs in it).
    pollutedPrototype: ({} as Record<string, unknown>).polluted !== undefined,
  }
}

const REFUSED = {
  status: '4xx',
  envelope: 'catalogue code, its status',
  code: 'as expected',
  stackTrace: false,
  pollutedPrototype: false,
}

/** Who calls: the real-name citizen, nobody, someone with a mangled token; `open` on a route that needs no token */
interface Who {
  kind: 'citizen' | 'nobody' | 'mangled' | 'open'
  headers: Record<string, string>
}

/**
 * Sends the request and expects a refusal: 4xx, the envelope with a catalogue code and its status, no stack trace.
 * Signed out or with a mangled token the code is 401's (the token is checked first); otherwise one of `codes`.
 * `unrouted`: codes any caller may get because the request matched no route (a path that no longer resolves).
 */
async function expectRefused(
  o: InjectOptions,
  who: Who,
  codes: readonly ErrorCode[] | null,
  unrouted: readonly ErrorCode[] = [],
): Promise<void> {
  const request = describeRequest(o)
  const res = await sys.call(o)
  const allowed =
    who.kind === 'nobody'
      ? ['AUTH_REQUIRED' as const, ...unrouted]
      : who.kind === 'mangled'
        ? ['AUTH_REQUIRED' as const, 'AUTH_TOKEN_INVALID' as const, ...unrouted]
        : codes
  expect({ request, ...verdict(res, allowed) }).toEqual({ request, ...REFUSED })
}

const limitOf = (c: RouteContract) => c.bodyLimit ?? BODY_LIMIT
const tooLarge = (c: RouteContract, text: string) => Buffer.byteLength(text) > limitOf(c)

// ---------------------------------------------------------------------------------------------------------------
// Generators

/** Who is calling: the real-name citizen (most runs), nobody, or someone with a mangled token */
const caller = (c: RouteContract): fc.Arbitrary<Who> =>
  isProtected(c)
    ? fc.oneof(
        { weight: 6, arbitrary: fc.constant(null).map((): Who => ({ kind: 'citizen', headers: bearer(token) })) },
        { weight: 1, arbitrary: fc.constant<Who>({ kind: 'nobody', headers: {} }) },
        {
          weight: 1,
          arbitrary: fc
            .oneof(
              fc.string({ unit: fc.constantFrom(...'AZaz09-_.~+/= '.split('')), maxLength: 300 }),
              fc.constant(token.slice(0, -2)),
              fc.constant(`${token}x`),
            )
            .chain((t) => fc.constantFrom(`Bearer ${t}`, t, `Basic ${t}`, `bearer  ${t}`))
            .map((authorization): Who => ({ kind: 'mangled', headers: { authorization } })),
        },
      )
    : fc.constant<Who>({ kind: 'open', headers: {} })

const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\ud800', // a lone surrogate
  '\u202e\u0644\u0627', // right-to-left override
  '\ufeffBOM',
  'e\u0301\u0301\u0301',
  '𠮷野家👨‍👩‍👧‍👦',
  'ＡＢＣ１２３',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '${jndi:ldap://x}',
  '../../etc/passwd',
  '%00%2e%2e%2f',
  '__proto__',
  'constructor',
  'null',
  'true',
  '1e999',
]
const OUT_OF_RANGE = [
  -1,
  0,
  -0,
  0.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  2 ** 31,
  2 ** 64,
  Number.MIN_VALUE,
]

/** A value of any type, often the wrong one: odd strings, numbers out of range, nesting, huge strings */
const oddValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom<unknown>(...ODD_STRINGS, ...OUT_OF_RANGE, null, true, false),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.double(),
    fc.integer(),
    fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((n) => Number(n)),
    fc.integer({ min: 1000, max: 70_000 }).map((n) => '字'.repeat(n)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 4 }),
  ),
})).value

/** The top-level property names a body schema declares (from its JSON shape), for bodies that look almost right */
function fieldsOf(c: RouteContract): string[] {
  const shape = (c.body as unknown as { shape?: Record<string, unknown> } | undefined)?.shape
  return shape ? Object.keys(shape) : []
}

/** Bodies for an operation: its own fields with odd values, some missing, some extra; or any JSON value at all */
function bodies(c: RouteContract): fc.Arbitrary<unknown> {
  const fields = fieldsOf(c)
  const almost = fc
    .tuple(
      fc.record(Object.fromEntries(fields.map((f) => [f, oddValue])), { requiredKeys: [] }),
      fc.dictionary(fc.string({ maxLength: 12 }), oddValue, { maxKeys: 3 }),
    )
    .map(([own, extra]) => ({ ...extra, ...own }))
  return fc.oneof({ weight: 4, arbitrary: almost }, { weight: 1, arbitrary: fc.jsonValue() })
}

const nested = (depth: number, inner = '1') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`

/** Raw request bodies as text: what JSON.stringify could never produce from an object literal */
function rawTexts(c: RouteContract): { text: string; parses: boolean; value?: unknown }[] {
  const field = fieldsOf(c)[0] ?? 'x'
  const texts = [
    '{"__proto__":{"polluted":1}}',
    '{"constructor":{"prototype":{"polluted":1}}}',
    `{"${field}":{"__proto__":{"polluted":1}}}`,
    '[{"__proto__":{"polluted":1}}]',
    '{"\\u005f_proto__":{"polluted":1}}',
    `{"${field}":{"constructor":{"prototype":{"polluted":1}}}}`,
    nested(20_000, '{"__proto__":{"polluted":1}}'),
    `{"${field}":1,"${field}":"twice","${field}":[null]}`,
    `{"${field}":${nested(20_000)}}`,
    nested(30_000),
    '{"a":',
    '{"a":1}garbage',
    "{'a':1}",
    '{"a":1,}',
    'NaN',
    '\ufeff{}',
    '',
    '   ',
    'null',
    '"a string"',
    '1e999',
    `{"${field}":"${'x'.repeat(BODY_LIMIT)}"}`,
  ]
  return texts.map((text) => {
    const poisoned = /__proto__|\\u005f_proto__|"prototype"/.test(text)
    try {
      const value: unknown = JSON.parse(text.replace(/^\ufeff/, '')) // the body parser drops a byte-order mark
      return { text, parses: !poisoned, value }
    } catch {
      return { text, parses: false }
    }
  })
}

/** A path parameter value of the wrong shape for `name` (one its contract refuses) */
const wrongParam = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'abcXYZ019_-'.split('')), minLength: 1, maxLength: 15 }),
  fc.string({ unit: fc.constantFrom(...'abcXYZ019_-'.split('')), minLength: 65, maxLength: 120 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  fc.constantFrom(...ODD_STRINGS.filter((s) => s.length > 0), '.', '..', 'a/b', 'self ', 'SELF', '0'.repeat(300)),
)

const fill = (path: string, values: Record<string, string>) =>
  path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name] ?? 'self'))

/** A placeholder that fits every path parameter's shape (`self` for holders, a long id otherwise) */
const fitting = (op: Operation): Record<string, string> =>
  Object.fromEntries(
    op.params.map((p) => {
      const candidates = ['self', 'aaaaaaaaaaaaaaaaaaaaaaaa', '00000000-0000-4000-8000-000000000000']
      const ok = candidates.find((v) => op.contract.params?.safeParse({ [p]: v }).success)
      return [p, ok ?? 'self']
    }),
  )

const refusedBy = (schema: RouteContract['body'], value: unknown) =>
  schema !== undefined && !schema.safeParse(value).success

// ---------------------------------------------------------------------------------------------------------------
// The operations

test('the fuzzed operations are exactly the ones GET /openapi.json serves', async () => {
  const res = await sys.call({ method: 'GET', url: '/openapi.json' })
  expect(res.statusCode).toBe(200)
  const doc = res.json() as { paths: Record<string, Record<string, unknown>> }
  const served = Object.entries(doc.paths)
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`))
    .sort()
  expect(served).toEqual(OPERATIONS.map((op) => op.name).sort())
})

const withBody = OPERATIONS.filter((op) => op.contract.body !== undefined)
const bodyless = OPERATIONS.filter((op) => op.contract.body === undefined && op.contract.method !== 'GET')
const withParams = OPERATIONS.filter((op) => op.params.length > 0)
const withQuery = OPERATIONS.filter((op) => op.contract.query !== undefined)
const reads = OPERATIONS.filter((op) => op.contract.method === 'GET')

describe.each(withBody)('$name', (op) => {
  const { contract } = op
  const url = fill(contract.path, fitting(op))

  test('a JSON body its contract refuses (odd values, missing and extra fields, any JSON) is refused VALIDATION_FAILED, or PAYLOAD_TOO_LARGE past the limit', async () => {
    await fc.assert(
      fc.asyncProperty(bodies(contract), caller(contract), async (body, who) => {
        const payload = JSON.stringify(body)
        fc.pre(refusedBy(contract.body, JSON.parse(payload)))
        await expectRefused(
          { method: contract.method, url, headers: { ...who.headers, 'content-type': 'application/json' }, payload },
          who,
          [tooLarge(contract, payload) ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED'],
        )
      }),
      { seed: SEED, numRuns: 40 },
    )
  })

  test('raw JSON texts are refused: __proto__, constructor.prototype and broken syntax BAD_REQUEST, deep nesting and duplicate keys VALIDATION_FAILED, oversize PAYLOAD_TOO_LARGE', async () => {
    const texts = rawTexts(contract).filter((t) => !t.parses || refusedBy(contract.body, t.value))
    expect(texts.length).toBeGreaterThan(15)
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...texts), caller(contract), async ({ text, parses }, who) => {
        const code = tooLarge(contract, text) ? 'PAYLOAD_TOO_LARGE' : parses ? 'VALIDATION_FAILED' : 'BAD_REQUEST'
        await expectRefused(
          {
            method: contract.method,
            url,
            headers: { ...who.headers, 'content-type': 'application/json' },
            payload: text,
          },
          who,
          [code],
        )
      }),
      { seed: SEED, numRuns: 30 },
    )
  })

  test('a body in another content type is refused: plain text VALIDATION_FAILED, XML, form, multipart and binary UNSUPPORTED_MEDIA_TYPE', async () => {
    const types = [
      'text/plain',
      'application/xml',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/octet-stream',
      'image/png',
      'application/json-patch+json',
      'text/json',
    ]
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...types),
        fc.string({ maxLength: 200 }),
        caller(contract),
        async (type, text, who) => {
          fc.pre(refusedBy(contract.body, text))
          // Plain text is read as a string, which no body contract takes; the rest the BFF does not read at all.
          const code = type === 'text/plain' ? 'VALIDATION_FAILED' : 'UNSUPPORTED_MEDIA_TYPE'
          await expectRefused(
            { method: contract.method, url, headers: { ...who.headers, 'content-type': type }, payload: text },
            who,
            [code],
          )
        },
      ),
      { seed: SEED, numRuns: 12 },
    )
  })
})

describe.each(bodyless)('$name', (op) => {
  const { contract } = op
  const url = fill(contract.path, fitting(op))

  test('a body it does not take is refused: unparsable or poisoned JSON BAD_REQUEST (PAYLOAD_TOO_LARGE past the limit), other content types UNSUPPORTED_MEDIA_TYPE', async () => {
    // Only what the body parser itself refuses: a well-formed body would be ignored and the route would run.
    const texts = rawTexts(contract).filter((t) => !t.parses)
    const types = [
      'application/xml',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'image/png',
    ]
    const requests = fc.oneof(
      fc.record({ type: fc.constant('application/json'), text: fc.constantFrom(...texts.map((t) => t.text)) }),
      fc.record({ type: fc.constantFrom(...types), text: fc.constantFrom('<a>1</a>', 'a=1&b=2', '\u0000\u0001') }),
    )
    await fc.assert(
      fc.asyncProperty(requests, caller(contract), async ({ type, text }, who) => {
        const code =
          type !== 'application/json'
            ? 'UNSUPPORTED_MEDIA_TYPE'
            : tooLarge(contract, text)
              ? 'PAYLOAD_TOO_LARGE'
              : 'BAD_REQUEST'
        await expectRefused(
          { method: contract.method, url, headers: { ...who.headers, 'content-type': type }, payload: text },
          who,
          [code],
        )
      }),
      { seed: SEED, numRuns: 20 },
    )
  })
})

describe.each(withParams)('$name', (op) => {
  const { contract } = op

  test('path parameters of the wrong shape are refused VALIDATION_FAILED, or ROUTE_NOT_FOUND when the path no longer resolves', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(Object.fromEntries(op.params.map((p) => [p, wrongParam]))),
        caller(contract),
        async (values, who) => {
          fc.pre(refusedBy(contract.params, values))
          const hasBody = contract.body !== undefined
          // A value like `..` makes a path that no route matches: ROUTE_NOT_FOUND, whoever asks.
          await expectRefused(
            {
              method: contract.method,
              url: fill(contract.path, values as Record<string, string>),
              headers: { ...who.headers, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
              ...(hasBody ? { payload: '{}' } : {}),
            },
            who,
            ['VALIDATION_FAILED', 'ROUTE_NOT_FOUND'],
            ['ROUTE_NOT_FOUND'],
          )
        },
      ),
      { seed: SEED, numRuns: 25 },
    )
  })
})

describe.each(withQuery)('$name', (op) => {
  const { contract } = op
  const url = fill(contract.path, fitting(op))

  test('a query string its contract refuses is refused VALIDATION_FAILED', async () => {
    const queryValue = fc.oneof(
      fc.constantFrom(...ODD_STRINGS, ...OUT_OF_RANGE.map(String), '101', '0', '-5', '1.5', '99999999999999999999'),
      fc.string({ maxLength: 30 }),
    )
    const shape = (contract.query as unknown as { shape?: Record<string, unknown> }).shape ?? {}
    const fields = Object.keys(shape)
    await fc.assert(
      fc.asyncProperty(
        fc.record(Object.fromEntries(fields.map((f) => [f, queryValue])), { requiredKeys: [] }),
        caller(contract),
        async (query, who) => {
          fc.pre(refusedBy(contract.query, query))
          await expectRefused(
            {
              method: contract.method,
              url: `${url}?${new URLSearchParams(query as Record<string, string>).toString()}`,
              headers: who.headers,
            },
            who,
            ['VALIDATION_FAILED'],
          )
        },
      ),
      { seed: SEED, numRuns: 30 },
    )
  })
})

describe.each(reads)('$name', (op) => {
  const { contract } = op
  const url = fill(contract.path, fitting(op))

  test('arbitrary extra query parameters never bring a 5xx or a stack trace, and a refusal carries the envelope', async () => {
    await fc.assert(
      fc.asyncProperty(fc.webQueryParameters(), caller(contract), async (query, who) => {
        const o: InjectOptions = { method: 'GET', url: `${url}?${query}`, headers: who.headers }
        const request = describeRequest(o)
        const res = await sys.call(o)
        const v = verdict(res, null)
        // Unknown query parameters may be ignored (2xx); whatever the answer, it is never a 5xx nor a bare error.
        const expected = res.statusCode < 400 ? { ...v, stackTrace: false, pollutedPrototype: false } : REFUSED
        expect({ request, ...v }).toEqual({ request, ...expected })
      }),
      { seed: SEED, numRuns: 6 },
    )
  })
})

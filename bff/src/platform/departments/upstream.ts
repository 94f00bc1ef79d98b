// One HTTP client per department: keep-alive pool (undici), timeout, circuit breaker and — for reads only — one
// retry (cockatiel); every call signed (RFC 9421, signatures.ts) so the department knows it is the BFF's; every reply
// validated against the department's contract; failures become coded AppErrors.
import { buildPath, type RouteContract } from '@ysx/shared'
import {
  circuitBreaker,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleWhen,
  IPolicy,
  noop,
  retry,
  wrap,
} from 'cockatiel'
import { Agent, request } from 'undici'
import { AppError } from '../app-error'
import type { MessageSigner } from './signatures'

export interface UpstreamOptions {
  /** Department code, for logs and breaker state */
  name: string
  baseUrl: string
  /** Per call: no answer by then is UPSTREAM_TIMEOUT; a function is asked at each call (a setting changed at run time) */
  timeoutMs: number | (() => number)
  /** Consecutive failures that open the breaker */
  breakerThreshold?: number
  /** How long the breaker stays open before one probe is let through */
  halfOpenAfterMs?: number
  /** Signs every call (each attempt afresh: a retry is a new signature with a new nonce); none: unsigned (WeChat) */
  signer?: MessageSigner
}

export interface CallInput {
  params?: Record<string, string | number>
  query?: Record<string, string>
  body?: unknown
  headers?: Record<string, string>
}

/** Why a department is called: carried on every business call, as X-Road does with its client and issue headers. */
export interface CallPurpose {
  purpose: string
  caseId?: string
}

/** The BFF's identity towards departments (X-Road member/subsystem style). */
export const CLIENT_ID = 'GOV/44000000/ysx-bff'

export function callHeaders(why: CallPurpose): Record<string, string> {
  return {
    'x-client-id': CLIENT_ID,
    'x-purpose': encodeURIComponent(why.purpose),
    ...(why.caseId ? { 'x-case-id': encodeURIComponent(why.caseId) } : {}),
  }
}

export interface UpstreamReply<T = unknown> {
  status: number
  body: T
}

export interface Upstream {
  /**
   * Calls a department route; resolves with any status the contract declares (bodies validated), else throws.
   * Reads (GET, or a POST lookup marked `idempotent`) are retried once; writes never are.
   */
  call<C extends RouteContract>(contract: C, input?: CallInput, opts?: { idempotent?: boolean }): Promise<UpstreamReply>
  close(): Promise<void>
}

/** Failures that count against the breaker: the department is slow, down or talking nonsense. */
const isUpstreamFailure = (err: unknown) =>
  err instanceof AppError &&
  (err.code === 'UPSTREAM_TIMEOUT' || err.code === 'UPSTREAM_UNAVAILABLE' || err.code === 'UPSTREAM_BAD_RESPONSE')

export function createUpstream(opts: UpstreamOptions): Upstream {
  const timeoutMs = typeof opts.timeoutMs === 'number' ? () => opts.timeoutMs as number : opts.timeoutMs
  const agent = new Agent({ connections: 64, keepAliveTimeout: 10_000, connectTimeout: timeoutMs() })
  const breaker = circuitBreaker(handleWhen(isUpstreamFailure), {
    halfOpenAfter: opts.halfOpenAfterMs ?? 10_000,
    breaker: new ConsecutiveBreaker(opts.breakerThreshold ?? 5),
  })
  const readRetry = retry(handleWhen(isUpstreamFailure), {
    maxAttempts: 1,
    backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 200 }),
  })
  // Retry outside the breaker: a retried read still counts each failure, and never retries an open breaker.
  const readPolicy: IPolicy = wrap(readRetry, breaker)
  const writePolicy: IPolicy = wrap(noop, breaker)

  async function once(contract: RouteContract, input: CallInput, ms: number): Promise<UpstreamReply> {
    const signal = AbortSignal.timeout(ms)
    const url = new URL(buildPath(contract.path, input.params), opts.baseUrl)
    for (const [k, v] of Object.entries(input.query ?? {})) url.searchParams.set(k, v)
    const body = input.body !== undefined ? JSON.stringify(input.body) : undefined
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...input.headers,
    }
    let res
    try {
      const signature = opts.signer
        ? await opts.signer.sign({
            method: contract.method,
            url: url.href,
            headers,
            ...(body !== undefined ? { body } : {}),
          })
        : {}
      res = await request(url, {
        method: contract.method,
        dispatcher: agent,
        signal,
        headers: { ...headers, ...signature },
        body,
      })
    } catch (err) {
      if (signal.aborted) throw new AppError('UPSTREAM_TIMEOUT', `${opts.name}: no answer within ${ms} ms`)
      throw new AppError('UPSTREAM_UNAVAILABLE', `${opts.name}: ${(err as Error).message}`)
    }
    let json: unknown
    try {
      json = await res.body.json()
    } catch {
      if (signal.aborted) throw new AppError('UPSTREAM_TIMEOUT', `${opts.name}: body not finished within ${ms} ms`)
      throw new AppError('UPSTREAM_BAD_RESPONSE', `${opts.name}: ${res.statusCode} reply is not JSON`)
    }
    if (res.statusCode >= 500) throw new AppError('UPSTREAM_UNAVAILABLE', `${opts.name}: answered ${res.statusCode}`)
    if (res.statusCode === 401)
      throw new AppError(
        'UPSTREAM_BAD_RESPONSE',
        `${opts.name}: refused the BFF's credentials (${String((json as { code?: unknown } | null)?.code)}); is its public key registered there?`,
      )
    const schema = contract.responses[res.statusCode]
    const parsed = schema?.safeParse(json)
    if (!parsed?.success)
      throw new AppError('UPSTREAM_BAD_RESPONSE', `${opts.name}: ${res.statusCode} reply does not match the contract`)
    return { status: res.statusCode, body: parsed.data }
  }

  return {
    async call(contract, input = {}, callOpts = {}) {
      const policy = (callOpts.idempotent ?? contract.method === 'GET') ? readPolicy : writePolicy
      try {
        return await policy.execute(() => once(contract, input, timeoutMs()))
      } catch (err) {
        if (err instanceof AppError) throw err
        // cockatiel's BrokenCircuitError: the breaker is open, so the department is not called at all.
        throw new AppError('UPSTREAM_UNAVAILABLE', `${opts.name}: circuit open (${(err as Error).name})`)
      }
    },
    close: () => agent.close(),
  }
}

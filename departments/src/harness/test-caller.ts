// A caller a stand-in trusts, for tests and benchmarks that call a stand-in directly as the platform (or an operator)
// would: a fresh signing key whose public half the stand-in is built with, a fetch that signs every call with it
// (RFC 9421, as the BFF's upstream does), and an operator with a token for the /_admin/ routes.
import { type JsonWebKey, randomBytes } from 'node:crypto'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import type { Operator } from './caller-auth'
import { createMessageSigner, generateSigningKey } from './signatures'

/** fetch's shape for what tests send: a URL, a method, string headers and a string body. */
export type SignedFetch = (
  url: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal },
) => Promise<Response>

export interface TestCaller {
  /** What a stand-in is built with to trust this caller: spread it into the stand-in's options */
  trust: { callerKeys: JsonWebKey[]; operators: Operator[] }
  /** The private key, for a BFF's config (`departments.signingKey`) */
  privateJwk: JsonWebKey
  /** fetch, signed with the caller's key */
  fetch: SignedFetch
  /** app.inject with a JSON payload, signed with the caller's key (as if sent to http://localhost) */
  inject(app: FastifyInstance, o: SignedInject): Promise<LightMyRequestResponse>
  /** The test operator's name and Authorization header */
  operator: { name: string; headers: { authorization: string } }
}

/** Signs with `privateJwk` and sends: the signature covers method, authority, path, query, call headers and body. */
export function createSignedFetch(privateJwk: JsonWebKey, opts: { now?: () => number } = {}): SignedFetch {
  const signer = createMessageSigner(privateJwk, opts)
  return async (url, init = {}) => {
    const method = init.method ?? 'GET'
    const headers = init.headers ?? {}
    const signature = await signer.sign({
      method,
      url,
      headers,
      ...(init.body !== undefined ? { body: init.body } : {}),
    })
    return fetch(url, {
      method,
      headers: { ...headers, ...signature },
      ...(init.body !== undefined ? { body: init.body } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    })
  }
}

export interface SignedInject {
  method: NonNullable<InjectOptions['method']>
  url: string
  headers?: Record<string, string>
  payload?: unknown
}

export function createTestCaller(opts: { operatorName?: string } = {}): TestCaller {
  const { privateJwk, publicJwk } = generateSigningKey()
  const signer = createMessageSigner(privateJwk)
  const operator = { name: opts.operatorName ?? '测试审核员', token: randomBytes(24).toString('base64url') }
  return {
    trust: { callerKeys: [publicJwk], operators: [operator] },
    privateJwk,
    fetch: createSignedFetch(privateJwk),
    async inject(app, o) {
      const body = o.payload === undefined ? undefined : JSON.stringify(o.payload)
      const headers = { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...o.headers }
      const signature = await signer.sign({
        method: String(o.method),
        url: `http://localhost:80${o.url}`,
        headers,
        ...(body !== undefined ? { body } : {}),
      })
      return app.inject({ method: o.method, url: o.url, headers: { ...headers, ...signature }, payload: body })
    },
    operator: { name: operator.name, headers: { authorization: `Bearer ${operator.token}` } },
  }
}

// Security headers and the CORS allow-list. An API reply gets the few headers a JSON reply needs, precomputed and set
// in one hook; the H5 pages get helmet's, with a CSP that admits the build's own inline boot script, computed once
// and set by the H5 plugin. (helmet's middleware on every request — @fastify/helmet 13 even builds a new helmet per
// request — was a fixed cost of every API call for headers a JSON reply has no use for.)
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import cors from '@fastify/cors'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import helmet from 'helmet'

const JS_NOOP_HASH = createHash('sha256').update('javascript:;').digest('base64')

/** sha256 sources for the inline <script> blocks of the H5 index.html, so CSP needs no 'unsafe-inline'. */
function inlineScriptHashes(h5Dir: string): string[] {
  const index = h5Dir ? path.join(h5Dir, 'index.html') : ''
  if (!index || !existsSync(index)) return []
  const html = readFileSync(index, 'utf8')
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) =>
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '')
        .digest('base64')}'`,
  )
}

export interface SecurityHeaderOptions {
  /** The BFF's own LAN addresses (development on every interface): the H5 app opened from a phone talks to them */
  lanOrigins: string[]
  h5Dir: string
  production: boolean
}

type Headers = Readonly<Record<string, string>>

/**
 * The H5 pages' headers: helmet's, with a CSP for the build's own inline boot script. Computed once (helmet's
 * middleware run against a recording response): every value is fixed for the process's life.
 */
export function pageHeaders(opts: SecurityHeaderOptions): Headers {
  const middleware = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Taro's H5 tab bar renders <a href="javascript:;">: 'unsafe-hashes' admits exactly that no-op URL, nothing else.
        scriptSrc: ["'self'", ...inlineScriptHashes(opts.h5Dir), "'unsafe-hashes'", `'sha256-${JS_NOOP_HASH}'`],
        // Taro and NutUI set inline styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        // The H5 QR scanner (qr-scanner) decodes in a web worker it builds from a blob: of its own bundled chunk's code
        // (where the browser has no BarcodeDetector); only our own scripts, which script-src limits, can make one.
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'", ...opts.lanOrigins],
        frameAncestors: ["'none'"],
        // Behind TLS in production; in development the app is also opened over plain http from a phone on the LAN.
        upgradeInsecureRequests: opts.production ? [] : null,
      },
    },
    strictTransportSecurity: { maxAge: HSTS_MAX_AGE, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
  })
  const recorded: Record<string, string> = {}
  const res = {
    setHeader: (name: string, value: string) => void (recorded[name.toLowerCase()] = String(value)),
    removeHeader: () => undefined,
  }
  let failed: unknown
  middleware({} as never, res as never, (err?: unknown) => void (failed = err))
  if (failed) throw failed as Error
  return Object.freeze(recorded)
}

const HSTS_MAX_AGE = 31_536_000

/**
 * What a JSON reply needs (OWASP's REST security headers): it is never sniffed as something else, never framed, never
 * cached, only over TLS, and carries no referrer; its CSP allows nothing (a JSON body opened as a page runs nothing).
 * Six fixed strings, set by hand: helmet's middleware computes and sets its dozen headers on every request.
 */
export const API_HEADERS: Headers = Object.freeze({
  'strict-transport-security': `max-age=${HSTS_MAX_AGE}; includeSubDomains`,
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'cross-origin-resource-policy': 'same-origin',
})

interface SecurityOptions {
  corsOrigins: string[]
  /** Bench only (BuildOptions.without): false leaves the security headers out */
  headers?: boolean
  /** Bench only (BuildOptions.without): false leaves CORS out */
  cors?: boolean
}

async function security(app: FastifyInstance, opts: SecurityOptions) {
  // Every reply starts with the API's headers, in one hook; the H5 plugin sets the pages' own (pageHeaders) over them.
  if (opts.headers !== false)
    app.addHook('onRequest', (_req, reply, done) => {
      reply.headers(API_HEADERS)
      done()
    })
  if (opts.cors === false) return
  await app.register(cors, {
    origin: opts.corsOrigins,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  })
}

export default fp(security, { name: 'security' })

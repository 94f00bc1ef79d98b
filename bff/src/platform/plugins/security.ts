// Security headers (helmet) with a CSP that admits the H5 build's own inline boot script, and the CORS allow-list.
// helmet is configured once and its middleware runs on every request: @fastify/helmet 13 builds a new helmet (and
// parses every CSP directive again) per request, which alone cost a quarter of a cheap route's time under load.
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

interface SecurityOptions {
  corsOrigins: string[]
  /** The BFF's own LAN addresses (development on every interface): the H5 app opened from a phone talks to them */
  lanOrigins: string[]
  h5Dir: string
  production: boolean
  /** Bench only (BuildOptions.without): false leaves the security headers out */
  headers?: boolean
  /** Bench only (BuildOptions.without): false leaves CORS out */
  cors?: boolean
}

async function security(app: FastifyInstance, opts: SecurityOptions) {
  const headers = helmet({
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
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
  })
  if (opts.headers !== false)
    app.addHook('onRequest', (req, reply, done) =>
      headers(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)),
    )
  if (opts.cors === false) return
  await app.register(cors, {
    origin: opts.corsOrigins,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  })
}

export default fp(security, { name: 'security' })

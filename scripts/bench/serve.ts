// One server under test in a process of its own (the cost table, scripts/bench/health-code --costs): bare Fastify, or
// the COMPILED BFF (bff/dist, as deployed: plain node with --conditions=ysx-compiled, no tsx) built with some parts of
// the stack turned off (BuildOptions.without), on its own copy of the database, seeded here. The parent compiles this
// file with esbuild (serve.ts → reports/bench/serve.js), starts it pinned to the server core, and reads one JSON line
// from stdout: `{ "url": … }`. SIGTERM ends it with process.exit, so that `--cpu-prof` writes its profile.
import { openSync, readFileSync, writeFileSync, writeSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { Session } from 'node:inspector/promises'
import path from 'node:path'
import type { buildApp as BuildApp, StackPart } from '@ysx/bff/app'
import type { testConfig as TestConfig } from '@ysx/bff/config'
import BetterSqlite3 from 'better-sqlite3'
import Fastify, { type InjectOptions } from 'fastify'
import { seedCitizens } from './citizens'
import { saveProfile } from './profile'

export interface ServeSpec {
  /** The repository's root (this file runs compiled, from elsewhere) */
  root: string
  kind: 'bare' | 'bff'
  dbFile?: string
  /** The access tokens' secret every BFF of one run shares, so one set of tokens serves them all */
  tokenSecret?: string
  without?: StackPart[]
  /** Log at info level to /dev/null (a synchronous write per line, as pino writes to stdout) instead of silent */
  logInfo?: boolean
  seed?: { citizens: number; credential: string; thumbprint: string }
  /** Sign `count` tokens for citizens picked at random from the seeded population; one per line into `file` */
  tokens?: { file: string; count: number }
  /** SIGUSR2 starts V8's sampling profiler in this process; the next one stops it and saves the profile here */
  profileDir?: string
}

async function main() {
  const spec = JSON.parse(process.argv[2]!) as ServeSpec
  let close: () => Promise<unknown>
  let url: string
  let inject: (opts: InjectOptions) => Promise<{ statusCode: number }> = () => Promise.reject(new Error('bare'))
  if (spec.kind === 'bare') {
    const bare = Fastify()
    bare.get('/', async () => ({ hello: 'world' }))
    url = await bare.listen({ host: '127.0.0.1', port: 0 })
    close = () => bare.close()
  } else {
    const dist = (file: string) => path.join(spec.root, 'bff/dist', file)
    const { buildApp } = require(dist('app.js')) as { buildApp: typeof BuildApp }
    const { testConfig } = require(dist('platform/config.js')) as { testConfig: typeof TestConfig }
    const base = testConfig({ logLevel: spec.logInfo ? 'info' : 'silent', dbFile: spec.dbFile! })
    const devNull = openSync('/dev/null', 'w')
    const app = await buildApp(
      {
        ...base,
        tokenSecret: spec.tokenSecret!,
        rateLimit: { max: 1_000_000_000, windowMs: 60_000 },
        maxEventLoopDelayMs: 60_000,
        auth: { ...base.auth, accessTtlSeconds: 3600 },
      },
      {
        logStream: { write: (line: string) => void writeSync(devNull, line) },
        ...(spec.without?.length ? { without: new Set(spec.without) } : {}),
      },
    )
    if (spec.seed) {
      // The schema is the BFF's (its migrations ran in buildApp); the rows go in beside it, as the main run seeds.
      const db = new BetterSqlite3(spec.dbFile!)
      db.pragma('journal_mode = WAL')
      seedCitizens(db, 0, spec.seed.citizens, spec.seed.credential, spec.seed.thumbprint, false)
      db.close()
    }
    if (spec.tokens) {
      const population = spec.seed!.citizens
      const lines = Array.from({ length: spec.tokens.count }, () => {
        const i = Math.floor(Math.random() * population)
        return `${i}\t${app.signAccess({ sub: `u${i}`, sid: `s${i}`, jti: `j${i}-${Math.random().toString(36).slice(2)}` })}`
      })
      writeFileSync(spec.tokens.file, lines.join('\n'))
    }
    url = await app.listen({ host: '127.0.0.1', port: 0 })
    close = () => app.close()
    inject = (opts) => app.inject(opts)
  }
  if (spec.profileDir) {
    const dir = spec.profileDir
    let session: Session | undefined
    process.on('SIGUSR2', () => {
      void (async () => {
        if (!session) {
          session = new Session()
          session.connect()
          await session.post('Profiler.enable')
          await session.post('Profiler.setSamplingInterval', { interval: 500 })
          await session.post('Profiler.start')
          process.stdout.write(`${JSON.stringify({ profiling: 'on' })}\n`)
          return
        }
        const { profile } = await session.post('Profiler.stop')
        session.disconnect()
        session = undefined
        const file = saveProfile(profile, dir, 'health-code-display')
        process.stdout.write(`${JSON.stringify({ profile: file })}\n`)
      })()
    })
  }
  process.on('SIGTERM', () => {
    void close().finally(() => process.exit(0))
  })
  // `{"inject": <tokens file>, "path": …, "count": n, "expect": 304}` on stdin: n requests through app.inject (no
  // socket, no load generator), each with a token line's headers; answers this process's CPU per request, in µs.
  if (spec.kind === 'bff')
    createInterface({ input: process.stdin }).on('line', (line) => {
      const order = JSON.parse(line) as { inject: string; path: string; count: number; expect: number }
      const headerSets = readFileSync(order.inject, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => {
          const [token, etag] = l.split('\t')
          return { authorization: `Bearer ${token}`, ...(etag ? { 'if-none-match': etag } : {}) }
        })
      void (async () => {
        const before = process.cpuUsage()
        for (let i = 0; i < order.count; i += 1) {
          const res = await inject({ method: 'GET', url: order.path, headers: headerSets[i % headerSets.length]! })
          if (res.statusCode !== order.expect) throw new Error(`${res.statusCode} instead of ${order.expect}`)
        }
        const used = process.cpuUsage(before)
        process.stdout.write(`${JSON.stringify({ us: (used.user + used.system) / order.count })}\n`)
      })()
    })
  process.stdout.write(`${JSON.stringify({ url })}\n`)
}

void main()

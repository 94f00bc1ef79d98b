// Logger options (pino): personal fields and tokens redacted by key (a Set lookup over the logged object's keys and
// their children's, in pino's log formatter; the headers by pino's redact paths), and ID/phone
// numbers masked where free text enters a line: the request's URL, an error's message and stack (serializers), and a
// log call's message and its string arguments (logMethod). The finished line is not scanned again: a regex over every
// JSON line, on every request, was the hot path's cost of logging at info level.
import { scrubText } from '@ysx/shared'
import type { FastifyRequest } from 'fastify'
import type { LoggerOptions } from 'pino'

/** Keys whose values never reach a log line, wherever they sit (one level deep in any logged object). */
const SENSITIVE_KEYS = [
  'idNumber',
  'id_number',
  'phone',
  'mobile',
  'contact',
  'name',
  'realName',
  'token',
  'accessToken',
  'refreshToken',
  'session_key',
  'sessionKey',
  'password',
  'secret',
  'code',
]

/** Explicit paths pino's redaction handles (cheap: no wildcard). */
const REDACT_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]']

const CENSOR = '[REDACTED]'
const SENSITIVE = new Set(SENSITIVE_KEYS)
/** Keys whose serializer below decides what is written (only fields chosen by name): not walked. */
const SERIALIZED = new Set(['req', 'res', 'err'])

/**
 * A logged object with every sensitive key's value censored, at the top level or one level down (what pino's `key` and
 * `*.key` redact paths did: their wildcards cost two thirds of an access line, ~12 µs, on every request). Copies only
 * what it changes; the caller's object is never modified.
 */
export function redactByKey(obj: Record<string, unknown>): Record<string, unknown> {
  let out = obj
  for (const key of Object.keys(obj)) {
    if (SENSITIVE.has(key)) {
      if (out === obj) out = { ...obj }
      out[key] = CENSOR
      continue
    }
    const value = obj[key]
    if (SERIALIZED.has(key) || value === null || typeof value !== 'object') continue
    let inner: Record<string, unknown> | undefined
    for (const k of Object.keys(value))
      if (SENSITIVE.has(k)) {
        inner ??= Array.isArray(value) ? (Object.assign([], value) as never) : { ...(value as object) }
        inner![k] = CENSOR
      }
    if (inner) {
      if (out === obj) out = { ...obj }
      out[key] = inner
    }
  }
  return out
}

type LoggedError = Error & { code?: string; statusCode?: number }
type QueryError = LoggedError & { query: string; params: unknown[]; cause?: LoggedError }
const isQueryError = (err: LoggedError): err is QueryError =>
  typeof (err as Partial<QueryError>).query === 'string' && Array.isArray((err as Partial<QueryError>).params)

export function loggerOptions(level: LoggerOptions['level']): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: CENSOR },
    formatters: { log: redactByKey, bindings: redactByKey },
    serializers: {
      // Only what an operator needs; the URL is scrubbed because query strings can carry numbers.
      req: (req: FastifyRequest) => ({
        method: req.method,
        url: typeof req.url === 'string' ? scrubText(req.url) : undefined,
        remoteAddress: req.ip,
      }),
      err: (err: LoggedError) => {
        // drizzle's "Failed query" error (every PostgreSQL query) repeats the query's parameters — sealed values,
        // hashes, masked fields — in its message and stack: logged are the query and the driver's own error instead.
        const failed = isQueryError(err) ? err : undefined
        const shown: LoggedError = failed?.cause ?? err
        return {
          type: failed ? `${shown.name} (in a query)` : shown.name,
          code: shown.code,
          statusCode: err.statusCode,
          message: scrubText(failed ? `${failed.cause?.message ?? 'query failed'} — ${failed.query}` : shown.message),
          stack: failed ? undefined : shown.stack ? scrubText(shown.stack) : undefined,
        }
      },
    },
    hooks: {
      // A message and its %s arguments, before pino builds the line; objects are redacted by key and serialized above.
      logMethod(args, method) {
        for (let i = 0; i < args.length; i += 1) {
          const arg: unknown = args[i]
          if (typeof arg === 'string') args[i] = scrubText(arg)
        }
        method.apply(this, args)
      },
    },
  }
}

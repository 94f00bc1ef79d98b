// Logger options (pino): personal fields and tokens redacted by key (pino's redact paths, compiled once), and ID/phone
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

const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...SENSITIVE_KEYS,
  ...SENSITIVE_KEYS.map((k) => `*.${k}`),
]

type LoggedError = Error & { code?: string; statusCode?: number }
type QueryError = LoggedError & { query: string; params: unknown[]; cause?: LoggedError }
const isQueryError = (err: LoggedError): err is QueryError =>
  typeof (err as Partial<QueryError>).query === 'string' && Array.isArray((err as Partial<QueryError>).params)

export function loggerOptions(level: LoggerOptions['level']): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
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

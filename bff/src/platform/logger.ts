// Logger options (pino): redaction of personal fields and tokens by key, and masking of ID/phone numbers anywhere.
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
      // The last line of defence: ID and phone numbers are masked in the final JSON, whatever field holds them.
      streamWrite: (line) => scrubText(line),
    },
  }
}

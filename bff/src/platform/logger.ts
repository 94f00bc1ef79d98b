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
      err: (err: Error & { code?: string; statusCode?: number }) => ({
        type: err.name,
        code: err.code,
        statusCode: err.statusCode,
        message: scrubText(err.message),
        stack: err.stack ? scrubText(err.stack) : undefined,
      }),
    },
    hooks: {
      // The last line of defence: ID and phone numbers are masked in the final JSON, whatever field holds them.
      streamWrite: (line) => scrubText(line),
    },
  }
}

// Every error code the system can answer with, listed once, with its HTTP status; and the one error envelope.
import { z } from './z'

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  AUTH_REQUIRED: 401,
  AUTH_TOKEN_INVALID: 401,
  AUTH_TOKEN_EXPIRED: 401,
  AUTH_CODE_INVALID: 401,
  AUTH_REFRESH_INVALID: 401,
  AUTH_REFRESH_REUSED: 401,
  SIGNATURE_REQUIRED: 401,
  SIGNATURE_INVALID: 401,
  SIGNATURE_EXPIRED: 401,
  SIGNATURE_REPLAYED: 401,
  OPERATOR_AUTH_REQUIRED: 401,
  REAL_NAME_REQUIRED: 403,
  STEP_UP_REQUIRED: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  CITIZEN_NOT_FOUND: 404,
  CONFLICT: 409,
  IDENTITY_ALREADY_BOUND: 409,
  FACE_CHALLENGE_NOT_FOUND: 404,
  FACE_CHALLENGE_USED: 409,
  FACE_CHALLENGE_EXPIRED: 410,
  FACE_DIGITS_MISMATCH: 422,
  FACE_IDENTITY_MISMATCH: 422,
  FACE_NOT_MATCHED: 422,
  FACE_LIVENESS_FAILED: 422,
  FACE_ATTEMPTS_EXCEEDED: 429,
  FACE_SAMPLE_NOT_ACCEPTED: 422,
  PRESENTATION_INVALID: 422,
  PRESENTATION_EXPIRED: 422,
  PRESENTATION_REPLAYED: 409,
  CERTIFICATE_NOT_VALID: 422,
  PROFILE_NOT_APPLICABLE: 422,
  VENUE_CODE_INVALID: 422,
  VENUE_NOT_REPRESENTATIVE: 403,
  VENUE_LICENCE_NOT_VALID: 422,
  VENUE_LIMIT_REACHED: 409,
  HEALTH_CODE_SUPERSEDED: 422,
  HEALTH_CODE_INVALID: 422,
  HEALTH_CODE_EXPIRED: 422,
  HEALTH_CODE_REPLAYED: 409,
  CALLBACK_REFUSED: 401,
  CALLBACK_REPLAYED: 409,
  FAMILY_MEMBER_NOT_CONFIRMED: 422,
  FAMILY_MEMBER_EXISTS: 409,
  FAMILY_LIMIT_REACHED: 409,
  FAMILY_ATTEMPTS_EXCEEDED: 429,
  DECLARATION_DATES_INVALID: 422,
  SERVICE_NOT_FOUND: 404,
  FAVOURITES_LIMIT_REACHED: 409,
  ACCOUNT_CLOSED: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UPSTREAM_BAD_RESPONSE: 502,
  UPSTREAM_UNAVAILABLE: 503,
  OVERLOADED: 503,
  UPSTREAM_TIMEOUT: 504,
} as const satisfies Record<string, number>

export type ErrorCode = keyof typeof ERROR_STATUS
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]

export const ErrorIssueSchema = z.object({
  path: z.string().describe('出错字段的路径，如 body.contact'),
  message: z.string().describe('该字段的问题'),
})
export type ErrorIssue = z.infer<typeof ErrorIssueSchema>

export const ErrorEnvelopeSchema = z
  .object({
    code: z.enum(ERROR_CODES).describe('错误码，见 shared/src/errors.ts'),
    message: z.string().describe('给用户看的说明，使用用户的语言'),
    requestId: z.string().describe('请求编号，联系客服时提供'),
    details: z.array(ErrorIssueSchema).optional().describe('逐字段的问题（校验失败时）'),
  })
  .describe('统一错误格式')
export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_STATUS, value)
}

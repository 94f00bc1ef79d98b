// AppError: an error that carries one of the shared error codes; the error handler turns it into the envelope.
import { ERROR_STATUS, type ErrorCode, type ErrorIssue } from '@ysx/shared'

export class AppError extends Error {
  override name = 'AppError'
  readonly statusCode: number

  /** `internal` is for logs only; the citizen reads the i18n message for `code`. */
  constructor(
    readonly code: ErrorCode,
    internal?: string,
    readonly details?: ErrorIssue[],
  ) {
    super(internal ?? code)
    this.statusCode = ERROR_STATUS[code]
  }
}

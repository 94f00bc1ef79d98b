// A checked form's submission, as the 粤康码 forms do it: the local check's field errors, or the checked input sent
// while `submitting`; an ApiError becomes the form's message (and field errors from its details, when the form maps
// them); anything else is a bug and is rethrown.
import { useState } from 'react'
import { ApiError } from '../services/client'

export type FieldErrors<F extends string> = Partial<Record<F, string>>

/**
 * Field errors from issue paths (ours: ['temperature']; the BFF's: 'body.temperature' split on '.'): the first
 * segment naming one of our fields gets that field's message, the first message per field wins.
 */
export function fieldErrorsFrom<F extends string>(
  messages: Record<F, () => string>,
  paths: string[][],
): FieldErrors<F> {
  const errors: FieldErrors<F> = {}
  for (const path of paths) {
    const field = path.find((p): p is F => p in messages)
    if (field) errors[field] ??= messages[field]()
  }
  return errors
}

/** The paths of the issues the BFF reported, split like ours. */
export const reportedPaths = (error: ApiError): string[][] => error.details.map((d) => d.path.split('.'))

export interface FormSubmitOptions<F extends string> {
  /** The field errors for the BFF's reported issue paths; without it, a refusal only sets the form's message. */
  reported?: (paths: string[][]) => FieldErrors<F>
}

export function useFormSubmit<F extends string>(options: FormSubmitOptions<F> = {}) {
  const [errors, setErrors] = useState<FieldErrors<F>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)

  /** Sends what the check accepted, or shows the check's field errors. */
  async function run<C extends object>(checked: C | { errors: FieldErrors<F> }, send: (accepted: C) => Promise<void>) {
    setFailure(null)
    if ('errors' in checked) return setErrors(checked.errors)
    setErrors({})
    setSubmitting(true)
    try {
      await send(checked)
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      if (options.reported) setErrors(options.reported(reportedPaths(error)))
      setFailure(error.message)
    } finally {
      setSubmitting(false)
    }
  }

  /** An edited field's error goes with the edit. */
  const clearErrors = (fields: readonly string[]) =>
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([f]) => !fields.includes(f))) as FieldErrors<F>)

  return { errors, setErrors, clearErrors, failure, setFailure, submitting, run }
}

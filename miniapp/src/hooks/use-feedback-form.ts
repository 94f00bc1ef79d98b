// State and submission of the 意见反馈 form: checks input locally, submits, keeps the receipt or the error.
import { useState } from 'react'
import { FEEDBACK_CATEGORIES, type FeedbackReceipt, isValidPhone } from '@ysx/shared'
import { t } from '../i18n'
import { ApiError } from '../services/client'
import { type FeedbackInput, submitFeedback } from '../services/feedback'

export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number]
type Field = 'content' | 'contact'

const CONTENT_MIN = 5
const CONTENT_MAX = 500

function checkFields(content: string, contact: string): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {}
  const length = content.trim().length
  if (length < CONTENT_MIN || length > CONTENT_MAX) errors.content = t('feedback.contentInvalid')
  if (contact.trim() && !isValidPhone(contact.trim())) errors.contact = t('feedback.contactInvalid')
  return errors
}

/** Field errors the BFF reported, by our field names (its paths look like body.content). */
function fieldErrors(error: ApiError): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {}
  for (const issue of error.details) {
    if (issue.path.endsWith('content')) errors.content = t('feedback.contentInvalid')
    if (issue.path.endsWith('contact')) errors.contact = t('feedback.contactInvalid')
  }
  return errors
}

export function useFeedbackForm() {
  const [category, setCategory] = useState<FeedbackCategory>('suggestion')
  const [content, setContent] = useState('')
  const [contact, setContact] = useState('')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [submitting, setSubmitting] = useState(false)
  const [receipt, setReceipt] = useState<FeedbackReceipt | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  async function submit() {
    const found = checkFields(content, contact)
    setErrors(found)
    setFailure(null)
    if (Object.keys(found).length > 0) return
    const input: FeedbackInput = {
      category,
      content: content.trim(),
      ...(contact.trim() ? { contact: contact.trim() } : {}),
    }
    setSubmitting(true)
    try {
      setReceipt(await submitFeedback(input))
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      setErrors(fieldErrors(error))
      setFailure(error.message)
    } finally {
      setSubmitting(false)
    }
  }

  return {
    category,
    setCategory,
    content,
    setContent,
    contact,
    setContact,
    errors,
    /** The contact phone, for TextFields */
    inputs: { values: { contact }, errors, set: (_: 'contact', value: string) => setContact(value) },
    submitting,
    receipt,
    failure,
    submit,
    contentMax: CONTENT_MAX,
  }
}

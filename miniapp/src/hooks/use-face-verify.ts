// State of the face-verify page: the digit challenge and its countdown, name and ID number checked locally, submit.
// A real-name citizen's step-up is the face check alone (the challenge says so): no name or ID number is asked.
import { useCallback, useEffect, useState } from 'react'
import { ChineseNameSchema, type FaceChallenge, IdNumberSchema } from '@ysx/shared'
import { t } from '../i18n'
import { ApiError, type ApiErrorCode } from '../services/client'
import { type FaceVerifyInput, start, verify } from '../services/face'
import { CameraError, type CapturedSample } from './use-camera'
import { useCountdown } from './use-countdown'

type Field = 'name' | 'idNumber'
type FieldErrors = Partial<Record<Field, string>>

/** A failure shown under the form, with its code so the page can offer the right way on. */
export interface Failure {
  code: ApiErrorCode | 'CAMERA'
  message: string
}

function checkFields(name: string, idNumber: string): { errors: FieldErrors; values?: Pick<FaceVerifyInput, Field> } {
  const parsedName = ChineseNameSchema.safeParse(name)
  const parsedId = IdNumberSchema.safeParse(idNumber)
  const errors: FieldErrors = {}
  if (!parsedName.success) errors.name = t('face.nameInvalid')
  if (!parsedId.success) errors.idNumber = t('face.idNumberInvalid')
  if (!parsedName.success || !parsedId.success) return { errors }
  return { errors, values: { name: parsedName.data, idNumber: parsedId.data } }
}

/** Field errors the BFF reported (its paths look like body.idNumber). */
function reportedFieldErrors(error: ApiError): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of error.details) {
    if (issue.path === 'body.name') errors.name = t('face.nameInvalid')
    if (issue.path === 'body.idNumber') errors.idNumber = t('face.idNumberInvalid')
  }
  return errors
}

export function useFaceVerify(onVerified: () => void) {
  const [challenge, setChallenge] = useState<FaceChallenge | null>(null)
  /** A challenge is single use: after any answer from the face check, a new one is needed. */
  const [spent, setSpent] = useState(false)
  const [loading, setLoading] = useState(true)
  const [name, setName] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<Failure | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const secondsLeft = useCountdown(challenge && !spent ? challenge.expiresAt : null)
  const expired = secondsLeft === 0
  /** Binding a real name needs the name and ID number; a real-name citizen's step-up does not. */
  const needsIdentity = challenge?.purpose !== 'step_up'

  const newChallenge = useCallback(async () => {
    setLoading(true)
    setFailure(null)
    setChallenge(null)
    setSpent(false)
    try {
      setChallenge(await start())
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      setFailure({ code: error.code, message: error.message })
    } finally {
      setLoading(false)
    }
  }, [])

  useEffect(() => {
    void newChallenge()
  }, [newChallenge])

  async function submit(capture: () => Promise<CapturedSample>) {
    if (!challenge || spent || expired || submitting) return
    const checked = needsIdentity ? checkFields(name, idNumber) : { errors: {}, values: {} }
    setErrors(checked.errors)
    setFailure(null)
    if (!checked.values) return
    setSubmitting(true)
    try {
      const sample = { ...(await capture()), spokenDigits: challenge.digits }
      await verify({ verifyId: challenge.verifyId, ...checked.values, sample })
      // The page may linger while it animates away: the full ID number leaves it at once.
      setName('')
      setIdNumber('')
      onVerified()
    } catch (error) {
      if (error instanceof CameraError) return setFailure({ code: 'CAMERA', message: error.message })
      if (!(error instanceof ApiError)) throw error
      setErrors(reportedFieldErrors(error))
      setFailure({ code: error.code, message: error.message })
      // Nothing reached the face check when the input was refused or the request never arrived.
      if (error.code !== 'VALIDATION_FAILED' && error.code !== 'NETWORK_ERROR') setSpent(true)
    } finally {
      setSubmitting(false)
    }
  }

  return {
    challenge,
    loading,
    spent,
    expired,
    secondsLeft,
    newChallenge,
    needsIdentity,
    name,
    setName,
    idNumber,
    setIdNumber,
    errors,
    /** The name and ID number, for TextFields */
    inputs: {
      values: { name, idNumber },
      errors,
      set: (field: Field, value: string) => (field === 'name' ? setName : setIdNumber)(value),
    },
    failure,
    submitting,
    submit,
  }
}

// 场所码申领: name, area and address checked against the contract, the new venue's code, and my venues.
import { useState } from 'react'
import { healthCodeContracts } from '@ysx/shared'
import { t } from '../i18n'
import { ApiError } from '../services/client'
import { registerVenue, type Venue, type VenueInput, venues } from '../services/health-code'
import { useQuery } from './use-query'

export type VenueField = keyof VenueInput
export type VenueErrors = Partial<Record<VenueField, string>>

const MESSAGES: Record<VenueField, () => string> = {
  name: () => t('healthCode.venue.nameInvalid'),
  area: () => t('healthCode.venue.areaInvalid'),
  address: () => t('healthCode.venue.addressInvalid'),
}

function errorsFrom(paths: string[][]): VenueErrors {
  const errors: VenueErrors = {}
  for (const path of paths) {
    const field = path.find((p): p is VenueField => p in MESSAGES)
    if (field) errors[field] ??= MESSAGES[field]()
  }
  return errors
}

/** The registration as the contract wants it (trimmed), or each field's problem in the catalogue's words. */
export function checkVenue(fields: VenueInput): { input: VenueInput } | { errors: VenueErrors } {
  const parsed = healthCodeContracts.registerVenue.body.safeParse(fields)
  return parsed.success ? { input: parsed.data } : { errors: errorsFrom(parsed.error.issues.map((i) => i.path.map(String))) }
}

export function useVenueForm() {
  const [fields, setFields] = useState<VenueInput>({ name: '', area: '', address: '' })
  const [errors, setErrors] = useState<VenueErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const [created, setCreated] = useState<Venue | null>(null)
  const mine = useQuery(venues, { isEmpty: (d) => d.venues.length === 0 })

  async function submit() {
    const checked = checkVenue(fields)
    setFailure(null)
    if ('errors' in checked) return setErrors(checked.errors)
    setErrors({})
    setSubmitting(true)
    try {
      setCreated(await registerVenue(checked.input))
      setFields({ name: '', area: '', address: '' })
      mine.reload()
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      setErrors(errorsFrom(error.details.map((d) => d.path.split('.'))))
      setFailure(error.message)
    } finally {
      setSubmitting(false)
    }
  }

  return {
    fields,
    setField: (field: VenueField, value: string) => {
      setFields((f) => ({ ...f, [field]: value }))
      setErrors(({ [field]: _edited, ...rest }) => rest)
    },
    errors, failure, submitting, created, mine, submit,
  }
}

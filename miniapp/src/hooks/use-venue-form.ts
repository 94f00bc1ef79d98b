// 场所码申领: the business's credit code (its legal representative applies), the venue's name, its district picked
// by division code and its address, checked against the contract; the new venue's code, and my venues.
import { useState } from 'react'
import { healthCodeContracts } from '@ysx/shared'
import { t } from '../i18n'
import { registerVenue, type Venue, type VenueInput, venues } from '../services/health-code'
import { fieldErrorsFrom, useFormSubmit } from './use-form-submit'
import { useQuery } from './use-query'

export type VenueField = keyof VenueInput
export type VenueErrors = Partial<Record<VenueField, string>>

const MESSAGES: Record<VenueField, () => string> = {
  creditCode: () => t('healthCode.venue.creditCodeInvalid'),
  name: () => t('healthCode.venue.nameInvalid'),
  areaCode: () => t('healthCode.venue.areaInvalid'),
  address: () => t('healthCode.venue.addressInvalid'),
}

const errorsFrom = (paths: string[][]): VenueErrors => fieldErrorsFrom(MESSAGES, paths)

/** The registration as the contract wants it (trimmed), or each field's problem in the catalogue's words. */
export function checkVenue(fields: VenueInput): { input: VenueInput } | { errors: VenueErrors } {
  const parsed = healthCodeContracts.registerVenue.body.safeParse(fields)
  return parsed.success
    ? { input: parsed.data }
    : { errors: errorsFrom(parsed.error.issues.map((i) => i.path.map(String))) }
}

const EMPTY: VenueInput = { creditCode: '', name: '', areaCode: '', address: '' }

export function useVenueForm() {
  const [fields, setFields] = useState<VenueInput>(EMPTY)
  const { errors, clearErrors, failure, submitting, run } = useFormSubmit<VenueField>({ reported: errorsFrom })
  const [created, setCreated] = useState<Venue | null>(null)
  const mine = useQuery(venues, { isEmpty: (d) => d.venues.length === 0 })

  async function submit() {
    await run(checkVenue(fields), async ({ input }) => {
      setCreated(await registerVenue(input))
      setFields((f) => ({ ...EMPTY, creditCode: f.creditCode })) // the next venue is likely the same business's
      mine.reload()
    })
  }

  const setField = (field: VenueField, value: string) => {
    setFields((f) => ({ ...f, [field]: value }))
    clearErrors([field])
  }

  return {
    fields,
    setField,
    errors,
    /** The text fields, for TextFields (the area is picked, not typed) */
    inputs: { values: fields, errors, set: setField },
    area: { value: fields.areaCode, error: errors.areaCode ?? null, set: (code: string) => setField('areaCode', code) },
    failure,
    submitting,
    created,
    mine,
    submit,
  }
}

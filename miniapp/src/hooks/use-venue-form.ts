// 场所码申领: name, area and address checked against the contract, the new venue's code, and my venues.
import { useState } from 'react'
import { healthCodeContracts } from '@ysx/shared'
import { t } from '../i18n'
import { registerVenue, type Venue, type VenueInput, venues } from '../services/health-code'
import { fieldErrorsFrom, useFormSubmit } from './use-form-submit'
import { useQuery } from './use-query'

export type VenueField = keyof VenueInput
export type VenueErrors = Partial<Record<VenueField, string>>

const MESSAGES: Record<VenueField, () => string> = {
  name: () => t('healthCode.venue.nameInvalid'),
  area: () => t('healthCode.venue.areaInvalid'),
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

export function useVenueForm() {
  const [fields, setFields] = useState<VenueInput>({ name: '', area: '', address: '' })
  const { errors, clearErrors, failure, submitting, run } = useFormSubmit<VenueField>({ reported: errorsFrom })
  const [created, setCreated] = useState<Venue | null>(null)
  const mine = useQuery(venues, { isEmpty: (d) => d.venues.length === 0 })

  async function submit() {
    await run(checkVenue(fields), async ({ input }) => {
      setCreated(await registerVenue(input))
      setFields({ name: '', area: '', address: '' })
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
    /** The text fields, for TextFields */
    inputs: { values: fields, errors, set: setField },
    failure,
    submitting,
    created,
    mine,
    submit,
  }
}

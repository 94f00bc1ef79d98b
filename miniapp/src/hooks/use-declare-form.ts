// 健康申报 / 行程申报: the two forms' fields, checked locally against the contract (HealthDeclarationSchema) with the
// catalogue's messages, then submitted; the result (the colour after the declaration) or the BFF's message.
import { useState } from 'react'
import { type HealthDeclaration, HealthDeclarationSchema, SYMPTOMS } from '@ysx/shared'
import { t } from '../i18n'
import { isoDay } from '../format'
import { serverNow } from '../services/client'
import { keepDeclaration } from '../services/declaration-store'
import { type DeclarationAccepted, declare, type Holder } from '../services/health-code'
import { fieldErrorsFrom, useFormSubmit } from './use-form-submit'

export type DeclareKind = HealthDeclaration['kind']
export type Symptom = (typeof SYMPTOMS)[number]
export type DeclareField = 'temperature' | 'symptoms' | 'closeContact' | 'destination' | 'departedOn' | 'returnedOn'
export type FieldErrors = Partial<Record<DeclareField, string>>

export interface HealthFields {
  temperature: string
  symptoms: Symptom[]
  closeContact: boolean | null
}
export interface TripFields {
  /** A division code (GB/T 2260), picked */
  destination: string
  departedOn: string
  returnedOn: string
}

const MESSAGES: Record<DeclareField, () => string> = {
  temperature: () => t('healthCode.declare.temperatureInvalid'),
  symptoms: () => t('healthCode.declare.symptoms'),
  closeContact: () => t('healthCode.declare.closeContactRequired'),
  destination: () => t('healthCode.declare.destinationInvalid'),
  departedOn: () => t('healthCode.declare.dateRequired'),
  returnedOn: () => t('healthCode.declare.dateRequired'),
}

/** Field errors from issue paths (ours: ['temperature']; the BFF's: 'body.temperature'). */
export const errorsFrom = (paths: string[][]): FieldErrors => fieldErrorsFrom(MESSAGES, paths)

/** Temperature as typed: digits with at most one decimal (36, 36.5); anything else is not a number here. */
export function parseTemperature(text: string): number | null {
  const trimmed = text.trim()
  return /^\d{2}(\.\d)?$/.test(trimmed) ? Number(trimmed) : null
}

/** The health declaration, or why not: the contract decides, the catalogue words it. */
export function checkHealth(fields: HealthFields): { declaration: HealthDeclaration } | { errors: FieldErrors } {
  const temperature = parseTemperature(fields.temperature)
  const errors: FieldErrors = {}
  if (temperature === null) errors.temperature = MESSAGES.temperature()
  if (fields.closeContact === null) errors.closeContact = MESSAGES.closeContact()
  if (temperature === null || fields.closeContact === null) return { errors }
  const parsed = HealthDeclarationSchema.safeParse({
    kind: 'health',
    temperature,
    symptoms: fields.symptoms,
    closeContact: fields.closeContact,
  })
  return parsed.success
    ? { declaration: parsed.data }
    : { errors: errorsFrom(parsed.error.issues.map((i) => i.path.map(String))) }
}

/** The trip declaration, or why not; a return before the departure gets its own message, as in the contract. */
export function checkTrip(fields: TripFields): { declaration: HealthDeclaration } | { errors: FieldErrors } {
  const input = {
    kind: 'trip',
    destination: fields.destination.trim(),
    departedOn: fields.departedOn,
    returnedOn: fields.returnedOn,
  }
  const parsed = HealthDeclarationSchema.safeParse(input)
  if (parsed.success) return { declaration: parsed.data }
  const errors = errorsFrom(parsed.error.issues.map((i) => i.path.map(String)))
  if (errors.returnedOn && fields.returnedOn && fields.departedOn && fields.returnedOn < fields.departedOn) {
    errors.returnedOn = t('healthCode.declare.returnBeforeDeparture')
  }
  return { errors }
}

/** How far back a trip may have started, in days. */
const TRIP_DAYS = 30

export function useDeclareForm(holder: Holder) {
  const now = serverNow()
  const today = isoDay(now)
  const earliest = isoDay(now - TRIP_DAYS * 86_400_000)
  const [kind, setKind] = useState<DeclareKind>('health')
  const [health, setHealth] = useState<HealthFields>({ temperature: '', symptoms: [], closeContact: null })
  const [trip, setTrip] = useState<TripFields>({ destination: '', departedOn: today, returnedOn: today })
  const {
    errors,
    setErrors,
    clearErrors: clear,
    failure,
    setFailure,
    submitting,
    run,
  } = useFormSubmit<DeclareField>({ reported: errorsFrom })
  const [result, setResult] = useState<DeclarationAccepted | null>(null)

  async function submit() {
    await run(kind === 'health' ? checkHealth(health) : checkTrip(trip), async ({ declaration }) => {
      const accepted = await declare(holder, declaration)
      keepDeclaration(holder, { id: accepted.declarationId, kind: declaration.kind, declaredAt: accepted.declaredAt })
      setResult(accepted)
    })
  }

  const updateHealth = (patch: Partial<HealthFields>) => {
    setHealth((h) => ({ ...h, ...patch }))
    clear(Object.keys(patch))
  }
  const updateTrip = (patch: Partial<TripFields>) => {
    setTrip((v) => ({ ...v, ...patch }))
    clear(Object.keys(patch))
  }

  return {
    kind,
    setKind: (k: DeclareKind) => {
      setKind(k)
      setErrors({})
      setFailure(null)
    },
    health,
    setHealth: updateHealth,
    trip,
    setTrip: updateTrip,
    /** The temperature, for TextFields (the destination is picked, not typed) */
    inputs: {
      values: { temperature: health.temperature },
      errors,
      set: (_field: 'temperature', value: string) => updateHealth({ temperature: value }),
    },
    today,
    earliest,
    errors,
    failure,
    submitting,
    result,
    submit,
  }
}

// 代亲友: my family members (pending until they confirm), the add form (name, ID number, relation, how the member
// consents: from their own account, by their face on this phone, or as my minor child in the 户口簿) checked against the
// contract, removal after a confirmation; and the member's side: the requests naming me, accepted or withdrawn here.
import { useCallback, useEffect, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { FAMILY_CONSENT_METHODS, FAMILY_CONSENT_VERSION, FAMILY_RELATIONS, healthCodeContracts } from '@ysx/shared'
import { t } from '../i18n'
import { ApiError } from '../services/client'
import {
  acceptFamily,
  addFamily,
  family,
  type FamilyFaceChallenge,
  type FamilyInput,
  type FamilyMember,
  type FamilyRequest,
  familyFaceChallenge,
  familyRequests,
  removeFamily,
  withdrawFamily,
} from '../services/health-code'
import type { CapturedSample } from './use-camera'
import { useCountdown } from './use-countdown'
import { fieldErrorsFrom, useFormSubmit } from './use-form-submit'
import { useQuery } from './use-query'
import { askForStepUp, takeStepUp } from './step-up'

export type Relation = (typeof FAMILY_RELATIONS)[number]
export type ConsentMethod = (typeof FAMILY_CONSENT_METHODS)[number]
export interface FamilyFields {
  name: string
  idNumber: string
  relation: Relation
  method: ConsentMethod
  accepted: boolean
}
export type FamilyField = 'name' | 'idNumber' | 'relation' | 'consent' | 'face'
export type FamilyErrors = Partial<Record<FamilyField, string>>

const MESSAGES: Record<FamilyField, () => string> = {
  name: () => t('healthCode.family.nameInvalid'),
  idNumber: () => t('healthCode.family.idNumberInvalid'),
  relation: () => t('healthCode.family.relation'),
  consent: () => t('healthCode.family.consentRequired'),
  face: () => t('healthCode.family.faceRequired'),
}

const STEP_UP_ACTION = 'health-code.family.add'

const errorsFrom = (paths: string[][]): FamilyErrors => fieldErrorsFrom(MESSAGES, paths)

/** The request as the contract wants it, or each field's problem: consent must be ticked, for this statement version. */
export function checkFamily(
  fields: FamilyFields,
  face?: FamilyInput['face'],
): { input: FamilyInput } | { errors: FamilyErrors } {
  const parsed = healthCodeContracts.addFamily.body.safeParse({
    name: fields.name.trim(),
    idNumber: fields.idNumber.trim().toUpperCase(),
    relation: fields.relation,
    consent: { accepted: fields.accepted, method: fields.method, version: FAMILY_CONSENT_VERSION },
    ...(face ? { face } : {}),
  })
  return parsed.success
    ? { input: parsed.data }
    : { errors: errorsFrom(parsed.error.issues.map((i) => i.path.map(String))) }
}

const BLANK: FamilyFields = { name: '', idNumber: '', relation: 'parent', method: 'member', accepted: false }

/** My family members, loaded again each time the page shows (one may have been added or removed meanwhile). */
export const useFamilyMembers = () => useQuery(family, { isEmpty: (d) => d.members.length === 0, onShow: true })

/** The member's side: requests naming me, loaded again each time the page shows */
const useFamilyRequests = () => useQuery(familyRequests, { isEmpty: (d) => d.requests.length === 0, onShow: true })

export function useFamily() {
  const members = useFamilyMembers()
  const requests = useFamilyRequests()
  const [fields, setFields] = useState<FamilyFields>(BLANK)
  const { errors, clearErrors, failure, setFailure, submitting, run } = useFormSubmit<FamilyField>({
    reported: errorsFrom,
  })
  const [notice, setNotice] = useState<string | null>(null)
  const [challenge, setChallenge] = useState<FamilyFaceChallenge | null>(null)
  const secondsLeft = useCountdown(challenge ? challenge.expiresAt : null)

  /** Digits for the member to read aloud: a new one each time (single use, 2 minutes) */
  const newChallenge = useCallback(async () => {
    setChallenge(null)
    try {
      setChallenge(await familyFaceChallenge())
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      setFailure(error.message)
    }
  }, [setFailure])

  useEffect(() => {
    if (fields.method === 'face') void newChallenge()
    else setChallenge(null)
  }, [fields.method, newChallenge])

  async function submit(capture?: () => Promise<CapturedSample>) {
    setNotice(null)
    let face: FamilyInput['face']
    if (fields.method === 'face') {
      if (!challenge || secondsLeft === 0 || !capture) return void setFailure(t('healthCode.family.faceRequired'))
      face = { verifyId: challenge.verifyId, sample: { ...(await capture()), spokenDigits: challenge.digits } }
    }
    await run(checkFamily(fields, face), async ({ input }) => {
      try {
        const added = await addFamily(input)
        setFields(BLANK)
        setNotice(t(added.status === 'pending' ? 'healthCode.family.requested' : 'healthCode.family.added'))
        members.reload()
      } catch (error) {
        // A used challenge cannot be tried again; adding needs the carer's own fresh face check first.
        if (fields.method === 'face') void newChallenge()
        if (error instanceof ApiError && error.code === 'STEP_UP_REQUIRED') askForStepUp(STEP_UP_ACTION)
        throw error
      }
    })
  }

  // Back from the carer's own face check: add again (a member consenting by face reads new digits first).
  useDidShow(() => {
    if (takeStepUp(STEP_UP_ACTION) && fields.method !== 'face') void submit()
  })

  async function confirmed(title: string, content: string, confirmText: string) {
    const { confirm } = await Taro.showModal({ title, content, confirmText, cancelText: t('common.cancel') })
    return confirm
  }

  async function act(action: () => Promise<unknown>, done: string) {
    setFailure(null)
    try {
      await action()
      setNotice(done)
      members.reload()
      requests.reload()
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      setFailure(error.message)
    }
  }

  async function remove(member: FamilyMember) {
    const ok = await confirmed(
      t('healthCode.family.removeTitle'),
      t('healthCode.family.removeConfirm', { name: member.maskedName }),
      t('healthCode.family.remove'),
    )
    if (ok) await act(() => removeFamily(member.id), t('healthCode.family.removed'))
  }

  async function withdraw(request: FamilyRequest) {
    const ok = await confirmed(
      t('healthCode.family.withdrawTitle'),
      t('healthCode.family.withdrawConfirm', { name: request.askedBy }),
      request.status === 'pending' ? t('healthCode.family.decline') : t('healthCode.family.withdraw'),
    )
    if (ok) await act(() => withdrawFamily(request.id), t('healthCode.family.withdrawn'))
  }

  const update = (patch: Partial<FamilyFields>) => {
    setFields((f) => ({ ...f, ...patch }))
    // An edited field's error goes with the edit (the tick and its method are the consent).
    const edited = Object.keys(patch).map((k) => (k === 'accepted' || k === 'method' ? 'consent' : k))
    clearErrors(edited)
  }

  return {
    members,
    requests,
    fields,
    setFields: update,
    errors,
    /** The name and ID number, for TextFields */
    inputs: { values: fields, errors, set: (field: 'name' | 'idNumber', value: string) => update({ [field]: value }) },
    /** The face check on this phone: the digits to read aloud and how long they last */
    face: { challenge, secondsLeft, renew: () => void newChallenge() },
    failure,
    notice,
    submitting,
    submit: (capture?: () => Promise<CapturedSample>) => void submit(capture),
    remove: (m: FamilyMember) => void remove(m),
    accept: (r: FamilyRequest) => void act(() => acceptFamily(r.id), t('healthCode.family.accepted')),
    withdraw: (r: FamilyRequest) => void withdraw(r),
  }
}

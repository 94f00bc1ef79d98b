// 代亲友: my family members, the add form (name, ID number, relation, and the member's recorded consent to the
// versioned statement) checked against the contract, and removal after a confirmation.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { FAMILY_CONSENT_VERSION, FAMILY_RELATIONS, healthCodeContracts } from '@ysx/shared'
import { t } from '../i18n'
import { ApiError } from '../services/client'
import { addFamily, family, type FamilyInput, type FamilyMember, removeFamily } from '../services/health-code'
import { fieldErrorsFrom, useFormSubmit } from './use-form-submit'
import { useQuery } from './use-query'

export type Relation = (typeof FAMILY_RELATIONS)[number]
export type ConsentMethod = FamilyInput['consent']['method']
export interface FamilyFields {
  name: string
  idNumber: string
  relation: Relation
  method: ConsentMethod
  accepted: boolean
}
export type FamilyField = 'name' | 'idNumber' | 'relation' | 'consent'
export type FamilyErrors = Partial<Record<FamilyField, string>>

const MESSAGES: Record<FamilyField, () => string> = {
  name: () => t('healthCode.family.nameInvalid'),
  idNumber: () => t('healthCode.family.idNumberInvalid'),
  relation: () => t('healthCode.family.relation'),
  consent: () => t('healthCode.family.consentRequired'),
}

const errorsFrom = (paths: string[][]): FamilyErrors => fieldErrorsFrom(MESSAGES, paths)

/** The request as the contract wants it, or each field's problem: consent must be ticked, for this statement version. */
export function checkFamily(fields: FamilyFields): { input: FamilyInput } | { errors: FamilyErrors } {
  const parsed = healthCodeContracts.addFamily.body.safeParse({
    name: fields.name.trim(),
    idNumber: fields.idNumber.trim().toUpperCase(),
    relation: fields.relation,
    consent: { accepted: fields.accepted, method: fields.method, version: FAMILY_CONSENT_VERSION },
  })
  return parsed.success
    ? { input: parsed.data }
    : { errors: errorsFrom(parsed.error.issues.map((i) => i.path.map(String))) }
}

const BLANK: FamilyFields = { name: '', idNumber: '', relation: 'parent', method: 'in_person', accepted: false }

/** My family members, loaded again each time the page shows (one may have been added or removed meanwhile). */
export const useFamilyMembers = () => useQuery(family, { isEmpty: (d) => d.members.length === 0, onShow: true })

export function useFamily() {
  const members = useFamilyMembers()
  const [fields, setFields] = useState<FamilyFields>(BLANK)
  const { errors, clearErrors, failure, setFailure, submitting, run } = useFormSubmit<FamilyField>({
    reported: errorsFrom,
  })
  const [notice, setNotice] = useState<string | null>(null)

  async function submit() {
    setNotice(null)
    await run(checkFamily(fields), async ({ input }) => {
      await addFamily(input)
      setFields(BLANK)
      setNotice(t('healthCode.family.added'))
      members.reload()
    })
  }

  async function remove(member: FamilyMember) {
    const { confirm } = await Taro.showModal({
      title: t('healthCode.family.removeTitle'),
      content: t('healthCode.family.removeConfirm', { name: member.maskedName }),
      confirmText: t('healthCode.family.remove'),
      cancelText: t('common.cancel'),
    })
    if (!confirm) return
    setFailure(null)
    try {
      await removeFamily(member.id)
      setNotice(t('healthCode.family.removed'))
      members.reload()
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      setFailure(error.message)
    }
  }

  const update = (patch: Partial<FamilyFields>) => {
    setFields((f) => ({ ...f, ...patch }))
    // An edited field's error goes with the edit (the tick and its method are the consent).
    const edited = Object.keys(patch).map((k) => (k === 'accepted' || k === 'method' ? 'consent' : k))
    clearErrors(edited)
  }

  return {
    members,
    fields,
    setFields: update,
    errors,
    /** The name and ID number, for TextFields */
    inputs: { values: fields, errors, set: (field: 'name' | 'idNumber', value: string) => update({ [field]: value }) },
    failure,
    notice,
    submitting,
    submit: () => void submit(),
    remove: (m: FamilyMember) => void remove(m),
  }
}

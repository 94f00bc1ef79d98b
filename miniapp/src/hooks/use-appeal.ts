// 申诉纠错: which of the current reasons is wrong, the record it is about (a check-in, a declaration made on this phone,
// or the test result), a statement; then my appeals and how 卫健 decided them.
import { useEffect, useState } from 'react'
import { type AppealTargetSchema, healthCodeContracts, type z } from '@ysx/shared'
import { t } from '../i18n'
import { ApiError } from '../services/client'
import { declarationsOf } from '../services/declaration-store'
import { deviceKey } from '../services/device-key'
import { type AppealFiled, appeal, type AppealInput, appeals, checkIns, type Holder, show } from '../services/health-code'
import { useQuery } from './use-query'

export type TargetKind = z.infer<typeof AppealTargetSchema>['kind']
export const TARGET_KINDS: TargetKind[] = ['check_in', 'declaration', 'test_result']
export type AppealField = 'rule' | 'target' | 'statement'
export type AppealErrors = Partial<Record<AppealField, string>>
export interface AppealFields { rule: string; kind: TargetKind; targetId: string; statement: string }

/** The record a rule is usually about: a risky venue → a check-in, a test → the test result, else a declaration. */
export function targetKindFor(rule: string): TargetKind {
  const name = rule.split('.')[1] ?? ''
  if (name.includes('venue')) return 'check_in'
  if (name.includes('test')) return 'test_result'
  return 'declaration'
}

const MESSAGES: Record<AppealField, () => string> = {
  rule: () => t('healthCode.appeal.reason'),
  target: () => t('healthCode.appeal.targetRequired'),
  statement: () => t('healthCode.appeal.statementInvalid'),
}

/** The appeal as the contract wants it, or each field's problem in the catalogue's words. */
export function checkAppeal(fields: AppealFields): { input: AppealInput } | { errors: AppealErrors } {
  const target = fields.kind === 'test_result' ? { kind: fields.kind } : { kind: fields.kind, id: fields.targetId.trim() }
  const parsed = healthCodeContracts.appeal.body.safeParse({ rule: fields.rule, target, statement: fields.statement.trim() })
  if (parsed.success) return { input: parsed.data }
  const errors: AppealErrors = {}
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).find((p): p is AppealField => p in MESSAGES)
    if (field) errors[field] ??= MESSAGES[field]()
  }
  return { errors }
}

export function useAppeal(holder: Holder) {
  const status = useQuery(async () => show(holder, (await deviceKey()).publicJwk))
  const recentCheckIns = useQuery(() => checkIns(holder))
  const mine = useQuery(() => appeals(holder), { isEmpty: (d) => d.appeals.length === 0 })
  const declarations = declarationsOf(holder)
  const [fields, setFields] = useState<AppealFields>({ rule: '', kind: 'test_result', targetId: '', statement: '' })
  const [errors, setErrors] = useState<AppealErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const [filed, setFiled] = useState<AppealFiled | null>(null)
  const chooseRule = (rule: string) => setFields((f) => ({ ...f, rule, kind: targetKindFor(rule), targetId: '' }))

  // One reason only: it is the one appealed against.
  const only = status.state.status === 'ready' && status.state.data.reasons.length === 1 ? status.state.data.reasons[0]?.rule : undefined
  useEffect(() => {
    if (only) setFields((f) => (f.rule ? f : { ...f, rule: only, kind: targetKindFor(only), targetId: '' }))
  }, [only])

  async function submit() {
    const checked = checkAppeal(fields)
    setFailure(null)
    if ('errors' in checked) return setErrors(checked.errors)
    setErrors({})
    setSubmitting(true)
    try {
      setFiled(await appeal(holder, checked.input))
      setFields((f) => ({ ...f, statement: '' }))
      mine.reload()
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      setFailure(error.message)
    } finally {
      setSubmitting(false)
    }
  }

  return {
    status, recentCheckIns, mine, declarations, fields, errors, failure, submitting, filed,
    chooseRule,
    setFields: (patch: Partial<AppealFields>) => setFields((f) => ({ ...f, ...patch })),
    submit: () => void submit(),
  }
}

// 申诉纠错: which of the current reasons is wrong, the record it is about (a check-in, a declaration made on this phone,
// or the test result), a statement; then my appeals and how 卫健 decided them.
import { useEffect, useState } from 'react'
import type { z } from '@ysx/shared/z'
import { type AppealTargetSchema, healthCodeContracts } from '@ysx/shared'
import { t } from '../i18n'
import { declarationsOf } from '../services/declaration-store'
import { deviceKey } from '../services/device-key'
import {
  type AppealFiled,
  appeal,
  type AppealInput,
  appeals,
  checkIns,
  type Holder,
  show,
} from '../services/health-code'
import { fieldErrorsFrom, useFormSubmit } from './use-form-submit'
import { useQuery } from './use-query'

export type TargetKind = z.infer<typeof AppealTargetSchema>['kind']
export const TARGET_KINDS: TargetKind[] = ['check_in', 'declaration', 'test_result']
export type AppealField = 'rule' | 'target' | 'statement'
export type AppealErrors = Partial<Record<AppealField, string>>
export interface AppealFields {
  rule: string
  kind: TargetKind
  targetId: string
  statement: string
}

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
  const target =
    fields.kind === 'test_result' ? { kind: fields.kind } : { kind: fields.kind, id: fields.targetId.trim() }
  const parsed = healthCodeContracts.appeal.body.safeParse({
    rule: fields.rule,
    target,
    statement: fields.statement.trim(),
  })
  return parsed.success
    ? { input: parsed.data }
    : {
        errors: fieldErrorsFrom(
          MESSAGES,
          parsed.error.issues.map((i) => i.path.map(String)),
        ),
      }
}

export function useAppeal(holder: Holder) {
  const status = useQuery(async () => show(holder, (await deviceKey()).publicJwk))
  const recentCheckIns = useQuery(() => checkIns(holder))
  const mine = useQuery(() => appeals(holder), { isEmpty: (d) => d.appeals.length === 0 })
  const declarations = declarationsOf(holder)
  const [fields, setFields] = useState<AppealFields>({ rule: '', kind: 'test_result', targetId: '', statement: '' })
  const { errors, failure, submitting, run } = useFormSubmit<AppealField>()
  const [filed, setFiled] = useState<AppealFiled | null>(null)
  const chooseRule = (rule: string) => setFields((f) => ({ ...f, rule, kind: targetKindFor(rule), targetId: '' }))

  // One reason only: it is the one appealed against.
  const only =
    status.state.status === 'ready' && status.state.data.reasons.length === 1
      ? status.state.data.reasons[0]?.rule
      : undefined
  useEffect(() => {
    if (only) setFields((f) => (f.rule ? f : { ...f, rule: only, kind: targetKindFor(only), targetId: '' }))
  }, [only])

  async function submit() {
    await run(checkAppeal(fields), async ({ input }) => {
      setFiled(await appeal(holder, input))
      setFields((f) => ({ ...f, statement: '' }))
      mine.reload()
    })
  }

  return {
    status,
    recentCheckIns,
    mine,
    declarations,
    fields,
    errors,
    failure,
    submitting,
    filed,
    chooseRule,
    setFields: (patch: Partial<AppealFields>) => setFields((f) => ({ ...f, ...patch })),
    submit: () => void submit(),
  }
}

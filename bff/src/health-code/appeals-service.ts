// Appeals (申诉/纠错): filed with 卫健, whose reviewers decide them in their own system. We keep a mirror so that
// an upheld decision is applied once: the check-in or declaration it names is voided, or (a test result) the
// results sampled before the appeal stop counting; the holder's status is then evaluated again.
import { randomUUID } from 'node:crypto'
import type { z } from '@ysx/shared/z'
import { type AppealSchema, type AppealTargetSchema, weijianContracts } from '@ysx/shared'
import type { DataUseService, DepartmentReaders, Subject } from '../data-use'
import { AppError } from '../platform/app-error'
import type { WeijianClient } from '../platform/departments'
import type { HealthCodeRepository } from './health-code-repository'
import type { Holder } from './holders-service'

type Appeal = z.infer<typeof AppealSchema>
type Target = z.infer<typeof AppealTargetSchema>
const FILE_APPEAL_KIND = weijianContracts.fileAppeal.summary

export interface Corrections {
  /** Test results sampled up to this time were corrected by 卫健 (an upheld test-result appeal) */
  testResultsBefore: Date | null
  /** An appeal is still being reviewed: the status may change without the holder doing anything */
  pending: boolean
}

export interface AppealsService {
  file(holder: Holder, input: { rule: string; target: Target; statement: string }): Promise<Appeal>
  list(holder: Holder): Promise<Appeal[]>
  /** Applies decisions 卫健 made since we last looked; asks 卫健 only when an appeal is still open here. */
  applyDecisions(holder: Holder, subject: Subject): Promise<Corrections>
}

export function createAppealsService(d: {
  repo: HealthCodeRepository
  readers: DepartmentReaders
  weijian: WeijianClient
  dataUse: DataUseService
  now: () => Date
}): AppealsService {
  const WHY = (holder: Holder) => ({ purpose: `${holder.purpose}：申诉` })

  async function decisions(holder: Holder, subject: Subject) {
    return (
      (await d.readers.weijian.read(weijianContracts.appeals, subject, WHY(holder), { fresh: true }))?.appeals ?? []
    )
  }

  /** Applies the decisions in `records` not yet applied here; `changed` when the holder's inputs changed. */
  async function apply(
    holder: Holder,
    records: Awaited<ReturnType<typeof decisions>>,
  ): Promise<Corrections & { changed: boolean }> {
    const mine = await d.repo.appealsOf(holder.key)
    let changed = false
    for (const a of mine.filter((x) => !x.decision)) {
      const decided = records.find((r) => r.appealId === a.appealId)
      if (!decided || decided.status === 'pending') continue
      const at = d.now()
      if (decided.status === 'upheld') {
        if (a.targetKind === 'check_in' && a.targetId) await d.repo.voidCheckIn(holder.key, a.targetId, at)
        if (a.targetKind === 'declaration' && a.targetId) await d.repo.voidDeclaration(holder.key, a.targetId, at)
        changed = true
      }
      await d.repo.closeAppeal(a.appealId, decided.status, at)
      a.decision = decided.status
    }
    const corrected = mine
      .filter((a) => a.targetKind === 'test_result' && a.decision === 'upheld')
      .map((a) => a.filedAt.getTime())
    return {
      testResultsBefore: corrected.length > 0 ? new Date(Math.max(...corrected)) : null,
      pending: mine.some((a) => !a.decision),
      changed,
    }
  }

  return {
    async file(holder, input) {
      const t = input.target
      const found =
        t.kind === 'check_in'
          ? await d.repo.hasCheckIn(holder.key, t.id)
          : t.kind === 'declaration'
            ? await d.repo.hasDeclaration(holder.key, t.id)
            : true
      if (!found) throw new AppError('NOT_FOUND', `no such ${t.kind}`)
      const subject = await holder.subject()
      const caseId = `YSX-HC-${randomUUID()}`
      const why = { ...WHY(holder), caseId }
      const target = { kind: input.target.kind, id: 'id' in input.target ? input.target.id : null }
      const body = { idNumber: subject.idNumber, rule: input.rule, target, statement: input.statement }
      const call = {
        ...{ userId: subject.userId, askedBy: subject.askedBy },
        department: 'weijian' as const,
        dataKind: FILE_APPEAL_KIND,
        why,
      }
      const r = (await d.dataUse.track(call, () => d.weijian.fileAppeal(body, why)))!
      await d.repo.addAppeal({
        appealId: r.appealId,
        holder: holder.key,
        rule: input.rule,
        targetKind: target.kind,
        targetId: target.id,
        filedAt: new Date(r.filedAt),
        decision: null,
        decidedAt: null,
      })
      await d.repo.markStale(holder.key)
      return {
        appealId: r.appealId,
        rule: input.rule,
        status: r.status,
        filedAt: new Date(r.filedAt).toISOString(),
        decidedAt: null,
        note: null,
      }
    },

    async list(holder) {
      const ours = new Set((await d.repo.appealsOf(holder.key)).map((a) => a.appealId))
      if (ours.size === 0) return []
      const records = await decisions(holder, await holder.subject())
      if ((await apply(holder, records)).changed) await d.repo.markStale(holder.key)
      return records
        .filter((r) => ours.has(r.appealId))
        .map((r) => ({
          appealId: r.appealId,
          rule: r.rule,
          status: r.status,
          filedAt: new Date(r.filedAt).toISOString(),
          decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
          note: r.note,
        }))
    },

    async applyDecisions(holder, subject) {
      const open = (await d.repo.appealsOf(holder.key)).some((a) => !a.decision)
      return apply(holder, open ? await decisions(holder, subject) : [])
    },
  }
}

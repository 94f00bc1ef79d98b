// 卫健 stand-in health-code appeals (申诉/纠错): the platform files an appeal for a citizen and reads their appeals
// back; a 卫健 reviewer works through the queue of pending ones on the admin routes and upholds or rejects each,
// once. Appeal numbers are WJ + the filing day (yyyymmdd, Beijing time) + a 6-digit sequence within that day.
import { chinaDateTime, fromContract, weijianContracts } from '@ysx/shared'
import { type DepartmentContext, DepartmentError } from '../harness'
import type * as schema from './schema'

type Stored = typeof schema.appeals.$inferSelect
type Row = Pick<
  Stored,
  'appealId' | 'rule' | 'targetKind' | 'targetId' | 'statement' | 'status' | 'filedAt' | 'decidedAt' | 'note'
>

const COLUMNS =
  'appeal_id AS appealId, rule, target_kind AS targetKind, target_id AS targetId, statement, status, filed_at AS filedAt, decided_at AS decidedAt, note'
const toRecord = ({ targetKind, targetId, ...rest }: Row) => ({ ...rest, target: { kind: targetKind, id: targetId } })

export function appealRoutes({ sqlite, app, now, serve, serveCitizen }: DepartmentContext<typeof schema>): void {
  const c = weijianContracts
  const byId = sqlite.prepare(`SELECT ${COLUMNS} FROM appeals WHERE appeal_id = ?`)
  const byPerson = sqlite.prepare(`SELECT ${COLUMNS} FROM appeals WHERE person_index = ? ORDER BY id DESC`)
  const pending = sqlite.prepare(`SELECT ${COLUMNS} FROM appeals WHERE status = 'pending' ORDER BY id`)
  const lastOfDay = sqlite.prepare('SELECT max(appeal_id) AS last FROM appeals WHERE appeal_id LIKE ?')
  const insert =
    sqlite.prepare(`INSERT INTO appeals (person_index, appeal_id, rule, target_kind, target_id, statement, status, filed_at, case_id)
    VALUES (@personIndex, @appealId, @rule, @targetKind, @targetId, @statement, 'pending', @filedAt, @caseId)`)
  const decide = sqlite.prepare(
    "UPDATE appeals SET status = @status, note = @note, decided_at = @decidedAt, reviewer = @reviewer WHERE appeal_id = @appealId AND status = 'pending'",
  )
  const reviewerOf = sqlite.prepare('SELECT reviewer FROM appeals WHERE appeal_id = ?').pluck()
  const read = (appealId: string) => byId.get(appealId) as Row | undefined

  /** Numbers the appeal within its filing day and stores it, in one transaction. */
  const file = sqlite.transaction(
    (row: Omit<Stored, 'id' | 'appealId' | 'status' | 'decidedAt' | 'note' | 'reviewer'>) => {
      const day = `WJ${row.filedAt.slice(0, 10).replaceAll('-', '')}`
      const { last } = lastOfDay.get(`${day}%`) as { last: string | null }
      const appealId = `${day}${String(last ? Number(last.slice(day.length)) + 1 : 1).padStart(6, '0')}`
      insert.run({ ...row, appealId })
      return appealId
    },
  )

  /** POST /v1/appeals — file a health-code appeal for the citizen in the body (201 with the record) */
  serveCitizen(c.fileAppeal, 201, (s, body, call) => {
    const appealId = file({
      personIndex: s.index,
      rule: body.rule,
      targetKind: body.target.kind,
      targetId: body.target.id,
      statement: body.statement,
      filedAt: chinaDateTime(now()),
      caseId: call.caseId,
    })
    return toRecord(read(appealId)!)
  })
  /** POST /v1/appeals/lookup — the citizen's appeals and their decisions, newest first */
  serve(c.appeals, (s) => ({ appeals: (byPerson.all(s.index) as Row[]).map(toRecord) }))

  /** GET /_admin/appeals — the reviewer's queue: pending appeals, oldest first */
  app.route({
    ...fromContract(c.pendingAppeals),
    handler: async () => ({ appeals: (pending.all() as Row[]).map(toRecord) }),
  })
  /**
   * POST /_admin/appeals/:appealId/decision — uphold or reject a pending appeal (404 unknown, 409 already decided); the
   * decision records its reviewer: the operator whose token opened the route.
   */
  app.route({
    ...fromContract(c.decideAppeal),
    handler: async (req) => {
      const { appealId } = req.params
      const reviewer = req.operator
      if (!reviewer) throw new DepartmentError('OPERATOR_AUTH_REQUIRED')
      const { changes } = decide.run({
        appealId,
        status: req.body.decision,
        note: req.body.note,
        decidedAt: chinaDateTime(now()),
        reviewer,
      })
      const row = read(appealId)
      if (!row) throw new DepartmentError('NOT_FOUND')
      if (changes === 0) throw new DepartmentError('CONFLICT')
      return { ...toRecord(row), reviewer: reviewerOf.get(appealId) as string }
    },
  })
}

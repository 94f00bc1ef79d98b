// 交管 stand-in: the 驾驶证 with its 12-point scoring, 行驶证, and the last two years of traffic violations.
import { jiaoguanContracts } from '@ysx/shared'
import { defineDepartment, yuan } from '../harness'
import { pointsCycle } from './rules'
import * as schema from './schema'
import { seedJiaoguan } from './seed'

export const standIn = defineDepartment({
  name: 'jiaoguan',
  schema,
  seed: seedJiaoguan,
  routes: ({ ref, rowsOf, serve, serveCertificates }) => {
    const violationsOf = rowsOf(schema.violations, 'occurred_at DESC')

    /** POST /v1/certificates/lookup — the 驾驶证 (with this cycle's points) and 行驶证 of a citizen */
    serveCertificates(jiaoguanContracts.certificates, (row, s) => {
      if (row.type !== 'driving_licence') return {}
      const { firstIssueDate } = JSON.parse(row.details) as { firstIssueDate: string }
      const { cycleStart, cycleEnd } = pointsCycle(firstIssueDate, ref)
      const deductions = violationsOf(s.index)
        .filter((v) => v.points > 0 && v.occurredAt.slice(0, 10) >= cycleStart)
        .map((v) => ({ decisionNumber: v.decisionNumber, occurredAt: v.occurredAt, points: v.points }))
      const deducted = deductions.reduce((sum, v) => sum + v.points, 0)
      return { points: { cycleStart, cycleEnd, deducted, remaining: Math.max(0, 12 - deducted) }, deductions }
    })
    /** POST /v1/violations/lookup — violations of the last two years, newest first, with the unpaid total */
    serve(jiaoguanContracts.violations, (s) => {
      const rows = violationsOf(s.index)
      const unpaid = rows.filter((v) => v.paid === 0)
      return {
        violations: rows.map(({ fineFen, paid, ...v }) => ({ ...v, fine: yuan(fineFen), paid: paid === 1 })),
        unpaidCount: unpaid.length,
        unpaidFines: yuan(unpaid.reduce((sum, v) => sum + v.fineFen, 0)),
      }
    })
  },
})

// Data-use table on PostgreSQL: 我的数据使用记录, the same table as tables.ts.
import { index, pgTable, text } from 'drizzle-orm/pg-core'
import { at, id } from '../platform/columns.pg'
// A foreign key is a fact of the schema, not a use of identity's data: the one import tables may make.
import { userRef } from '../identity/tables.pg'

/** 我的数据使用记录: every department query made for a citizen — which department, what data, why, when, case. */
export const dataAccess = pgTable(
  'data_access',
  {
    id: id(),
    userId: userRef('user_id'),
    department: text('department').notNull(),
    dataKind: text('data_kind').notNull(),
    purpose: text('purpose').notNull(),
    caseId: text('case_id'),
    /** Who asked, when the call was made for this citizen by someone else (代亲友: the adder, masked) */
    askedBy: text('asked_by'),
    outcome: text('outcome', { enum: ['served', 'not_found', 'failed', 'rejected'] }).notNull(),
    at: at('at'),
  },
  (t) => [index('data_access_user_at_idx').on(t.userId, t.at)],
)

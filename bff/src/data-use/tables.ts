// Data-use table: 我的数据使用记录, every department call made for a citizen.
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { at, id } from '../platform/columns'
// A foreign key is a fact of the schema, not a use of identity's data: the one import tables may make.
import { userRef } from '../identity/tables'

/** 我的数据使用记录: every department query made for a citizen — which department, what data, why, when, case. */
export const dataAccess = sqliteTable(
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

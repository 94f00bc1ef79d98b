// Data-use table: 我的数据使用记录, every department call made for a citizen.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
// A foreign key is a fact of the schema, not a use of identity's data: the one import tables may make.
import { users } from '../identity/tables'

/** 我的数据使用记录: every department query made for a citizen — which department, what data, why, when, case. */
export const dataAccess = sqliteTable(
  'data_access',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    department: text('department').notNull(),
    dataKind: text('data_kind').notNull(),
    purpose: text('purpose').notNull(),
    caseId: text('case_id'),
    outcome: text('outcome', { enum: ['served', 'not_found', 'failed'] }).notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('data_access_user_at_idx').on(t.userId, t.at)],
)

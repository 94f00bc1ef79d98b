// 服务大厅 tables: a citizen's recently opened guides and favourite services (the catalogue itself is data, in
// bff/catalogue/). Both bounded per citizen by the repository; both go when the citizen's account goes.
import { index, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { at } from '../platform/columns'
// A foreign key is a fact of the schema, not a use of identity's data: the one import tables may make.
import { users } from '../identity/tables'

export const hallRecent = sqliteTable(
  'hall_recent',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** 事项编码 of the catalogue (bff/catalogue/services.json) */
    serviceCode: text('service_code').notNull(),
    openedAt: at('opened_at'),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.serviceCode] }),
    index('hall_recent_user_opened_idx').on(t.userId, t.openedAt),
  ],
)

export const hallFavourites = sqliteTable(
  'hall_favourites',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    serviceCode: text('service_code').notNull(),
    createdAt: at('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.serviceCode] }),
    index('hall_favourites_user_created_idx').on(t.userId, t.createdAt),
  ],
)

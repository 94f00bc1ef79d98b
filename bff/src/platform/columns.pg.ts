// Column builders for the BFF's PostgreSQL tables (drizzle pg-core): the same shapes as columns.ts, so each
// capability's tables.pg.ts reads like its tables.ts and both infer the same row types.
import { text, timestamp } from 'drizzle-orm/pg-core'

/** A text primary key named `id` (a UUID or random id made by the service) */
export const id = () => text('id').primaryKey()
/** A time to the millisecond, always set */
export const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' }).notNull()
/** A time to the millisecond, unset until it happens (used, revoked, voided …) */
export const maybeAt = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' })

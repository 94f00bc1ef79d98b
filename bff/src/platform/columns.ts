// Column builders for the BFF's tables (drizzle, SQLite): the shapes every capability's tables repeat.
import { integer, text } from 'drizzle-orm/sqlite-core'

/** A text primary key named `id` (a UUID or random id made by the service) */
export const id = () => text('id').primaryKey()
/** A time to the millisecond, always set */
export const at = (name: string) => integer(name, { mode: 'timestamp_ms' }).notNull()
/** A time to the millisecond, unset until it happens (used, revoked, voided …) */
export const maybeAt = (name: string) => integer(name, { mode: 'timestamp_ms' })

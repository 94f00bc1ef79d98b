// Column builders every department's schema shares: the citizen keys, required text and whole numbers, and the
// tables of records kept about citizens (many per citizen, found by the citizen's index).
import { index, integer, type SQLiteColumnBuilderBase, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** The citizen's index in the synthetic population, as the key of a one-row-per-citizen table. */
export const citizenKey = () => integer('person_index').primaryKey()
/** The citizen a record is about. */
export const citizenRef = () => integer('person_index').notNull()
/** Required text; dates are ISO text (YYYY-MM-DD, or date and time). */
export const requiredText = (name: string) => text(name).notNull()
/** Required text from a closed list of values. */
export const oneOf = <U extends string, const T extends readonly [U, ...U[]]>(name: string, values: T) =>
  text(name, { enum: values }).notNull()
/** A required whole number; amounts are in fen. */
export const requiredInt = (name: string) => integer(name).notNull()

/** A record's own integer key. */
export const rowId = () => integer('id').primaryKey()

/** A table of records about citizens, many per citizen: an integer id, the citizen's index (indexed), then `columns`. */
export const citizenRecords = <N extends string, C extends Record<string, SQLiteColumnBuilderBase>>(
  name: N,
  columns: C,
) =>
  sqliteTable(name, { id: rowId(), personIndex: citizenRef(), ...columns }, (t) => [
    index(`${name}_person_index`).on(t.personIndex),
  ])

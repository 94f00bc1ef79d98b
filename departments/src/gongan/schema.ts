// 公安 stand-in database schema: the identity register, household membership, and the harness's shared tables.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export { accessLog, certificates, seedMeta } from '../harness/tables'

export const citizens = sqliteTable('citizens', {
  idNumber: text('id_number').primaryKey(),
  personIndex: integer('person_index').notNull().unique(),
  name: text('name').notNull(),
  gender: text('gender', { enum: ['male', 'female'] }).notNull(),
  birthDate: text('birth_date').notNull(),
  ethnicity: text('ethnicity').notNull(),
  address: text('address').notNull(),
  phone: text('phone').notNull(),
})

/** 户口簿 membership: which household each citizen belongs to, and how they relate to its head. */
export const householdMembers = sqliteTable(
  'household_members',
  {
    personIndex: integer('person_index').primaryKey(),
    householdNumber: text('household_number').notNull(),
    relationToHead: text('relation_to_head').notNull(),
  },
  (t) => [index('household_members_household_number').on(t.householdNumber)],
)

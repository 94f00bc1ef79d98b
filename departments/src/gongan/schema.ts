// 公安 stand-in database schema: the identity register, household membership, and the harness's shared tables.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { citizenKey, citizenRecords, oneOf, requiredInt, requiredText } from '../harness/columns'

export { accessLog, certificates, seedMeta } from '../harness/tables'

export const citizens = sqliteTable('citizens', {
  idNumber: text('id_number').primaryKey(),
  personIndex: integer('person_index').notNull().unique(),
  name: requiredText('name'),
  gender: oneOf('gender', ['male', 'female']),
  birthDate: requiredText('birth_date'),
  ethnicity: requiredText('ethnicity'),
  address: requiredText('address'),
  phone: requiredText('phone'),
})

/** 户口簿 membership: which household each citizen belongs to, and how they relate to its head. */
export const householdMembers = sqliteTable(
  'household_members',
  {
    personIndex: citizenKey(),
    householdNumber: requiredText('household_number'),
    relationToHead: requiredText('relation_to_head'),
  },
  (t) => [index('household_members_household_number').on(t.householdNumber)],
)

/** A minor's parents or guardians in the same household (户口簿 监护关系): who may act for them. */
export const guardians = citizenRecords('guardians', {
  guardianIndex: requiredInt('guardian_index'),
  relation: oneOf('relation', ['父亲', '母亲', '监护人']),
})

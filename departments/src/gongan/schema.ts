// 公安 stand-in database schema: the identity register, and what was seeded into it.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

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

export const seedMeta = sqliteTable('seed_meta', {
  id: integer('id').primaryKey(),
  seed: integer('seed').notNull(),
  size: integer('size').notNull(),
})

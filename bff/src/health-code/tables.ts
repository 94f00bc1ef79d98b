// 粤康码 tables. A holder is `u:<userId>` (the citizen) or `f:<familyMemberId>` (someone they show codes for).
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
// A foreign key is a fact of the schema, not a use of identity's data: the one import tables may make.
import { users } from '../identity/tables'

/** Family members a citizen shows codes for (代亲友): sealed identity, the consent as recorded, soft removal. */
export const familyMembers = sqliteTable(
  'family_members',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    nameSealed: text('name_sealed').notNull(),
    nameMasked: text('name_masked').notNull(),
    idNumberSealed: text('id_number_sealed').notNull(),
    idNumberHash: text('id_number_hash').notNull(),
    relation: text('relation').notNull(),
    consentMethod: text('consent_method', { enum: ['in_person', 'guardian'] }).notNull(),
    consentVersion: text('consent_version').notNull(),
    addedAt: integer('added_at', { mode: 'timestamp_ms' }).notNull(),
    removedAt: integer('removed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('family_members_owner_idx').on(t.ownerId, t.idNumberHash)],
)

/** Health and trip declarations; `effectiveAt` is when the declared fact happened (a trip: the day of return). */
export const healthDeclarations = sqliteTable(
  'health_declarations',
  {
    id: text('id').primaryKey(),
    holder: text('holder').notNull(),
    kind: text('kind', { enum: ['health', 'trip'] }).notNull(),
    payload: text('payload').notNull(),
    declaredAt: integer('declared_at', { mode: 'timestamp_ms' }).notNull(),
    effectiveAt: integer('effective_at', { mode: 'timestamp_ms' }).notNull(),
    /** Set when a 卫健 reviewer upheld an appeal against it */
    voidedAt: integer('voided_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('health_declarations_holder_idx').on(t.holder, t.effectiveAt)],
)

export const venues = sqliteTable(
  'venues',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    area: text('area').notNull(),
    address: text('address').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('venues_owner_idx').on(t.ownerId)],
)

export const checkIns = sqliteTable(
  'check_ins',
  {
    id: text('id').primaryKey(),
    holder: text('holder').notNull(),
    venueId: text('venue_id')
      .notNull()
      .references(() => venues.id),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    voidedAt: integer('voided_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('check_ins_holder_idx').on(t.holder, t.at)],
)

/**
 * The current status of each holder and the status credential signed for it: read on every display, written only
 * when the status is evaluated again (it lapsed, or the holder declared, checked in or won an appeal).
 */
export const healthStatus = sqliteTable('health_status', {
  holder: text('holder').primaryKey(),
  /** Kept with the status so a display needs no other read */
  maskedName: text('masked_name').notNull(),
  colour: text('colour', { enum: ['green', 'yellow', 'red'] }).notNull(),
  /** JSON: the matched rules with since/until */
  reasons: text('reasons').notNull(),
  negativeWithinHours: integer('negative_within_hours'),
  ruleVersion: text('rule_version').notNull(),
  evaluatedAt: integer('evaluated_at', { mode: 'timestamp_ms' }).notNull(),
  validUntil: integer('valid_until', { mode: 'timestamp_ms' }).notNull(),
  /** Set when something the rules read has changed since the evaluation */
  stale: integer('stale', { mode: 'boolean' }).notNull().default(false),
  credential: text('credential'),
  credentialId: text('credential_id').unique(),
  deviceKeyThumbprint: text('device_key_thumbprint'),
  credentialExpiresAt: integer('credential_expires_at', { mode: 'timestamp_ms' }),
})

/** Online entrance verifications: the one-use guard on each code (credential id + device proof id). */
export const healthCodeUses = sqliteTable('health_code_uses', {
  jti: text('jti').primaryKey(),
  verifiedAt: integer('verified_at', { mode: 'timestamp_ms' }).notNull(),
})

/** Appeals filed with 卫健 (its case number), mirrored here so an upheld decision is applied once. */
export const healthAppeals = sqliteTable(
  'health_appeals',
  {
    appealId: text('appeal_id').primaryKey(),
    holder: text('holder').notNull(),
    rule: text('rule').notNull(),
    targetKind: text('target_kind', { enum: ['check_in', 'declaration', 'test_result'] }).notNull(),
    targetId: text('target_id'),
    filedAt: integer('filed_at', { mode: 'timestamp_ms' }).notNull(),
    /** 卫健's decision once we have seen it (and, when upheld, applied it) */
    decision: text('decision', { enum: ['upheld', 'rejected'] }),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('health_appeals_holder_idx').on(t.holder)],
)

// 粤康码 tables on PostgreSQL: the same tables as tables.ts. A holder is `u:<userId>` (the citizen) or `f:<familyMemberId>` (someone they show codes for).
import { boolean, index, integer, pgTable, text } from 'drizzle-orm/pg-core'
import { at, id, maybeAt } from '../platform/columns.pg'
// A foreign key is a fact of the schema, not a use of identity's data: the one import tables may make.
import { userRef, users } from '../identity/tables.pg'

/**
 * Family members a citizen shows codes for (代亲友): sealed identity, the consent as recorded, soft removal. A member
 * is `pending` until they accept from their own account (`memberUserId`), or `active` at once after a face check on
 * the adder's phone or a guardianship 公安 confirms; only an active member's code can be seen. Rows from before
 * consent was asked of the member themself (method in_person/guardian) start pending.
 */
export const familyMembers = pgTable(
  'family_members',
  {
    id: id(),
    ownerId: userRef('owner_id'),
    nameSealed: text('name_sealed').notNull(),
    nameMasked: text('name_masked').notNull(),
    idNumberSealed: text('id_number_sealed').notNull(),
    idNumberHash: text('id_number_hash').notNull(),
    relation: text('relation').notNull(),
    consentMethod: text('consent_method', {
      enum: ['member', 'face', 'household', 'in_person', 'guardian'],
    }).notNull(),
    consentVersion: text('consent_version').notNull(),
    addedAt: at('added_at'),
    removedAt: maybeAt('removed_at'),
    status: text('status', { enum: ['pending', 'active'] })
      .notNull()
      .default('pending'),
    /** The member's own account, once they accepted (or first looked at the requests naming them) */
    memberUserId: text('member_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** When the member's consent was given (accepted, face check passed or guardianship confirmed) */
    consentedAt: maybeAt('consented_at'),
  },
  (t) => [
    index('family_members_owner_idx').on(t.ownerId, t.idNumberHash),
    index('family_members_member_idx').on(t.idNumberHash),
  ],
)

/** One-use digits a family member reads aloud for the face check on the adder's phone (2 minutes). */
export const familyFaceChallenges = pgTable('family_face_challenges', {
  id: id(),
  ownerId: userRef('owner_id'),
  digits: text('digits').notNull(),
  expiresAt: at('expires_at'),
  usedAt: maybeAt('used_at'),
})

/** Health and trip declarations; `effectiveAt` is when the declared fact happened (a trip: the day of return). */
export const healthDeclarations = pgTable(
  'health_declarations',
  {
    id: id(),
    holder: text('holder').notNull(),
    kind: text('kind', { enum: ['health', 'trip'] }).notNull(),
    payload: text('payload').notNull(),
    declaredAt: at('declared_at'),
    effectiveAt: at('effective_at'),
    /** Set when a 卫健 reviewer upheld an appeal against it */
    voidedAt: maybeAt('voided_at'),
  },
  (t) => [index('health_declarations_holder_idx').on(t.holder, t.effectiveAt)],
)

/**
 * Venues, each registered by the legal representative of the business (统一社会信用代码) 市场监管 confirmed, in an
 * administrative division picked by its GB/T 2260 code (never typed text).
 */
export const venues = pgTable(
  'venues',
  {
    id: id(),
    /** Null once the citizen who registered it closed their account: the venue stays, others checked in there */
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'set null' }),
    /** The business the venue belongs to: at most a fixed number of venues each */
    creditCode: text('credit_code').notNull(),
    name: text('name').notNull(),
    areaCode: text('area_code').notNull(),
    address: text('address').notNull(),
    createdAt: at('created_at'),
  },
  (t) => [index('venues_owner_idx').on(t.ownerId), index('venues_credit_code_idx').on(t.creditCode)],
)

export const checkIns = pgTable(
  'check_ins',
  {
    id: id(),
    holder: text('holder').notNull(),
    venueId: text('venue_id')
      .notNull()
      .references(() => venues.id),
    at: at('at'),
    voidedAt: maybeAt('voided_at'),
  },
  (t) => [index('check_ins_holder_idx').on(t.holder, t.at)],
)

/**
 * The current status of each holder and the status credential signed for it: read on every display, written only
 * when the status is evaluated again (it lapsed, or the holder declared, checked in or won an appeal).
 */
export const healthStatus = pgTable('health_status', {
  holder: text('holder').primaryKey(),
  /** Kept with the status so a display needs no other read */
  maskedName: text('masked_name').notNull(),
  colour: text('colour', { enum: ['green', 'yellow', 'red'] }).notNull(),
  /** JSON: the matched rules with since/until */
  reasons: text('reasons').notNull(),
  negativeWithinHours: integer('negative_within_hours'),
  ruleVersion: text('rule_version').notNull(),
  evaluatedAt: at('evaluated_at'),
  validUntil: at('valid_until'),
  /** Set when something the rules read has changed since the evaluation */
  stale: boolean('stale').notNull().default(false),
  credential: text('credential'),
  credentialId: text('credential_id').unique(),
  deviceKeyThumbprint: text('device_key_thumbprint'),
  credentialExpiresAt: maybeAt('credential_expires_at'),
})

/** Online entrance verifications: the one-use guard on each code (credential id + device proof id). */
export const healthCodeUses = pgTable('health_code_uses', {
  jti: text('jti').primaryKey(),
  verifiedAt: at('verified_at'),
})

/** Appeals filed with 卫健 (its case number), mirrored here so an upheld decision is applied once. */
export const healthAppeals = pgTable(
  'health_appeals',
  {
    appealId: text('appeal_id').primaryKey(),
    holder: text('holder').notNull(),
    rule: text('rule').notNull(),
    targetKind: text('target_kind', { enum: ['check_in', 'declaration', 'test_result'] }).notNull(),
    targetId: text('target_id'),
    filedAt: at('filed_at'),
    /** 卫健's decision once we have seen it (and, when upheld, applied it) */
    decision: text('decision', { enum: ['upheld', 'rejected'] }),
    decidedAt: maybeAt('decided_at'),
  },
  (t) => [index('health_appeals_holder_idx').on(t.holder)],
)

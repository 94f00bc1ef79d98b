// BFF database schema (drizzle). Migrations under bff/drizzle are generated from this file by drizzle-kit.
import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const feedback = sqliteTable(
  'feedback',
  {
    id: text('id').primaryKey(),
    category: text('category', { enum: ['suggestion', 'bug', 'complaint', 'praise'] }).notNull(),
    content: text('content').notNull(),
    /** Contact phone, AES-256-GCM sealed (lib/field-cipher); null when not given. */
    contactSealed: text('contact_sealed'),
    /** Masked form (138****5678) kept so a receipt needs no decryption. */
    contactMasked: text('contact_masked'),
    status: text('status', { enum: ['received', 'in_progress', 'closed'] })
      .notNull()
      .default('received'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('feedback_created_at_idx').on(t.createdAt),
    check('feedback_content_length', sql`length(${t.content}) between 1 and 2000`),
  ],
)

/** A citizen's account: created at first WeChat login, raised to real-name level by a face verification. */
export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  openid: text('openid').notNull().unique(),
  /** WeChat session_key, sealed: it never leaves the BFF. */
  sessionKeySealed: text('session_key_sealed'),
  level: text('level', { enum: ['basic', 'real_name'] })
    .notNull()
    .default('basic'),
  idNumberSealed: text('id_number_sealed'),
  /** Keyed HMAC of the ID number: one account per citizen, looked up without decrypting. */
  idNumberHash: text('id_number_hash').unique(),
  idNumberMasked: text('id_number_masked'),
  nameSealed: text('name_sealed'),
  nameMasked: text('name_masked'),
  phoneSealed: text('phone_sealed'),
  phoneMasked: text('phone_masked'),
  realNameAt: integer('real_name_at', { mode: 'timestamp_ms' }),
  lastFaceAt: integer('last_face_at', { mode: 'timestamp_ms' }),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
})

/** A login session = one refresh-token family. Revoking it ends every token in it, access tokens included. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    absoluteExpiresAt: integer('absolute_expires_at', { mode: 'timestamp_ms' }).notNull(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    revokedReason: text('revoked_reason', { enum: ['logout', 'reuse', 'expired'] }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

/** Refresh tokens, stored as SHA-256 hashes; each is used once and replaced by the next in its family. */
export const refreshTokens = sqliteTable(
  'refresh_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
    idleExpiresAt: integer('idle_expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('refresh_tokens_session_idx').on(t.sessionId)],
)

/** Face-verification challenges: digits to read aloud, 2 minutes, single use. */
export const faceChallenges = sqliteTable(
  'face_challenges',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    digits: text('digits').notNull(),
    issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('face_challenges_user_idx').on(t.userId)],
)

/** Security audit trail, hash-chained: each record's hash covers the previous one, so an edit shows at its index. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    userId: text('user_id'),
    action: text('action').notNull(),
    outcome: text('outcome', { enum: ['success', 'failure'] }).notNull(),
    reason: text('reason'),
    requestId: text('request_id'),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_user_action_at_idx').on(t.userId, t.action, t.at)],
)

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

/** Asymmetric signing keys (ES256) for artifacts third parties verify: the private half sealed, the public as JWK. */
export const signingKeys = sqliteTable('signing_keys', {
  kid: text('kid').primaryKey(),
  alg: text('alg', { enum: ['ES256'] }).notNull(),
  publicJwk: text('public_jwk').notNull(),
  privateKeySealed: text('private_key_sealed').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  /** From then on a newer key signs; this one only verifies. */
  retiredAt: integer('retired_at', { mode: 'timestamp_ms' }),
  /** From then on it is out of the JWKS and verifies nothing (retiredAt + the overlap). */
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
})

/** Credentials issued for presentation (亮证): which card, profile and device key; used for online revocation checks. */
export const walletCredentials = sqliteTable(
  'wallet_credentials',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    cardId: text('card_id').notNull(),
    profile: text('profile', { enum: ['traffic_police', 'hotel', 'age_check'] }).notNull(),
    deviceKeyThumbprint: text('device_key_thumbprint').notNull(),
    issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('wallet_credentials_card_idx').on(t.userId, t.cardId)],
)

/** Every online verification of a presentation: the replay guard (one use per presentation id) and the citizen's log. */
export const presentations = sqliteTable(
  'presentations',
  {
    jti: text('jti').primaryKey(),
    credentialId: text('credential_id')
      .notNull()
      .references(() => walletCredentials.id, { onDelete: 'cascade' }),
    verifiedAt: integer('verified_at', { mode: 'timestamp_ms' }).notNull(),
    outcome: text('outcome', { enum: ['accepted', 'replayed', 'not_valid'] }).notNull(),
  },
  (t) => [index('presentations_credential_idx').on(t.credentialId)],
)

// ——— 粤康码 ———
// A holder is `u:<userId>` (the citizen) or `f:<familyMemberId>` (someone they show codes for).

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

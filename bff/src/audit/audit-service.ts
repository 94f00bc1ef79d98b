// Audit service: one record per security event (who, what, when, outcome), chained with HMAC-SHA-256 under a key
// kept outside the database, with signed checkpoints of the chain head at intervals: a database writer can neither
// rewrite a record (recomputing plain hashes does not help: the key is not theirs) nor cut off the newest ones.
import { createHmac, createPrivateKey, createPublicKey, hkdfSync, type KeyObject, sign, verify } from 'node:crypto'
import {
  type AuditCheckpointRow,
  type AuditEntry,
  type AuditRepository,
  type AuditRow,
  GENESIS_HASH,
} from './audit-repository'

export type AuditAction =
  | 'login'
  | 'logout'
  | 'refresh'
  | 'refresh.reuse'
  | 'token.refused'
  | 'face.start'
  | 'face.verify'
  | 'id_number.reveal'
  | 'certificate.reveal'
  | 'authz.denied'
  | 'family.add'
  | 'family.accept'
  | 'family.remove'
  | 'health_code.transfer'
  | 'privacy.export'
  | 'account.close'
  /** An authenticated request for an object that is not the caller's (or does not exist): answered 404 like a missing one */
  | 'authz.not_found'
  /** An operator revoked a signing key (reason: its kid) */
  | 'key.revoke'
  | 'health_code.issue'
  | 'health_code.verify'
  | 'health_code.callback'
  | 'credential.issue'
  | 'presentation.verify'

export interface AuditContext {
  requestId?: string
  ip?: string
  /** The session the request came in on (its access token's sid): what a step-up check is held against */
  sessionId?: string
}

export interface AuditService {
  record(
    e: { userId: string | null; action: AuditAction; outcome: 'success' | 'failure'; reason?: string },
    ctx: AuditContext,
  ): Promise<void>
  failuresSince(userId: string, action: AuditAction, since: Date): Promise<number>
  list(userId?: string): Promise<AuditRow[]>
  /** A closed account (PIPL Art. 47): its records keep their place in the chain under the pseudonym of its id. */
  pseudonymise(userId: string): Promise<number>
  /** Index of the first record whose chain does not hold, or -1 when the whole log is intact. */
  verify(): Promise<number>
}

/** What a closed account's records carry instead of its id. */
export const PSEUDONYM_PREFIX = 'anon:'
/** Maps a user id to its pseudonym (a pseudonym maps to itself). */
export type Pseudonymiser = (userId: string) => string

/**
 * The pseudonym of a user id: an HMAC-SHA-256 keyed from a secret that is not in the database, so nobody holding
 * an old token (its `sub`) or a copy of the database can find a closed account's records again.
 */
export function auditPseudonymiser(secret: string): Pseudonymiser {
  const key = Buffer.from(hkdfSync('sha256', secret, 'ysx-audit', 'subject-pseudonym', 32))
  return (userId) =>
    userId.startsWith(PSEUDONYM_PREFIX)
      ? userId
      : PSEUDONYM_PREFIX + createHmac('sha256', key).update(userId).digest('base64url')
}

/**
 * The audit's keys, all derived from BFF_AUDIT_KEY: the chain's HMAC key, the checkpoints' Ed25519 pair and the
 * pseudonym of closed accounts.
 */
export interface AuditKeys {
  chain: Buffer
  signing: KeyObject
  verifying: KeyObject
  pseudonym: Pseudonymiser
}

/** PKCS #8 DER prefix of an Ed25519 private key: the 32-byte seed follows (RFC 8410). */
const ED25519_PKCS8 = Buffer.from('302e020100300506032b657004220420', 'hex')

export function auditKeys(secret: string): AuditKeys {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'ysx-audit', info, 32))
  const signing = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8, derive('checkpoint-ed25519')]),
    format: 'der',
    type: 'pkcs8',
  })
  return {
    chain: derive('chain-hmac'),
    signing,
    verifying: createPublicKey(signing),
    pseudonym: auditPseudonymiser(secret),
  }
}

/**
 * The hash of a record: HMAC-SHA-256, under the chain key, over the previous hash and the fields in a fixed order.
 * It covers the pseudonym of the user id, not the id itself, so replacing the id by its pseudonym when the account
 * closes keeps the chain intact, while any other edit of the column still breaks it.
 */
export function auditHash(prevHash: string, e: AuditEntry, keys: AuditKeys): string {
  const subject = e.userId === null ? null : keys.pseudonym(e.userId)
  const fields = [e.at.getTime(), subject, e.action, e.outcome, e.reason, e.requestId, e.ip]
  return createHmac('sha256', keys.chain).update(prevHash).update(JSON.stringify(fields)).digest('hex')
}

/** Index of the first record whose chain does not hold, or -1 when the whole log is intact. */
export function firstBrokenLink(rows: AuditRow[], keys: AuditKeys): number {
  let prev = GENESIS_HASH
  for (const [i, row] of rows.entries()) {
    if (row.prevHash !== prev || row.hash !== auditHash(prev, row, keys)) return i
    prev = row.hash
  }
  return -1
}

const checkpointInput = (c: Pick<AuditCheckpointRow, 'seq' | 'headHash' | 'at'>) =>
  Buffer.from(JSON.stringify(['ysx-audit-checkpoint', c.seq, c.headHash, c.at.getTime()]), 'utf8')

export function signCheckpoint(row: AuditRow, at: Date, keys: AuditKeys): AuditCheckpointRow {
  const c = { seq: row.seq, headHash: row.hash, at }
  return { ...c, signature: sign(null, checkpointInput(c), keys.signing).toString('base64url') }
}

export interface AuditVerification {
  records: number
  /** The first record whose link does not hold (its index in seq order, and its seq), or null */
  firstBroken: { index: number; seq: number } | null
  checkpoints: number
  /** The first checkpoint that is missing, badly signed, or disagrees with the record it names, or null */
  badCheckpoint: { seq: number; why: 'missing' | 'signature' | 'record missing' | 'head differs' } | null
}

/**
 * Checks the whole trail: every link of the chain, and every checkpoint — one is expected at each multiple of
 * `every` up to the newest record, correctly signed, naming a record that is there with that hash.
 */
export function verifyAuditTrail(
  rows: AuditRow[],
  checkpoints: AuditCheckpointRow[],
  keys: AuditKeys,
  every: number,
): AuditVerification {
  const broken = firstBrokenLink(rows, keys)
  const bySeq = new Map(rows.map((r) => [r.seq, r]))
  const found = new Map(checkpoints.map((c) => [c.seq, c]))
  const newest = Math.max(0, ...rows.map((r) => r.seq), ...checkpoints.map((c) => c.seq))
  let bad: AuditVerification['badCheckpoint'] = null
  for (let seq = every; seq <= newest && !bad; seq += every) {
    const c = found.get(seq)
    const row = bySeq.get(seq)
    if (!c) bad = { seq, why: 'missing' }
    else if (!verify(null, checkpointInput(c), keys.verifying, Buffer.from(c.signature, 'base64url')))
      bad = { seq, why: 'signature' }
    else if (!row) bad = { seq, why: 'record missing' }
    else if (row.hash !== c.headHash) bad = { seq, why: 'head differs' }
  }
  return {
    records: rows.length,
    firstBroken: broken < 0 ? null : { index: broken, seq: rows[broken]!.seq },
    checkpoints: checkpoints.length,
    badCheckpoint: bad,
  }
}

export interface AuditSettings {
  /** BFF_AUDIT_KEY: outside the database by design */
  key: string
  /** A signed checkpoint after every this many records */
  checkpointEvery: number
}

export function createAuditService(
  repo: AuditRepository,
  settings: AuditSettings,
  now: () => Date = () => new Date(),
): AuditService {
  const keys = auditKeys(settings.key)
  const chain = (prevHash: string, entry: AuditEntry) => auditHash(prevHash, entry, keys)
  return {
    async record(e, ctx) {
      const row = await repo.append(
        {
          at: now(),
          userId: e.userId,
          action: e.action,
          outcome: e.outcome,
          reason: e.reason ?? null,
          requestId: ctx.requestId ?? null,
          ip: ctx.ip ?? null,
        },
        chain,
      )
      if (row.seq % settings.checkpointEvery === 0) await repo.addCheckpoint(signCheckpoint(row, now(), keys))
    },
    failuresSince: (userId, action, since) => repo.countSince(userId, action, 'failure', since),
    list: (userId) => repo.list(userId ? { userId } : {}),
    pseudonymise: (userId) => repo.replaceUserId(userId, keys.pseudonym(userId)),
    verify: async () => firstBrokenLink(await repo.list(), keys),
  }
}

// The health-code status: facts gathered from 卫健 (tests, risk areas) and our own records (declarations,
// check-ins, decided appeals), the rule set's verdict stored per holder, and the status credential the device
// binds its rotating QR to. A display reads one row; the rules run only when the status lapsed or an input
// changed, and the platform signs only when the status or the device key changed (never per display).
import { createHash, randomBytes } from 'node:crypto'
import { LRUCache } from 'lru-cache'
import type { z } from '@ysx/shared/z'
import {
  catalogues,
  type DeviceKeySchema,
  type ErrorCode,
  type HealthCodeSchema,
  type HealthColour,
  type HealthStatus,
  type HealthVerificationSchema,
  type Locale,
  weijianContracts,
  withinDivision,
} from '@ysx/shared'
import { CODE_TYP, credentialKid, HEALTH_COLOUR_CODES, verifyHealthCode } from '@ysx/shared/credential'
import type { HealthCodeRepository, HealthStatusRow } from './health-code-repository'
import type { DepartmentReaders } from '../data-use'
import type { AuditContext, AuditService } from '../audit'
import { AppError } from '../platform/app-error'
import { oncePer } from '../platform/once-per'
import { nodeEs256Verify } from '../platform/es256'
import { signJws } from '../platform/jws'
import type { KeyService } from '../keys'
import type { AppealsService } from './appeals-service'
import type { Holder } from './holders-service'
import { evaluate, type Evaluation, type Facts, type RuleSet } from './rules'

const HEALTH_CREDENTIAL_TYP = CODE_TYP.healthCode
/** A credential is signed again when it has less than this left, so a code shown now lasts its minute. */
const CREDENTIAL_MARGIN_MS = 120_000
const RISKY = new Set(['high', 'medium'])

type DeviceKey = z.infer<typeof DeviceKeySchema>
type HealthCode = z.infer<typeof HealthCodeSchema>

/** What a conditional display answers: the code (200), or that the credential the phone holds is current (304). */
export type Display =
  | { kind: 'code'; code: HealthCode; credentialId: string }
  | { kind: 'not-modified'; credentialId: string }
  /** The signed-in session ended (found by the display's own read): the route refuses it as authentication would. */
  | { kind: 'session-ended' }
export interface StoredReason {
  rule: string
  colour: HealthColour
  since: string
  until: string
}

export interface HealthStatusService {
  /** The holder's current status, evaluated again when it lapsed or an input changed. */
  current(holder: Holder, locale: Locale): Promise<HealthStatus>
  /** Evaluates now, whatever is stored (after a declaration, a check-in, a decided appeal). */
  reevaluate(holder: Holder, locale: Locale): Promise<{ status: HealthStatus; facts: Facts }>
  /** The status with a credential bound to this device key; a newly signed credential is audited for `by`. */
  show(
    holder: Holder,
    deviceKey: DeviceKey,
    locale: Locale,
    by?: { userId: string; ctx: AuditContext },
  ): Promise<HealthCode>
  /**
   * The conditional display (GET …/code). `ifNoneMatch` is the phone's header: when it names the stored credential
   * and that credential is current (status neither stale nor lapsed, bound to this device key, outside its re-sign
   * margin), `not-modified`; otherwise as `show`. With `session` (the holder `self`) the session's liveness and the
   * status are one read; without it (a family member) the route has checked the session already.
   */
  display(
    holder: Holder,
    deviceKey: DeviceKey,
    ifNoneMatch: string | undefined,
    locale: Locale,
    by: { userId: string; ctx: AuditContext },
    session?: { sid: string },
  ): Promise<Display>
  /**
   * Entrance verification: colour and time only. The one-use id is reserved before any department is asked; a status
   * marked stale (卫健 reported a new result) or past its validUntil is evaluated again first, so the colour answered
   * is the holder's colour now, never the one signed earlier. Refusals and replays are audited.
   */
  verify(code: string, ctx?: AuditContext): Promise<z.infer<typeof HealthVerificationSchema>>
}

export function createHealthStatusService(d: {
  repo: HealthCodeRepository
  readers: DepartmentReaders
  appeals: AppealsService
  keys: KeyService
  rules: RuleSet
  audit: AuditService
  /** The holder a status row is filed under (`u:<userId>` or `f:<memberId>`); undefined when it is gone. */
  holderOf: (key: string) => Promise<Holder | undefined>
  now: () => Date
}): HealthStatusService {
  const windowMs = Math.max(...d.rules.rules.map((r) => r.lastsSeconds)) * 1000
  // Forged or garbled codes cost nothing to send: audited once per address per minute, not each time.
  const firstJunkFrom = oncePer(60_000)

  /**
   * `fresh`: after the holder did something (declared, checked in), or when 卫健 reported a new result, ask 卫健 for
   * the tests and the risk areas as of now (never a cached reply).
   */
  async function gather(holder: Holder, at: Date, fresh = false): Promise<Facts> {
    const subject = await holder.subject()
    const why = { purpose: holder.purpose }
    const since = new Date(at.getTime() - windowMs - 86_400_000)
    const corrections = await d.appeals.applyDecisions(holder, subject)
    const [tests, risk, declarations, checkIns] = await Promise.all([
      d.readers.weijian.read(weijianContracts.nucleicAcidTests, subject, why, { fresh }),
      d.readers.weijian.readOpen(weijianContracts.riskAreas, why, { fresh }),
      d.repo.declarationsSince(holder.key, since),
      d.repo.checkInsSince(holder.key, since),
    ])
    // By division code: a flagged city (440100) covers its districts (4401xx); a district only itself. Never text.
    const riskAreas = risk.areas.filter((a) => RISKY.has(a.level)).map((a) => a.areaCode)
    const inRiskArea = (code: string) => riskAreas.some((r) => withinDivision(code, r))
    // A test result 卫健 corrected on appeal no longer counts.
    const counted = (tests?.tests ?? []).filter(
      (t) => !corrections.testResultsBefore || Date.parse(t.sampledAt) > corrections.testResultsBefore.getTime(),
    )
    const latest = (result: '阳性' | '阴性') =>
      counted
        .filter((t) => t.result === result)
        .map((t) => new Date(t.sampledAt))
        .sort((a, b) => b.getTime() - a.getTime())[0] ?? null
    const health = declarations
      .filter((x) => x.kind === 'health')
      .map((x) => ({
        at: x.effectiveAt,
        p: JSON.parse(x.payload) as { temperature: number; symptoms: string[]; closeContact: boolean },
      }))
    const trips = declarations
      .filter((x) => x.kind === 'trip')
      .map((x) => ({ at: x.effectiveAt, p: JSON.parse(x.payload) as { destination: string } }))
    const latestNegative = latest('阴性')
    const symptoms = health.find((h) => h.p.symptoms.length > 0 || h.p.temperature >= 37.3)?.at ?? null
    const negativeTestAfterSymptoms = symptoms !== null && latestNegative !== null && latestNegative > symptoms
    return {
      positiveTest: latest('阳性'),
      latestNegative,
      closeContact: health.find((h) => h.p.closeContact)?.at ?? null,
      riskVenue: checkIns.find((c) => inRiskArea(c.areaCode))?.at ?? null,
      riskTrip: trips.find((t) => inRiskArea(t.p.destination))?.at ?? null,
      symptoms,
      negativeTestAfterSymptoms,
      volatile: checkIns.length > 0 || trips.length > 0 || (symptoms !== null && !negativeTestAfterSymptoms),
      appealPending: corrections.pending,
    }
  }

  const toStatus = (holder: string, row: HealthStatusRow, locale: Locale): HealthStatus => ({
    holder,
    maskedName: row.maskedName,
    colour: row.colour,
    reasons: (JSON.parse(row.reasons) as StoredReason[]).map((r) => ({
      ...r,
      message: (catalogues[locale].healthRules as Record<string, string>)[r.rule] ?? r.rule,
    })),
    negativeTestWithinHours: row.negativeWithinHours as 24 | 48 | 72 | null,
    ruleVersion: row.ruleVersion,
    evaluatedAt: row.evaluatedAt.toISOString(),
    validUntil: row.validUntil.toISOString(),
  })

  async function store(holder: Holder, e: Evaluation, previous: HealthStatusRow | undefined): Promise<HealthStatusRow> {
    const reasons: StoredReason[] = e.reasons.map((r) => ({
      rule: r.rule,
      colour: r.colour,
      since: r.since.toISOString(),
      until: r.until.toISOString(),
    }))
    // The credential outlives a re-evaluation only when it says the same thing and does not outlast the new status.
    const keep =
      previous?.credential &&
      previous.colour === e.colour &&
      previous.ruleVersion === e.ruleVersion &&
      previous.credentialExpiresAt &&
      previous.credentialExpiresAt <= e.validUntil
    const row: HealthStatusRow = {
      holder: holder.key,
      maskedName: previous?.maskedName ?? (await holder.maskedName()),
      colour: e.colour,
      reasons: JSON.stringify(reasons),
      negativeWithinHours: e.negativeWithinHours,
      ruleVersion: e.ruleVersion,
      evaluatedAt: e.evaluatedAt,
      validUntil: e.validUntil,
      stale: false,
      credential: keep ? previous.credential : null,
      credentialId: keep ? previous.credentialId : null,
      deviceKeyThumbprint: keep ? previous.deviceKeyThumbprint : null,
      credentialExpiresAt: keep ? previous.credentialExpiresAt : null,
    }
    await d.repo.putStatus(row)
    return row
  }

  /** A stored status still stands: not marked stale, and not lapsed at `at`. */
  const current = (row: HealthStatusRow, at: number) => !row.stale && row.validUntil.getTime() > at

  /** The status to show: `stored` (as read) when current, else evaluated again. */
  async function fresh(holder: Holder, stored?: { row: HealthStatusRow | undefined }): Promise<HealthStatusRow> {
    const row = stored ? stored.row : await d.repo.status(holder.key)
    if (row && current(row, d.now().getTime())) return row
    const at = d.now()
    return store(holder, evaluate(d.rules, await gather(holder, at, row?.stale ?? false), at), row)
  }

  // A device key's thumbprint, hashed once per key (each phone sends its own on every display), not per request.
  const thumbprints = new LRUCache<string, string>({ max: 10_000 })
  const thumbprintOf = (deviceKey: DeviceKey) => {
    const key = `${deviceKey.x}.${deviceKey.y}`
    let thumbprint = thumbprints.get(key)
    if (thumbprint === undefined) {
      thumbprint = createHash('sha256').update(key).digest('base64url')
      thumbprints.set(key, thumbprint)
    }
    return thumbprint
  }
  /** The stored credential may be shown again on this device: bound to its key, and not within its re-sign margin. */
  const usable = (row: HealthStatusRow, thumbprint: string, at: number) =>
    Boolean(
      row.credential &&
      row.deviceKeyThumbprint === thumbprint &&
      row.credentialExpiresAt &&
      row.credentialExpiresAt.getTime() - at > CREDENTIAL_MARGIN_MS,
    )

  async function showFrom(
    holder: Holder,
    stored: { row: HealthStatusRow | undefined } | undefined,
    deviceKey: DeviceKey,
    locale: Locale,
    by?: { userId: string; ctx: AuditContext },
  ): Promise<{ code: HealthCode; credentialId: string }> {
    let row = await fresh(holder, stored)
    const at = d.now().getTime()
    const thumbprint = thumbprintOf(deviceKey)
    if (!usable(row, thumbprint, at)) {
      const exp = Math.floor(
        Math.min(at + d.rules.credentialMaxSeconds * 1000, row.validUntil.getTime() + CREDENTIAL_MARGIN_MS) / 1000,
      )
      const c = randomBytes(16).toString('base64url')
      const claims = {
        c,
        hc: HEALTH_COLOUR_CODES[row.colour],
        k: { x: deviceKey.x, y: deviceKey.y },
        e: exp,
        v: row.ruleVersion,
        // When it was signed: an offline verifier shows the credential's age (签发于 N 分钟前).
        i: Math.floor(at / 1000),
      }
      const credential = await signJws({ alg: 'ES256', typ: HEALTH_CREDENTIAL_TYP }, claims, (build) =>
        d.keys.signFor(build),
      )
      row = {
        ...row,
        credential,
        credentialId: c,
        deviceKeyThumbprint: thumbprint,
        credentialExpiresAt: new Date(exp * 1000),
      }
      await d.repo.putStatus(row)
      if (by)
        await d.audit.record(
          {
            userId: by.userId,
            action: 'health_code.issue',
            outcome: 'success',
            reason: `${holder.id === 'self' ? 'self' : 'family'} ${row.colour}`,
          },
          by.ctx,
        )
    }
    const code = {
      ...toStatus(holder.id, row, locale),
      credential: row.credential!,
      credentialExpiresAt: row.credentialExpiresAt!.toISOString(),
    }
    return { code, credentialId: row.credentialId! }
  }

  /** If-None-Match names this credential (strong or weak, alone or in a list: RFC 9110 §13.1.2's weak comparison). */
  const names = (ifNoneMatch: string | undefined, credentialId: string | null): credentialId is string =>
    Boolean(credentialId && ifNoneMatch?.includes(`"${credentialId}"`))

  return {
    async current(holder, locale) {
      return toStatus(holder.id, await fresh(holder), locale)
    },

    async reevaluate(holder, locale) {
      const at = d.now()
      const facts = await gather(holder, at, true)
      const row = await store(holder, evaluate(d.rules, facts, at), await d.repo.status(holder.key))
      return { status: toStatus(holder.id, row, locale), facts }
    },

    async show(holder, deviceKey, locale, by) {
      return (await showFrom(holder, undefined, deviceKey, locale, by)).code
    },

    async display(holder, deviceKey, ifNoneMatch, locale, by, session) {
      const stored = session
        ? await d.repo.displayRead({ sid: session.sid, userId: by.userId }, holder.key, d.now())
        : { row: await d.repo.status(holder.key) }
      if (!stored) return { kind: 'session-ended' }
      const { row } = stored
      const at = d.now().getTime()
      // The phone holds the current credential for this device: nothing to send.
      if (row && current(row, at) && names(ifNoneMatch, row.credentialId) && usable(row, thumbprintOf(deviceKey), at))
        return { kind: 'not-modified', credentialId: row.credentialId }
      return { kind: 'code', ...(await showFrom(holder, stored, deviceKey, locale, by)) }
    },

    async verify(code, ctx = {}) {
      const at = d.now()
      const refuse = async (code: ErrorCode, why: string, holderKey?: string): Promise<never> => {
        const userId = holderKey?.startsWith('u:') ? holderKey.slice(2) : null
        await d.audit.record(
          { userId, action: 'health_code.verify', outcome: 'failure', reason: `${code}: ${why}` },
          ctx,
        )
        throw new AppError(code, why)
      }
      const keys = await d.keys.verificationKeys(credentialKid(code))
      const r = verifyHealthCode(code, { keys, nowMs: at.getTime(), es256: nodeEs256Verify })
      if (!r.ok) {
        if (r.failure !== 'expired' && !firstJunkFrom(ctx.ip ?? '')) throw new AppError('HEALTH_CODE_INVALID', r.reason)
        return refuse(r.failure === 'expired' ? 'HEALTH_CODE_EXPIRED' : 'HEALTH_CODE_INVALID', r.reason)
      }
      // A newer device took over, or the status changed since this credential was signed: not current.
      const row = await d.repo.statusByCredential(r.credentialId)
      if (!row) return refuse('HEALTH_CODE_SUPERSEDED', 'no current status holds this credential')
      // One use, reserved before any department is asked: two scans of one QR make one evaluation and one answer.
      const jti = `${r.credentialId}:${r.proofId}`
      if (!(await d.repo.firstUse(jti, at))) return refuse('HEALTH_CODE_REPLAYED', 'proof seen before', row.holder)
      let colour: HealthColour = r.claims.colour
      if (row.stale || row.validUntil.getTime() <= at.getTime()) {
        const holder = await d.holderOf(row.holder)
        if (!holder) return refuse('HEALTH_CODE_SUPERSEDED', 'the holder is gone', row.holder)
        try {
          colour = (await store(holder, evaluate(d.rules, await gather(holder, at, true), at), row)).colour
        } catch (err) {
          // A department that failed decided nothing: the reader may scan the same code again.
          if (err instanceof AppError && err.code.startsWith('UPSTREAM_')) await d.repo.releaseUse(jti)
          throw err
        }
      }
      return {
        colour,
        presentedAt: new Date(r.issuedAt * 1000).toISOString(),
        checks: ['signature', 'device', 'freshness', 'current', 'replay'],
      }
    },
  }
}

// Retention: nothing outlives its period. The job (app.retention.purge, run on a timer by the app) is called with the
// controllable clock at the end of each window: what is past its period is gone (counted in the SQLite file), what is
// still live stays. Without it these tables grow for ever and one-use records, ended sessions and old whereabouts
// (check-ins, trips) sit in the database long after anyone needs them.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { FastifyInstance } from 'fastify'
import { RETENTION } from '../../src/privacy'
import { type DataStore, openDataStore } from '../../src/store'
import { build } from '../helper'

const T0 = new Date('2026-11-23T02:00:00Z').getTime()
const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
const at = (ms: number) => new Date(T0 + ms)

let app: FastifyInstance
let store: DataStore
let file: string
let clock = T0

beforeEach(async () => {
  file = path.join(mkdtempSync(path.join(tmpdir(), 'ysx-retention-')), 'bff.sqlite')
  store = openDataStore(file)
  clock = T0
  // The timer is off here: the test runs the job itself, at the moments it chooses.
  ;({ app } = await build(
    { retentionIntervalMs: 0, maxEventLoopDelayMs: 600_000 },
    { store, now: () => new Date(clock) },
  ))
  await store.repos.users.create({ id: USER, openid: 'o-retention', sessionKeySealed: 'x', createdAt: at(0) })
})
afterEach(async () => app.close())

const USER = '11111111-1111-4111-8111-111111111111'

/** Rows of a table whose `column` is one of `values` */
function count(table: string, column: string, values: string[]): number {
  const db = new BetterSqlite3(file, { readonly: true })
  try {
    const marks = values.map(() => '?').join(',')
    return (
      db.prepare(`select count(*) as n from "${table}" where "${column}" in (${marks})`).get(...values) as {
        n: number
      }
    ).n
  } finally {
    db.close()
  }
}

async function session(id: string, absoluteExpiresAt: Date, idleExpiresAt: Date) {
  await store.repos.sessions.create(
    { id, userId: USER, createdAt: at(0), absoluteExpiresAt },
    { tokenHash: `hash-${id}`, issuedAt: at(0), idleExpiresAt },
  )
}

test('ended sessions and their refresh tokens do not outlive the session: purged, the live one stays', async () => {
  await session('live', at(30 * DAY), at(7 * DAY))
  await session('logged-out', at(30 * DAY), at(7 * DAY))
  await store.repos.sessions.revoke('logged-out', 'logout', at(MIN))
  await session('past-absolute', at(HOUR), at(HOUR))
  await session('idle', at(30 * DAY), at(HOUR))
  const all = ['live', 'logged-out', 'past-absolute', 'idle']
  expect(count('sessions', 'id', all)).toBe(4)

  const counts = await app.retention.purge(at(HOUR))
  expect(counts.sessions).toBe(3)
  expect(count('sessions', 'id', all)).toBe(1)
  expect(count('sessions', 'id', ['live'])).toBe(1)
  expect(count('refresh_tokens', 'session_id', all)).toBe(1)
})

test('face challenges do not outlive their 2 minutes, used or not', async () => {
  const challenge = (id: string, issuedAt: Date) =>
    store.repos.faceChallenges.create({
      id,
      userId: USER,
      digits: '123456',
      issuedAt,
      expiresAt: new Date(issuedAt.getTime() + 2 * MIN),
    })
  await challenge('old-unused', at(0))
  await challenge('old-used', at(0))
  await store.repos.faceChallenges.claim('old-used', USER, at(MIN))
  await challenge('fresh', at(HOUR - MIN))
  await app.retention.purge(at(HOUR))
  expect(count('face_challenges', 'id', ['old-unused', 'old-used'])).toBe(0)
  expect(count('face_challenges', 'id', ['fresh'])).toBe(1)
})

test('代亲友 face-check challenges do not outlive their 2 minutes, used or not', async () => {
  const challenge = (id: string, issuedAt: Date) =>
    store.repos.healthCode.addFamilyChallenge({
      id,
      ownerId: USER,
      digits: '123456',
      expiresAt: new Date(issuedAt.getTime() + 2 * MIN),
      usedAt: null,
    })
  await challenge('family-old-unused', at(0))
  await challenge('family-old-used', at(0))
  await store.repos.healthCode.claimFamilyChallenge(USER, 'family-old-used', at(MIN))
  await challenge('family-fresh', at(HOUR - MIN))
  await app.retention.purge(at(HOUR))
  expect(count('family_face_challenges', 'id', ['family-old-unused', 'family-old-used'])).toBe(0)
  expect(count('family_face_challenges', 'id', ['family-fresh'])).toBe(1)
})

test('one-use records do not outlive their window: 粤康码 entrance uses and presentation verifications', async () => {
  await store.repos.healthCode.firstUse('code-old', at(0))
  await store.repos.healthCode.firstUse('code-live', at(RETENTION.oneUseMs))
  const credential = (id: string, issued: number) =>
    store.repos.presentations.addCredential({
      id,
      userId: USER,
      cardId: 'card',
      profile: 'hotel',
      deviceKeyThumbprint: 't',
      issuedAt: at(issued),
      expiresAt: at(issued + DAY),
    })
  await credential('cred-old', 0)
  await credential('cred-live', RETENTION.presentationVerificationMs)
  const verified = (jti: string, credentialId: string, when: number) =>
    store.repos.presentations.firstUse({ jti, credentialId, verifiedAt: at(when), outcome: 'accepted' })
  await verified('p-old', 'cred-live', 0)
  await verified('p-live', 'cred-live', RETENTION.presentationVerificationMs)

  await app.retention.purge(at(RETENTION.oneUseMs + 1))
  expect(count('health_code_uses', 'jti', ['code-old'])).toBe(0)
  expect(count('health_code_uses', 'jti', ['code-live'])).toBe(1)

  await app.retention.purge(at(RETENTION.presentationVerificationMs + 1))
  expect(count('presentations', 'jti', ['p-old'])).toBe(0)
  expect(count('presentations', 'jti', ['p-live'])).toBe(1)
  // A credential 30 days past its expiry goes; a live one stays.
  await app.retention.purge(at(DAY + RETENTION.expiredCredentialMs + 1))
  expect(count('wallet_credentials', 'id', ['cred-old'])).toBe(0)
  expect(count('wallet_credentials', 'id', ['cred-live'])).toBe(1)
})

test('whereabouts do not outlive the rules: check-ins after 14 days, declarations once spent', async () => {
  await store.repos.healthCode.addVenueWithin(
    {
      id: 'venue',
      ownerId: USER,
      creditCode: '91440101MA59TEST0X',
      name: '测试场所',
      areaCode: '440104',
      address: '测试路 1 号',
      createdAt: at(0),
    },
    20,
  )
  const checkIn = (id: string, when: number) =>
    store.repos.healthCode.addCheckIn({ id, holder: `u:${USER}`, venueId: 'venue', at: at(when), voidedAt: null })
  await checkIn('ci-old', 0)
  await checkIn('ci-live', DAY)
  const declaration = (id: string, when: number) =>
    store.repos.healthCode.addDeclaration({
      id,
      holder: `u:${USER}`,
      kind: 'trip',
      payload: '{}',
      declaredAt: at(when),
      effectiveAt: at(when),
      voidedAt: null,
    })
  await declaration('d-old', 0)
  await declaration('d-live', DAY)

  await app.retention.purge(at(14 * DAY + 1))
  expect(count('check_ins', 'id', ['ci-old'])).toBe(0)
  expect(count('check_ins', 'id', ['ci-live'])).toBe(1)
  // 14 days is not yet spent for a declaration: the rules read one day further back.
  expect(count('health_declarations', 'id', ['d-old', 'd-live'])).toBe(2)
  await app.retention.purge(at(15 * DAY + 1))
  expect(count('health_declarations', 'id', ['d-old'])).toBe(0)
  expect(count('health_declarations', 'id', ['d-live'])).toBe(1)
  // The venue itself is not whereabouts: it stays.
  expect(count('venues', 'id', ['venue'])).toBe(1)
})

test('the job runs on its own at the configured interval with the service clock', async () => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
  const timed = await build(
    { retentionIntervalMs: HOUR, maxEventLoopDelayMs: 600_000 },
    { store, now: () => new Date(clock) },
  )
  try {
    await store.repos.healthCode.firstUse('code-timed', at(0))
    clock = T0 + HOUR
    await jest.advanceTimersByTimeAsync(HOUR)
    await new Promise((resolve) => setImmediate(resolve))
    expect(count('health_code_uses', 'jti', ['code-timed'])).toBe(0)
  } finally {
    jest.useRealTimers()
    await timed.app.close()
  }
})

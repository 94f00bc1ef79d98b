// The presentation service on its own (an in-memory store, a stand-in wallet and step-up, one fixed clock):
// issuing a credential (what it binds, discloses and how long it lives), the online verification of a presentation
// (signature, freshness, the certificate's current status, one use per presentation id, each refusal audited), and
// the card's verification log. The attacks on the public verify endpoint: one QR scanned twice at once, replays,
// forged codes (audited once per address), a department failure that does not burn the code.
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, randomUUID, sign } from 'node:crypto'
import { CERTIFICATE_TYPES, type DisclosureProfile } from '@ysx/shared'
import { CODE_TYP, presentationText, proofSigningInput } from '@ysx/shared/credential'
import { testConfig } from '../../src/platform/config'
import { type DataStore } from '../../src/store'
import { openTestStore } from '../support/databases'
import { AppError } from '../../src/platform/app-error'
import { createFieldCipher } from '../../src/platform/field-cipher'
import type { IssuedCertificate } from '../../src/wallet/certificates'
import { createKeyService, type KeyService } from '../../src/keys/key-service'
import { createPresentationService, disclose } from '../../src/presentation/presentation-service'
import { type AuditService, createAuditService } from '../../src/audit/audit-service'
import type { ProfileService } from '../../src/identity/profile-service'
import type { WalletService } from '../../src/wallet/wallet-service'

const T0 = Date.parse('2026-11-20T02:00:00.000Z')
const seconds = (ms: number) => Math.floor(ms / 1000)
const decode = (segment: string) => JSON.parse(Buffer.from(segment, 'base64url').toString()) as Record<string, unknown>

const LICENCE: IssuedCertificate = {
  type: 'driving_licence',
  title: '机动车驾驶证',
  certificateNumber: '440106199003071161',
  status: 'valid',
  issueDate: '2020-01-01',
  expiryDate: '2030-01-01',
  issuingAuthority: '广州市公安局交通警察支队',
  holder: { name: '张三', idNumber: '44010619900307116X', gender: 'male' },
  department: 'jiaoguan',
  licenceClass: 'C1',
  points: { remaining: 9 },
}
const ID_CARD: IssuedCertificate = {
  type: 'id_card',
  title: '居民身份证',
  certificateNumber: '44010619900307116X',
  status: 'valid',
  issueDate: '2015-03-07',
  expiryDate: '2035-03-07',
  issuingAuthority: '广州市公安局天河分局',
  holder: { name: '张三', idNumber: '44010619900307116X', gender: 'male' },
  department: 'gongan',
}
const LICENCE_CARD = 'card-licence-0123456789abcdef'
const ID_CARD_ID = 'card-idcard-0123456789abcdef'

type Status = IssuedCertificate['status'] | 'gone' | 'down'

/**
 * One store, key ring and audit trail for the file (opening a store costs more than a test): each test has its own
 * citizen, clock, department and service, and reads only the audit records written after its setup.
 */
let shared: Promise<{ store: DataStore; keys: KeyService; audit: AuditService }> | undefined
const common = () =>
  (shared ??= (async () => {
    const store = await openTestStore()
    const keys = createKeyService(
      store.repos.signingKeys,
      createFieldCipher(testConfig().signingSealKey),
      { rotationSeconds: 86_400, overlapSeconds: 3600 },
      () => new Date(T0),
    )
    return { store, keys, audit: createAuditService(store.repos.audit, testConfig().audit) }
  })())
afterAll(async () => (await shared)?.store.close())

async function setup(o: { keys?: (real: KeyService) => KeyService } = {}) {
  const { store, keys: realKeys, audit } = await common()
  let nowMs = T0
  const clock = () => new Date(nowMs)
  const keys = o.keys ? o.keys(realKeys) : realKeys
  const certificates: Record<string, IssuedCertificate> = {
    [LICENCE_CARD]: { ...LICENCE },
    [ID_CARD_ID]: { ...ID_CARD },
  }
  let status: Status = 'valid'
  // The department: counts its calls and notes what it was asked; `hold` keeps the answers back until released.
  const asked: unknown[][] = []
  let gate: Promise<void> | undefined
  let open = () => {}
  const wallet = {
    certificate: async (...args: unknown[]) => {
      asked.push(args)
      if (gate) await gate
      const cert = certificates[args[1] as string]
      if (!cert || status === 'gone') throw new AppError('NOT_FOUND')
      if (status === 'down') throw new AppError('UPSTREAM_UNAVAILABLE')
      return { ...cert, status: status === 'valid' ? cert.status : status }
    },
  } as unknown as WalletService
  const faceChecked: unknown[][] = []
  let faceRecent = true
  const profiles = {
    requireRecentFace: async (...args: unknown[]) => {
      faceChecked.push(args)
      if (!faceRecent) throw new AppError('STEP_UP_REQUIRED')
    },
  } as unknown as ProfileService
  const user = await store.repos.users.create({
    id: randomUUID(),
    openid: `o-${randomUUID()}`,
    sessionKeySealed: 'x',
    createdAt: new Date(T0),
  })
  const service = createPresentationService({
    keys,
    wallet,
    profiles,
    repo: store.repos.presentations,
    audit,
    now: clock,
  })
  const device = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const deviceKey = device.publicKey.export({ format: 'jwk' }) as { x: string; y: string }
  const issue = (cardId = LICENCE_CARD, profile: DisclosureProfile = 'traffic_police', ctx = {}) =>
    service.issue(user.id, cardId, profile, deviceKey, ctx)
  /** A fresh device proof over `credential`, made now by the service's clock (or as told). */
  const present = (credential: string, p: { iat?: number; jti?: string; key?: KeyObject } = {}) => {
    const input = proofSigningInput(credential, {
      iat: p.iat ?? seconds(nowMs),
      jti: p.jti ?? randomBytes(9).toString('base64url'),
    })
    const signature = sign('sha256', Buffer.from(input), { key: p.key ?? device.privateKey, dsaEncoding: 'ieee-p1363' })
    return presentationText(credential, input, signature.toString('base64url'))
  }
  const { credential } = await issue()
  const before = (await audit.list()).length
  /** The audit records written since this setup */
  const trail = async () => (await audit.list()).slice(before)
  const verifications = async () =>
    (await trail()).filter((r) => r.action === 'presentation.verify').map((r) => [r.userId, r.reason, r.ip])
  return {
    store,
    service,
    trail,
    keys: realKeys,
    userId: user.id,
    deviceKey,
    credential,
    issue,
    present,
    verifications,
    asked,
    faceChecked,
    certificates,
    setFaceRecent: (v: boolean) => (faceRecent = v),
    setStatus: (s: Status) => (status = s),
    advance: (ms: number) => (nowMs += ms),
    now: () => nowMs,
    hold: () => {
      gate = new Promise((resolve) => (open = resolve))
    },
    release: () => {
      gate = undefined
      open()
    },
  }
}
type Setup = Awaited<ReturnType<typeof setup>>

async function withSetup(run: (s: Setup) => Promise<void>, o?: Parameters<typeof setup>[0]) {
  await run(await setup(o))
}

describe('disclose: the fields each profile shows', () => {
  test('traffic police: name, licence class, validity and points remaining; 0 points and an empty class when absent', () => {
    expect(disclose('traffic_police', LICENCE, new Date(T0))).toEqual({
      name: '张三',
      licenceClass: 'C1',
      validFrom: '2020-01-01',
      validUntil: '2030-01-01',
      pointsRemaining: 9,
    })
    const bare = { ...LICENCE, licenceClass: undefined, points: undefined }
    expect(disclose('traffic_police', bare, new Date(T0))).toMatchObject({ licenceClass: '', pointsRemaining: 0 })
    expect(disclose('traffic_police', { ...LICENCE, points: {} }, new Date(T0))).toMatchObject({ pointsRemaining: 0 })
  })

  test('hotel: the name and the last 4 characters of the ID number only', () => {
    expect(disclose('hotel', ID_CARD, new Date(T0))).toEqual({ name: '张三', idNumberLast4: '116X' })
  })

  test('age check: over 18 from the 18th birthday (UTC midnight of that date) on, not a millisecond before', () => {
    // Born 1990-03-07: 18 on 2008-03-07.
    const birthday = Date.UTC(2008, 2, 7)
    expect(disclose('age_check', ID_CARD, new Date(birthday))).toEqual({ over18: true })
    expect(disclose('age_check', ID_CARD, new Date(birthday - 1))).toEqual({ over18: false })
    expect(disclose('age_check', ID_CARD, new Date(T0))).toEqual({ over18: true })
  })
})

describe('issuing a credential', () => {
  test('binds the device key and the disclosed fields, signed by the platform as a presentation credential', async () => {
    await withSetup(async (s) => {
      const issued = await s.issue(LICENCE_CARD, 'traffic_police', { requestId: 'issue-1', ip: '192.0.2.1' })
      const [h, p] = issued.credential.split('.') as [string, string, string]
      const header = decode(h)
      expect(header).toEqual({ alg: 'ES256', typ: CODE_TYP.presentation, kid: expect.any(String) })
      expect((await s.keys.verificationKeys(header.kid as string)).map((k) => k.kid)).toEqual([header.kid])
      const iat = seconds(s.now())
      expect(decode(p)).toEqual({
        c: issued.credentialId,
        t: 'driving_licence',
        p: 'traffic_police',
        d: { n: '张三', lc: 'C1', vf: '2020-01-01', vu: '2030-01-01', pr: 9 },
        k: { x: s.deviceKey.x, y: s.deviceKey.y },
        e: iat + 24 * 3600,
        i: iat,
      })
      expect(issued).toEqual({
        credential: issued.credential,
        credentialId: issued.credentialId,
        profile: 'traffic_police',
        disclosed: disclose('traffic_police', LICENCE, new Date(s.now())),
        expiresAt: new Date((iat + 24 * 3600) * 1000).toISOString(),
      })
      // The step-up was asked of this citizen with this request's context; the card read is this citizen's.
      expect(s.faceChecked.at(-1)).toEqual([s.userId, { requestId: 'issue-1', ip: '192.0.2.1' }])
      expect(s.asked.at(-1)).toEqual([s.userId, LICENCE_CARD])
    })
  })

  test('the credential is recorded for its card, profile and device key, and the issue is audited', async () => {
    await withSetup(async (s) => {
      const issued = await s.issue(ID_CARD_ID, 'hotel', { requestId: 'issue-2' })
      const { credentials } = await s.store.repos.presentations.recordsOf(s.userId)
      expect(credentials.find((c) => c.id === issued.credentialId)).toEqual({
        id: issued.credentialId,
        userId: s.userId,
        cardId: ID_CARD_ID,
        profile: 'hotel',
        deviceKeyThumbprint: createHash('sha256').update(`${s.deviceKey.x}.${s.deviceKey.y}`).digest('base64url'),
        issuedAt: new Date(s.now()),
        expiresAt: new Date(issued.expiresAt),
      })
      const issues = (await s.trail()).filter((r) => r.action === 'credential.issue')
      expect(issues.map((r) => [r.userId, r.outcome, r.reason, r.requestId])).toEqual([
        [s.userId, 'success', 'id_card hotel', 'issue-2'],
      ])
    })
  })

  test('a credential ends with its certificate: at the end (China time) of an expiry day within 24 h', async () => {
    await withSetup(async (s) => {
      // 2026-11-20 10:00 in China: the certificate's last day is today, so the credential ends at 23:59:59 tonight.
      s.certificates[LICENCE_CARD] = { ...LICENCE, expiryDate: '2026-11-20' }
      const issued = await s.issue()
      const end = Date.parse('2026-11-20T23:59:59+08:00')
      expect(issued.expiresAt).toBe(new Date(end).toISOString())
      expect(decode(issued.credential.split('.')[1]!).e).toBe(end / 1000)
    })
  })

  test('a certificate without an expiry date gets a 24-hour credential', async () => {
    await withSetup(async (s) => {
      s.certificates[LICENCE_CARD] = { ...LICENCE, expiryDate: undefined as unknown as string }
      const issued = await s.issue()
      expect(issued.expiresAt).toBe(new Date(s.now() + 24 * 3600_000).toISOString())
    })
  })

  test.each([
    ['traffic_police', ID_CARD_ID],
    ['hotel', LICENCE_CARD],
  ] as const)(
    'a %s credential for a card it does not fit is PROFILE_NOT_APPLICABLE, nothing recorded',
    async (profile, card) => {
      await withSetup(async (s) => {
        await expect(s.issue(card, profile)).rejects.toMatchObject({ code: 'PROFILE_NOT_APPLICABLE' })
        expect((await s.store.repos.presentations.recordsOf(s.userId)).credentials).toHaveLength(1)
        expect((await s.trail()).filter((r) => r.action === 'credential.issue')).toEqual([])
      })
    },
  )

  test.each(['suspended', 'revoked', 'expired'] as const)(
    'a %s certificate gets CERTIFICATE_NOT_VALID and no credential',
    async (status) => {
      await withSetup(async (s) => {
        s.setStatus(status)
        await expect(s.issue()).rejects.toMatchObject({
          code: 'CERTIFICATE_NOT_VALID',
          message: `certificate is ${status}`,
        })
        expect((await s.store.repos.presentations.recordsOf(s.userId)).credentials).toHaveLength(1)
      })
    },
  )

  test('without a recent face verification: STEP_UP_REQUIRED, the department is not asked, nothing recorded', async () => {
    await withSetup(async (s) => {
      s.setFaceRecent(false)
      const asked = s.asked.length
      await expect(s.issue()).rejects.toMatchObject({ code: 'STEP_UP_REQUIRED' })
      expect(s.asked).toHaveLength(asked)
      expect((await s.store.repos.presentations.recordsOf(s.userId)).credentials).toHaveLength(1)
    })
  })
})

describe('online verification', () => {
  test('a fresh presentation is accepted with the disclosed fields, its time and the checks made', async () => {
    await withSetup(async (s) => {
      const iat = seconds(s.now()) - 30
      await expect(s.service.verifyOnline(s.present(s.credential, { iat }))).resolves.toEqual({
        valid: true,
        type: 'driving_licence',
        title: CERTIFICATE_TYPES.driving_licence,
        profile: 'traffic_police',
        disclosed: disclose('traffic_police', LICENCE, new Date(T0)),
        presentedAt: new Date(iat * 1000).toISOString(),
        checks: ['signature', 'device', 'freshness', 'status', 'replay'],
      })
      // The department was asked afresh about this card of this citizen, for this type only.
      expect(s.asked.at(-1)).toEqual([s.userId, LICENCE_CARD, { fresh: true, type: 'driving_licence' }])
      expect(await s.verifications()).toEqual([])
    })
  })

  test('the offline checks give the claims, the credential id, the proof id and its time', async () => {
    await withSetup(async (s) => {
      const issued = await s.issue(ID_CARD_ID, 'age_check')
      const iat = seconds(s.now()) - 5
      await expect(
        s.service.verifyOffline(s.present(issued.credential, { iat, jti: 'proof-id-0001' })),
      ).resolves.toEqual({
        type: 'id_card',
        profile: 'age_check',
        disclosed: { over18: true },
        signedAt: seconds(s.now()),
        credentialId: issued.credentialId,
        jti: 'proof-id-0001',
        iat,
      })
    })
  })

  test.each(['suspended', 'revoked', 'expired'] as const)(
    'a licence %s after issue is refused by the next online verification, audited, and logged as not valid',
    async (changed) => {
      await withSetup(async (s) => {
        await expect(s.service.verifyOnline(s.present(s.credential))).resolves.toMatchObject({ valid: true })
        s.setStatus(changed)
        s.advance(1000)
        await expect(s.service.verifyOnline(s.present(s.credential), { ip: '192.0.2.8' })).rejects.toMatchObject({
          code: 'CERTIFICATE_NOT_VALID',
        })
        expect(await s.verifications()).toEqual([
          [s.userId, `CERTIFICATE_NOT_VALID: certificate is ${changed}`, '192.0.2.8'],
        ])
        expect(await s.service.log(s.userId, LICENCE_CARD)).toEqual([
          { profile: 'traffic_police', verifiedAt: new Date(T0 + 1000).toISOString(), outcome: 'not_valid' },
          { profile: 'traffic_police', verifiedAt: new Date(T0).toISOString(), outcome: 'accepted' },
        ])
      })
    },
  )

  test('a licence gone from its department is treated as revoked', async () => {
    await withSetup(async (s) => {
      s.setStatus('gone')
      await expect(s.service.verifyOnline(s.present(s.credential))).rejects.toMatchObject({
        code: 'CERTIFICATE_NOT_VALID',
        message: 'certificate is revoked',
      })
      expect(await s.verifications()).toEqual([[s.userId, 'CERTIFICATE_NOT_VALID: certificate is revoked', null]])
    })
  })

  test('offline verification alone cannot see the change: that is what the online check adds', async () => {
    await withSetup(async (s) => {
      s.setStatus('revoked')
      await expect(s.service.verifyOffline(s.present(s.credential))).resolves.toHaveProperty(
        'disclosed.licenceClass',
        'C1',
      )
    })
  })

  test('a proof 61 s old is PRESENTATION_EXPIRED, audited every time (expiry is not junk)', async () => {
    await withSetup(async (s) => {
      const stale = () => s.present(s.credential, { iat: seconds(s.now()) - 61 })
      for (const requestId of ['old-1', 'old-2'])
        await expect(s.service.verifyOnline(stale(), { requestId, ip: '192.0.2.9' })).rejects.toMatchObject({
          code: 'PRESENTATION_EXPIRED',
        })
      expect(await s.verifications()).toEqual([
        [null, `PRESENTATION_EXPIRED: proof older than 60 s`, '192.0.2.9'],
        [null, `PRESENTATION_EXPIRED: proof older than 60 s`, '192.0.2.9'],
      ])
    })
  })

  test('a credential past its expiry is PRESENTATION_EXPIRED whatever the proof', async () => {
    await withSetup(async (s) => {
      s.advance(24 * 3600_000)
      await expect(s.service.verifyOnline(s.present(s.credential))).rejects.toMatchObject({
        code: 'PRESENTATION_EXPIRED',
        message: 'credential expired',
      })
    })
  })

  test("a proof signed by another device's key is PRESENTATION_INVALID and the department is not asked", async () => {
    await withSetup(async (s) => {
      const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey
      const asked = s.asked.length
      await expect(s.service.verifyOnline(s.present(s.credential, { key: other }))).rejects.toMatchObject({
        code: 'PRESENTATION_INVALID',
        message: 'device signature',
      })
      expect(s.asked).toHaveLength(asked)
    })
  })

  test('a code signed by the platform whose credential is no longer on record is PRESENTATION_INVALID, audited each time', async () => {
    await withSetup(async (s) => {
      await s.store.repos.presentations.eraseFor(s.userId)
      for (const requestId of ['gone-1', 'gone-2'])
        await expect(
          s.service.verifyOnline(s.present(s.credential), { requestId, ip: '192.0.2.3' }),
        ).rejects.toMatchObject({ code: 'PRESENTATION_INVALID', message: 'unknown credential' })
      expect(await s.verifications()).toEqual([
        [null, 'PRESENTATION_INVALID: unknown credential', '192.0.2.3'],
        [null, 'PRESENTATION_INVALID: unknown credential', '192.0.2.3'],
      ])
    })
  })

  test('forged codes are audited once per address (a second address is audited, a repeat is not), no context too', async () => {
    await withSetup(async (s) => {
      const qr = s.present(s.credential)
      for (const [requestId, ip] of [
        ['a-1', '203.0.113.9'],
        ['a-2', '203.0.113.9'],
        ['b-1', '203.0.113.10'],
      ])
        await expect(s.service.verifyOnline(`${qr}${requestId}`, { requestId, ip })).rejects.toMatchObject({
          code: 'PRESENTATION_INVALID',
        })
      await expect(s.service.verifyOnline('not a code')).rejects.toMatchObject({ code: 'PRESENTATION_INVALID' })
      const refused = (await s.trail()).filter((r) => r.action === 'presentation.verify')
      expect(refused.map((r) => [r.outcome, r.requestId, r.ip, r.userId, r.reason])).toEqual([
        ['failure', 'a-1', '203.0.113.9', null, 'PRESENTATION_INVALID: proof header'],
        ['failure', 'b-1', '203.0.113.10', null, 'PRESENTATION_INVALID: proof header'],
        ['failure', null, null, null, 'PRESENTATION_INVALID: not credential~proof'],
      ])
    })
  })

  test('a failure of the key store is not a refusal: it is thrown as it is, and nothing is audited', async () => {
    const broken = new Error('key store unreachable')
    let failing = false
    await withSetup(
      async (s) => {
        failing = true
        await expect(s.service.verifyOnline(s.present(s.credential), { ip: '192.0.2.5' })).rejects.toBe(broken)
        expect(await s.verifications()).toEqual([])
      },
      {
        keys: (real) => ({
          ...real,
          signFor: (build) => real.signFor(build),
          verificationKeys: async (kid) => {
            if (failing) throw broken
            return real.verificationKeys(kid)
          },
        }),
      },
    )
  })

  test('the same QR twice: accepted, then PRESENTATION_REPLAYED audited against the holder; the log shows one', async () => {
    await withSetup(async (s) => {
      const qr = s.present(s.credential)
      await expect(s.service.verifyOnline(qr, { requestId: 'first', ip: '198.51.100.7' })).resolves.toMatchObject({
        valid: true,
      })
      s.advance(2000)
      await expect(s.service.verifyOnline(qr, { requestId: 'again', ip: '198.51.100.7' })).rejects.toMatchObject({
        code: 'PRESENTATION_REPLAYED',
      })
      const refused = (await s.trail()).filter((r) => r.action === 'presentation.verify')
      expect(refused.map((r) => [r.outcome, r.requestId, r.ip, r.userId, r.reason])).toEqual([
        ['failure', 'again', '198.51.100.7', s.userId, 'PRESENTATION_REPLAYED: PRESENTATION_REPLAYED'],
      ])
      expect(await s.service.log(s.userId, LICENCE_CARD)).toEqual([
        { profile: 'traffic_police', verifiedAt: new Date(T0).toISOString(), outcome: 'accepted' },
      ])
    })
  })

  test('one proof id under two credentials is two presentations: each is accepted once', async () => {
    await withSetup(async (s) => {
      const second = await s.issue(ID_CARD_ID, 'hotel')
      await expect(s.service.verifyOnline(s.present(s.credential, { jti: 'same-proof-id' }))).resolves.toMatchObject({
        type: 'driving_licence',
      })
      await expect(
        s.service.verifyOnline(s.present(second.credential, { jti: 'same-proof-id' })),
      ).resolves.toMatchObject({ type: 'id_card' })
      const { presentations } = await s.store.repos.presentations.recordsOf(s.userId)
      expect(presentations.map((p) => p.jti).sort()).toEqual(
        [`${decode(s.credential.split('.')[1]!).c}:same-proof-id`, `${second.credentialId}:same-proof-id`].sort(),
      )
    })
  })

  test('one QR presented twice at once: exactly one success and exactly one department call', async () => {
    await withSetup(async (s) => {
      const qr = s.present(s.credential)
      const before = s.asked.length
      s.hold()
      const both = Promise.allSettled([s.service.verifyOnline(qr), s.service.verifyOnline(qr)])
      // Let both scans run as far as they can before the department answers.
      await new Promise((resolve) => setImmediate(resolve))
      s.release()
      const [a, b] = await both
      const outcomes = [a, b].map((r) => (r.status === 'fulfilled' ? 'accepted' : (r.reason as AppError).code)).sort()
      expect(outcomes).toEqual(['PRESENTATION_REPLAYED', 'accepted'])
      expect(s.asked.length - before).toBe(1)
    })
  })

  test('a department that fails does not burn the code: UPSTREAM_UNAVAILABLE, not audited, then the same QR verifies', async () => {
    await withSetup(async (s) => {
      const qr = s.present(s.credential)
      s.setStatus('down')
      await expect(s.service.verifyOnline(qr)).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' })
      expect(await s.verifications()).toEqual([])
      expect(await s.service.log(s.userId, LICENCE_CARD)).toEqual([])
      s.setStatus('valid')
      await expect(s.service.verifyOnline(qr)).resolves.toMatchObject({ valid: true })
      await expect(s.service.verifyOnline(qr)).rejects.toMatchObject({ code: 'PRESENTATION_REPLAYED' })
    })
  })
})

describe("a card's verification log", () => {
  test('newest first, each with the profile of the credential it verified; only this card of this citizen', async () => {
    await withSetup(async (s) => {
      const hotel = await s.issue(ID_CARD_ID, 'hotel')
      const age = await s.issue(ID_CARD_ID, 'age_check')
      await s.service.verifyOnline(s.present(hotel.credential))
      s.advance(1000)
      await s.service.verifyOnline(s.present(age.credential))
      s.advance(1000)
      await s.service.verifyOnline(s.present(hotel.credential))
      s.advance(1000)
      await s.service.verifyOnline(s.present(s.credential)) // the licence: another card
      expect(await s.service.log(s.userId, ID_CARD_ID)).toEqual([
        { profile: 'hotel', verifiedAt: new Date(T0 + 2000).toISOString(), outcome: 'accepted' },
        { profile: 'age_check', verifiedAt: new Date(T0 + 1000).toISOString(), outcome: 'accepted' },
        { profile: 'hotel', verifiedAt: new Date(T0).toISOString(), outcome: 'accepted' },
      ])
      expect(await s.service.log('00000000-0000-4000-8000-000000000002', ID_CARD_ID)).toEqual([])
    })
  })
})

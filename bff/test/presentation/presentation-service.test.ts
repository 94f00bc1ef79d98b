// Presentation verification against a certificate whose status changes after the credential was issued: a
// suspension or revocation at the department is seen by the next online verification. And the attacks on the
// public verify endpoint: one QR scanned twice at once (one department call, one success), replays and refusals
// audited, a department failure that does not burn the code.
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto'
import { testConfig } from '../../src/platform/config'
import { openDataStore } from '../../src/store'
import { AppError } from '../../src/platform/app-error'
import { createFieldCipher } from '../../src/platform/field-cipher'
import type { IssuedCertificate } from '../../src/wallet/certificates'
import { createKeyService } from '../../src/keys/key-service'
import { createPresentationService } from '../../src/presentation/presentation-service'
import { createAuditService } from '../../src/audit/audit-service'
import type { ProfileService } from '../../src/identity/profile-service'
import type { WalletService } from '../../src/wallet/wallet-service'

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')

async function setup() {
  const store = openDataStore(':memory:')
  const keys = createKeyService(store.repos.signingKeys, createFieldCipher(testConfig().signingSealKey), {
    rotationSeconds: 86_400,
    overlapSeconds: 3600,
  })
  let status: IssuedCertificate['status'] | 'gone' | 'down' = 'valid'
  const licence: IssuedCertificate = {
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
    points: { remaining: 12 },
  }
  // The department: counts its calls; `hold` keeps the next answers back until released (two scans in flight).
  let departmentCalls = 0
  let gate: Promise<void> | undefined
  let open = () => {}
  const wallet = {
    certificate: async () => {
      departmentCalls += 1
      if (gate) await gate
      if (status === 'gone') throw new AppError('NOT_FOUND')
      if (status === 'down') throw new AppError('UPSTREAM_UNAVAILABLE')
      return { ...licence, status }
    },
  } as unknown as WalletService
  const profiles = { requireRecentFace: async () => undefined } as unknown as ProfileService
  // The credential row references a user: insert one through the users repository.
  const user = await store.repos.users.create({
    id: '00000000-0000-4000-8000-000000000001',
    openid: 'o-test',
    sessionKeySealed: 'x',
    createdAt: new Date(),
  })
  const audit = createAuditService(store.repos.audit, testConfig().audit)
  const service = createPresentationService({ keys, wallet, profiles, repo: store.repos.presentations, audit })
  const device = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const jwk = device.publicKey.export({ format: 'jwk' }) as { x: string; y: string }
  const { credential } = await service.issue(user.id, 'card-id-0123456789abcdef', 'traffic_police', jwk, {})
  const present = (j = randomBytes(9).toString('base64url')) => {
    const h = createHash('sha256').update(credential).digest().subarray(0, 16).toString('base64url')
    const input = `${b64({ alg: 'ES256', typ: 'ysx-kb' })}.${b64({ i: Math.floor(Date.now() / 1000), j, h })}`
    return `${credential}~${input}.${sign('sha256', Buffer.from(input), { key: device.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`
  }
  return {
    service,
    present,
    audit,
    userId: user.id,
    setStatus: (s: typeof status) => (status = s),
    calls: () => departmentCalls,
    hold: () => {
      gate = new Promise((resolve) => (open = resolve))
    },
    release: () => {
      gate = undefined
      open()
    },
    close: () => store.close(),
  }
}

test.each(['suspended', 'revoked', 'expired'] as const)(
  'a licence %s after issue is refused by the next online verification',
  async (changed) => {
    const s = await setup()
    try {
      await expect(s.service.verifyOnline(s.present())).resolves.toMatchObject({ valid: true })
      s.setStatus(changed)
      await expect(s.service.verifyOnline(s.present())).rejects.toMatchObject({ code: 'CERTIFICATE_NOT_VALID' })
    } finally {
      await s.close()
    }
  },
)

test('a licence gone from its department is treated as revoked', async () => {
  const s = await setup()
  try {
    s.setStatus('gone')
    await expect(s.service.verifyOnline(s.present())).rejects.toMatchObject({ code: 'CERTIFICATE_NOT_VALID' })
  } finally {
    await s.close()
  }
})

test('offline verification alone cannot see the change: that is what the online check adds', async () => {
  const s = await setup()
  try {
    s.setStatus('revoked')
    await expect(s.service.verifyOffline(s.present())).resolves.toHaveProperty('disclosed.licenceClass', 'C1')
  } finally {
    await s.close()
  }
})

test('one QR presented twice at once: exactly one success and exactly one department call', async () => {
  const s = await setup()
  try {
    const qr = s.present()
    const before = s.calls()
    s.hold()
    const both = Promise.allSettled([s.service.verifyOnline(qr), s.service.verifyOnline(qr)])
    // Let both scans run as far as they can before the department answers.
    await new Promise((resolve) => setImmediate(resolve))
    s.release()
    const [a, b] = await both
    const outcomes = [a, b].map((r) => (r.status === 'fulfilled' ? 'accepted' : (r.reason as AppError).code)).sort()
    expect(outcomes).toEqual(['PRESENTATION_REPLAYED', 'accepted'])
    expect(s.calls() - before).toBe(1)
  } finally {
    await s.close()
  }
})

test('a replayed presentation and a forged one are each audited as a refused verification (junk once per address)', async () => {
  const s = await setup()
  try {
    const qr = s.present()
    await s.service.verifyOnline(qr, { requestId: 'first', ip: '198.51.100.7' })
    await expect(s.service.verifyOnline(qr, { requestId: 'again', ip: '198.51.100.7' })).rejects.toMatchObject({
      code: 'PRESENTATION_REPLAYED',
    })
    await expect(s.service.verifyOnline(`${qr}x`, { requestId: 'forged', ip: '203.0.113.9' })).rejects.toMatchObject({
      code: 'PRESENTATION_INVALID',
    })
    // A flood of junk from the same address is not a flood in the audit trail: once per address per minute.
    await expect(s.service.verifyOnline(`${qr}y`, { requestId: 'forged-2', ip: '203.0.113.9' })).rejects.toMatchObject({
      code: 'PRESENTATION_INVALID',
    })
    const refused = (await s.audit.list()).filter((r) => r.action === 'presentation.verify')
    expect(refused.map((r) => [r.outcome, r.requestId, r.ip, r.userId, r.reason?.split(':')[0]])).toEqual([
      ['failure', 'again', '198.51.100.7', s.userId, 'PRESENTATION_REPLAYED'],
      ['failure', 'forged', '203.0.113.9', null, 'PRESENTATION_INVALID'],
    ])
    expect((await s.audit.list()).filter((r) => r.action === 'credential.issue')).toHaveLength(1)
  } finally {
    await s.close()
  }
})

test('a department that fails does not burn the code: the same QR verifies once it is back', async () => {
  const s = await setup()
  try {
    const qr = s.present()
    s.setStatus('down')
    await expect(s.service.verifyOnline(qr)).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' })
    s.setStatus('valid')
    await expect(s.service.verifyOnline(qr)).resolves.toMatchObject({ valid: true })
    await expect(s.service.verifyOnline(qr)).rejects.toMatchObject({ code: 'PRESENTATION_REPLAYED' })
  } finally {
    await s.close()
  }
})

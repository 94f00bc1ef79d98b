// Presentation verification against a certificate whose status changes after the credential was issued: a
// suspension or revocation at the department is seen by the next online verification.
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto'
import { testConfig } from '../../src/platform/config'
import { openDataStore } from '../../src/store'
import { AppError } from '../../src/platform/app-error'
import { createFieldCipher } from '../../src/platform/field-cipher'
import type { IssuedCertificate } from '../../src/wallet/certificates'
import { createKeyService } from '../../src/keys/key-service'
import { createPresentationService } from '../../src/presentation/presentation-service'
import type { ProfileService } from '../../src/identity/profile-service'
import type { WalletService } from '../../src/wallet/wallet-service'

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')

async function setup() {
  const store = openDataStore(':memory:')
  const keys = createKeyService(store.repos.signingKeys, createFieldCipher(testConfig().dataKey), {
    rotationSeconds: 86_400,
    overlapSeconds: 3600,
  })
  let status: IssuedCertificate['status'] | 'gone' = 'valid'
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
  const wallet = {
    certificate: async () => {
      if (status === 'gone') throw new AppError('NOT_FOUND')
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
  const service = createPresentationService({ keys, wallet, profiles, repo: store.repos.presentations })
  const device = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const jwk = device.publicKey.export({ format: 'jwk' }) as { x: string; y: string }
  const { credential } = await service.issue(user.id, 'card-id-0123456789abcdef', 'traffic_police', jwk, {})
  const present = () => {
    const h = createHash('sha256').update(credential).digest().subarray(0, 16).toString('base64url')
    const input = `${b64({ alg: 'ES256', typ: 'ysx-kb' })}.${b64({ i: Math.floor(Date.now() / 1000), j: randomBytes(9).toString('base64url'), h })}`
    return `${credential}~${input}.${sign('sha256', Buffer.from(input), { key: device.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`
  }
  return { service, present, setStatus: (s: typeof status) => (status = s), close: () => store.close() }
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

// Presentation (亮证) and verification (核验): a device-bound credential per profile, QR ≤ 800 bytes, only the
// profile's fields disclosed; expiry, replay, suspended certificates, other citizens' cards and 10,000 mutated
// presentations are all refused.
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto'
import { testConfig } from '@ysx/bff/config'
import { CredentialIssuedSchema, VerificationSchema, WalletListSchema } from '@ysx/shared'
import { newDevice, present as presentWith } from '../support/device'
import { ALL_DEPARTMENTS, bearer, CALLER, realNameUser, startSystem, type TestSystem } from '../support/system'

let sys: TestSystem
let token: string
let driverIndex = -1
const device = newDevice()
const deviceJwk = device.jwk
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
const present = (credential: string, opts: Parameters<typeof presentWith>[2] = {}) =>
  presentWith(device, credential, opts)

async function certificatesOf(index: number): Promise<{ type: string; status: string }[]> {
  const res = await CALLER.fetch(`${sys.departments.jiaoguan!.url}/v1/certificates/lookup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-client-id': 'GOV/test', 'x-purpose': 'test' },
    body: JSON.stringify({ idNumber: sys.citizen(index).idNumber }),
  })
  return res.ok ? ((await res.json()) as { certificates: { type: string; status: string }[] }).certificates : []
}

beforeAll(async () => {
  const base = testConfig()
  sys = await startSystem({
    departments: ALL_DEPARTMENTS,
    bff: { verifyRateLimitMax: 1_000_000, departments: { ...base.departments, cacheTtlMs: 0 } },
  })
  for (let i = 50; i < 300 && driverIndex < 0; i += 1) {
    if ((await certificatesOf(i)).some((c) => c.type === 'driving_licence' && c.status === 'valid')) driverIndex = i
  }
  token = await realNameUser(sys, 'driver', driverIndex)
}, 60_000)
afterAll(async () => sys.close())

async function cardId(type: string, t = token) {
  return WalletListSchema.parse(
    (await sys.call({ method: 'GET', url: '/v1/wallet', headers: bearer(t) })).json(),
  ).cards.find((c) => c.type === type)!.id
}
const issue = async (id: string, profile: string, t = token) =>
  sys.call({
    method: 'POST',
    url: `/v1/wallet/${id}/credentials`,
    headers: bearer(t),
    payload: { profile, deviceKey: deviceJwk },
  })
const verify = (presentation: string) => sys.call({ method: 'POST', url: '/v1/verify', payload: { presentation } })

test('a traffic-police presentation verifies online and shows only name, class, validity and points', async () => {
  expect(driverIndex).toBeGreaterThanOrEqual(0)
  const res = await issue(await cardId('driving_licence'), 'traffic_police')
  expect(res.statusCode).toBe(201)
  const issued = CredentialIssuedSchema.parse(res.json())
  const qr = present(issued.credential)
  expect(Buffer.byteLength(qr)).toBeLessThanOrEqual(800)
  const v = await verify(qr)
  expect(v.statusCode).toBe(200)
  const body = VerificationSchema.parse(v.json())
  expect(Object.keys(body.disclosed).sort()).toEqual([
    'licenceClass',
    'name',
    'pointsRemaining',
    'validFrom',
    'validUntil',
  ])
  expect(body.disclosed.name).toBe(sys.citizen(driverIndex).name)
  expect(v.body).not.toContain(sys.citizen(driverIndex).idNumber)
})

test('a profile that does not fit the certificate is refused', async () => {
  const res = await issue(await cardId('driving_licence'), 'hotel')
  expect(res.statusCode).toBe(422)
  expect(res.json().code).toBe('PROFILE_NOT_APPLICABLE')
})

test('the same presentation verified twice is a replay the second time, and the log shows one verification', async () => {
  const id = await cardId('driving_licence')
  const qr = present(CredentialIssuedSchema.parse((await issue(id, 'traffic_police')).json()).credential)
  expect((await verify(qr)).statusCode).toBe(200)
  const again = await verify(qr)
  expect(again.statusCode).toBe(409)
  expect(again.json().code).toBe('PRESENTATION_REPLAYED')
  const log = (await sys.call({ method: 'GET', url: `/v1/wallet/${id}/presentations`, headers: bearer(token) })).json()
  expect(log.entries.length).toBeGreaterThanOrEqual(1)
  expect(log.entries.every((e: { outcome: string }) => e.outcome === 'accepted')).toBe(true)
})

test('a presentation older than 60 s is expired', async () => {
  const credential = CredentialIssuedSchema.parse(
    (await issue(await cardId('driving_licence'), 'traffic_police')).json(),
  ).credential
  const res = await verify(present(credential, { iat: Math.floor(Date.now() / 1000) - 61 }))
  expect(res.statusCode).toBe(422)
  expect(res.json().code).toBe('PRESENTATION_EXPIRED')
})

test('issuing a credential needs a face verification in the last 5 minutes', async () => {
  const id = await cardId('driving_licence')
  sys.advance(301_000)
  const res = await issue(id, 'traffic_police')
  expect(res.statusCode).toBe(403)
  expect(res.json().code).toBe('STEP_UP_REQUIRED')
  sys.advance(-301_000)
})

test("another citizen's card id cannot be presented: 404 like a missing one", async () => {
  const other = await realNameUser(sys, 'not-the-driver', driverIndex + 1)
  const res = await issue(await cardId('driving_licence'), 'traffic_police', other)
  expect(res.statusCode).toBe(404)
})

test('a suspended or revoked certificate cannot be presented', async () => {
  let index = -1
  for (let i = 0; i < 300 && index < 0; i += 1) {
    if (
      i !== driverIndex &&
      (await certificatesOf(i)).some((c) => c.type === 'driving_licence' && ['suspended', 'revoked'].includes(c.status))
    )
      index = i
  }
  expect(index).toBeGreaterThanOrEqual(0)
  const t = await realNameUser(sys, 'suspended-driver', index)
  const res = await issue(await cardId('driving_licence', t), 'traffic_police', t)
  expect(res.statusCode).toBe(422)
  expect(res.json().code).toBe('CERTIFICATE_NOT_VALID')
})

test('10,000 mutated presentations: none is accepted', async () => {
  const credential = CredentialIssuedSchema.parse(
    (await issue(await cardId('driving_licence'), 'traffic_police')).json(),
  ).credential
  const [h, p, s] = credential.split('.') as [string, string, string]
  const header = JSON.parse(Buffer.from(h, 'base64url').toString())
  const attacker = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const forge = (hdr: object, payload: string, key: KeyObject) => {
    const input = `${b64(hdr)}.${payload}`
    return `${input}.${sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`
  }
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString())
  const used = present(credential)
  expect((await verify(used)).statusCode).toBe(200)
  const structural = [
    used, // replayed to the online verifier
    present(credential, { iat: Math.floor(Date.now() / 1000) - 61 }), // expired
    present(`${b64({ ...header, kid: 'es-unknown' })}.${p}.${s}`), // kid swap
    present(`${b64({ ...header, alg: 'none' })}.${p}.`), // alg none
    present(`${b64({ ...header, alg: 'HS256' })}.${p}.${s}`), // alg swap
    present(forge(header, p, attacker.privateKey)), // untrusted key, same kid
    present(forge(header, b64({ ...claims, d: { ...claims.d, pr: 12 } }), attacker.privateKey)),
    present(`${h}.${b64({ ...claims, e: claims.e + 86_400 })}.${s}`), // extended expiry, old signature
    present(credential, { key: attacker.privateKey }), // someone else's device
    present(credential).slice(0, -10), // truncated
    credential, // no device proof
  ]
  let accepted = 0
  for (const qr of structural) if ((await verify(qr)).statusCode === 200) accepted += 1
  let seed = 42
  const rand = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) % n
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~'
  const good = present(credential, { jti: 'base-presentation' })
  expect((await verify(good)).statusCode).toBe(200) // the unmutated one is genuine (and now used)
  for (let i = 0; i < 10_000 - structural.length; i += 1) {
    const chars = [...good]
    const flips = 1 + rand(3)
    for (let f = 0; f < flips; f += 1) {
      const at = rand(chars.length)
      let c = alphabet[rand(alphabet.length)]!
      if (c === chars[at]) c = c === 'A' ? 'B' : 'A'
      chars[at] = c
    }
    const mutated = chars.join('')
    if (mutated !== good && (await verify(mutated)).statusCode === 200) accepted += 1
  }
  expect(accepted).toBe(0)
}, 180_000)

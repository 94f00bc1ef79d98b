// The BFF's RFC 9421 pair (signatures.ts): what it signs verifies, and what an attacker changes, replays or sends late
// does not — the same checks a department makes on the BFF's calls, and the BFF makes on signed callbacks to it.
import { generateKeyPairSync } from 'node:crypto'
import { createMessageSigner, createMessageVerifier, publicJwkOf } from '../../src/platform/departments'

const privateJwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' })
const T0 = Date.UTC(2026, 11, 2, 8, 0, 0)
const message = () => ({
  method: 'POST',
  url: 'https://bff.example.gov.cn/v1/callbacks/weijian/results',
  headers: { 'content-type': 'application/json', 'x-client-id': 'GOV/44000000/weijian' },
  body: JSON.stringify({ resultId: 'r1', result: '阳性' }),
})
const setUp = () => {
  let now = T0
  const signer = createMessageSigner(privateJwk, { now: () => now })
  const verifier = createMessageVerifier({ keys: [publicJwkOf(privateJwk)], now: () => now })
  const signed = async () => {
    const m = message()
    return { ...m, headers: { ...m.headers, ...(await signer.sign(m)) } }
  }
  return { signed, verifier, advance: (ms: number) => (now += ms) }
}

test('a message signed with the registered key verifies, naming its key', async () => {
  const { signed, verifier } = setUp()
  expect(await verifier.verify(await signed())).toEqual({ ok: true, keyid: publicJwkOf(privateJwk).kid })
})

test('an unsigned message is refused SIGNATURE_REQUIRED', async () => {
  const { verifier } = setUp()
  expect(await verifier.verify(message())).toMatchObject({ ok: false, code: 'SIGNATURE_REQUIRED' })
})

test('a changed body, path or header under a valid signature is refused SIGNATURE_INVALID', async () => {
  const { signed, verifier } = setUp()
  const body = await signed()
  const path = await signed()
  const header = await signed()
  body.body = body.body.replace('阳性', '阴性')
  path.url = path.url.replace('results', 'other')
  header.headers['x-client-id'] = 'GOV/44000000/someone-else'
  for (const m of [body, path, header])
    expect(await verifier.verify(m)).toMatchObject({ ok: false, code: 'SIGNATURE_INVALID' })
})

test('a signature by an unregistered key is refused SIGNATURE_INVALID', async () => {
  const { verifier } = setUp()
  const stranger = createMessageSigner(generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }))
  const m = message()
  const res = await verifier.verify({ ...m, headers: { ...m.headers, ...(await stranger.sign(m)) } })
  expect(res).toMatchObject({ ok: false, code: 'SIGNATURE_INVALID' })
})

test('a replayed signature is refused SIGNATURE_REPLAYED', async () => {
  const { signed, verifier } = setUp()
  const m = await signed()
  expect(await verifier.verify(m)).toMatchObject({ ok: true })
  expect(await verifier.verify(m)).toMatchObject({ ok: false, code: 'SIGNATURE_REPLAYED' })
})

test('a signature older than 60 s is refused SIGNATURE_EXPIRED', async () => {
  const { signed, verifier, advance } = setUp()
  const m = await signed()
  advance(61_000)
  expect(await verifier.verify(m)).toMatchObject({ ok: false, code: 'SIGNATURE_EXPIRED' })
})

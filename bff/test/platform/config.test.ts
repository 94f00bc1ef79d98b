// Configuration: parsed once; production refuses missing, default or weak secrets, and plain-http departments.
import { generateKeyPairSync } from 'node:crypto'
import { DEPARTMENT_CODES, departmentUrlVar } from '@ysx/shared'
import { ConfigError, DEV_SECRETS, loadConfig } from '../../src/platform/config'

const strong = 'k7Qp2vX9mZ4tR8wB1nC6yH3jL5sD0fGa'
const prod = {
  NODE_ENV: 'production',
  BFF_TOKEN_SECRET: strong,
  BFF_DATA_KEY: `${strong}x`,
  BFF_WECHAT_SECRET: `${strong}w`,
  BFF_DEPT_SIGNING_KEY: JSON.stringify(generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' })),
  ...Object.fromEntries(DEPARTMENT_CODES.map((code) => [departmentUrlVar(code), `https://${code}.example.gov.cn`])),
}

test('development runs with built-in development secrets', () => {
  expect(loadConfig({}).tokenSecret).toBe(DEV_SECRETS.tokenSecret)
})

test('production accepts strong secrets', () => {
  expect(loadConfig(prod).tokenSecret).toBe(strong)
})

test.each([
  ['a missing token secret', { ...prod, BFF_TOKEN_SECRET: undefined }, /BFF_TOKEN_SECRET is required/],
  ['the development token secret', { ...prod, BFF_TOKEN_SECRET: DEV_SECRETS.tokenSecret }, /development default/],
  ['a short data key', { ...prod, BFF_DATA_KEY: 'short' }, /at least 32/],
  ['a repetitive data key', { ...prod, BFF_DATA_KEY: 'a'.repeat(40) }, /too repetitive/],
])('production refuses %s', (_what, env, message) => {
  expect(() => loadConfig(env)).toThrow(ConfigError)
  expect(() => loadConfig(env)).toThrow(message)
})

test.each(DEPARTMENT_CODES)(
  'production refuses to boot when %s is reached over plain http (its calls could be read and changed on the way)',
  (code) => {
    const env = { ...prod, [departmentUrlVar(code)]: `http://${code}.example.gov.cn` }
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(new RegExp(`must be https in production: ${departmentUrlVar(code)}$`))
  },
)

test.each([
  [
    'no key to sign department calls with',
    { ...prod, BFF_DEPT_SIGNING_KEY: undefined },
    /BFF_DEPT_SIGNING_KEY is required/,
  ],
  [
    'a public key where the private one belongs',
    { ...prod, BFF_DEPT_SIGNING_KEY: '{"kty":"OKP","crv":"Ed25519","x":"AAAA"}' },
    /not a private Ed25519 JWK/,
  ],
])('production refuses %s', (_what, env, message) => {
  expect(() => loadConfig(env)).toThrow(ConfigError)
  expect(() => loadConfig(env)).toThrow(message)
})

test('development may reach the stand-ins over http on this machine', () => {
  expect(loadConfig({ NODE_ENV: 'development' }).departments.urls.gongan).toMatch(/^http:\/\/127\.0\.0\.1:/)
})

test('a malformed port is a config error naming the variable', () => {
  expect(() => loadConfig({ BFF_PORT: 'eighty' })).toThrow(/BFF_PORT/)
})

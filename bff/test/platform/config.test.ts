// Configuration: parsed once; development defaults only when NODE_ENV=development is said explicitly, and every other
// start (production, test, or no mode at all) refuses missing, default, weak or shared secrets.
import { generateKeyPairSync } from 'node:crypto'
import { DEPARTMENT_CODES, departmentUrlVar } from '@ysx/shared'
import { ConfigError, DEV_SECRETS, lanOrigins, loadConfig, testConfig } from '../../src/platform/config'

const strong = 'k7Qp2vX9mZ4tR8wB1nC6yH3jL5sD0fGa'
const secrets = {
  BFF_TOKEN_SECRET: strong,
  BFF_DATA_KEY: `${strong}x`,
  BFF_SIGNING_SEAL_KEY: `${strong}s`,
  BFF_AUDIT_KEY: `${strong}a`,
  BFF_WECHAT_SECRET: `${strong}w`,
  BFF_DEPT_SIGNING_KEY: JSON.stringify(generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' })),
  ...Object.fromEntries(DEPARTMENT_CODES.map((code) => [departmentUrlVar(code), `https://${code}.example.gov.cn`])),
}
const prod = { NODE_ENV: 'production', ...secrets }
const devSecrets = {
  BFF_TOKEN_SECRET: DEV_SECRETS.tokenSecret,
  BFF_DATA_KEY: DEV_SECRETS.dataKey,
  BFF_SIGNING_SEAL_KEY: DEV_SECRETS.signingSealKey,
  BFF_AUDIT_KEY: DEV_SECRETS.auditKey,
  BFF_WECHAT_SECRET: DEV_SECRETS.wechatSecret,
}

test('explicit development mode runs with built-in development secrets', () => {
  const config = loadConfig({ NODE_ENV: 'development' })
  expect(config.env).toBe('development')
  expect(config.tokenSecret).toBe(DEV_SECRETS.tokenSecret)
  expect(config.signingSealKey).not.toBe(config.dataKey)
})

test('production accepts strong, distinct secrets', () => {
  const config = loadConfig(prod)
  expect(config.tokenSecret).toBe(strong)
  expect(config.audit.key).toBe(`${strong}a`)
})

test('a start with no mode at all is production: the development secrets are refused, not used', () => {
  expect(() => loadConfig({})).toThrow(/BFF_TOKEN_SECRET is required unless NODE_ENV=development/)
  expect(() => loadConfig(devSecrets)).toThrow(/development default/)
  expect(loadConfig(secrets).env).toBe('production')
})

test('NODE_ENV=test is not development: it needs real secrets too (testConfig makes random ones)', () => {
  expect(() => loadConfig({ NODE_ENV: 'test' })).toThrow(ConfigError)
  expect(() => loadConfig({ NODE_ENV: 'test', ...devSecrets })).toThrow(/development default/)
  const config = testConfig()
  expect(Object.values(DEV_SECRETS)).not.toContain(config.tokenSecret)
  expect(Object.values(DEV_SECRETS)).not.toContain(config.dataKey)
})

test.each([
  ['a missing token secret', { ...prod, BFF_TOKEN_SECRET: undefined }, /BFF_TOKEN_SECRET is required/],
  ['a missing signing-key seal key', { ...prod, BFF_SIGNING_SEAL_KEY: undefined }, /BFF_SIGNING_SEAL_KEY is required/],
  ['a missing audit key', { ...prod, BFF_AUDIT_KEY: undefined }, /BFF_AUDIT_KEY is required/],
  ['the development token secret', { ...prod, BFF_TOKEN_SECRET: DEV_SECRETS.tokenSecret }, /development default/],
  ['a development secret under another name', { ...prod, BFF_AUDIT_KEY: DEV_SECRETS.dataKey }, /development default/],
  ['a short data key', { ...prod, BFF_DATA_KEY: 'short' }, /at least 32/],
  ['a repetitive data key', { ...prod, BFF_DATA_KEY: 'a'.repeat(40) }, /too repetitive/],
  ['the data key reused to seal signing keys', { ...prod, BFF_SIGNING_SEAL_KEY: `${strong}x` }, /the same/],
  ['a weak retired data key', { ...prod, BFF_DATA_KEYS_RETIRED: '1:password' }, /at least 32/],
])('production refuses %s', (_what, env, message) => {
  expect(() => loadConfig(env)).toThrow(ConfigError)
  expect(() => loadConfig(env)).toThrow(message)
})

test('retired data keys are read by version', () => {
  const config = loadConfig({ ...prod, BFF_DATA_KEY_VERSION: '2', BFF_DATA_KEYS_RETIRED: `1:${strong}old` })
  expect(config.dataKeyVersion).toBe(2)
  expect(config.dataKeysRetired).toEqual({ 1: `${strong}old` })
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
  expect(() => loadConfig({ NODE_ENV: 'development', BFF_PORT: 'eighty' })).toThrow(/BFF_PORT/)
})

describe('listening on every interface (a phone on the same network)', () => {
  const interfaces = {
    lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
    eth0: [
      { address: '192.168.1.20', family: 'IPv4', internal: false },
      { address: 'fe80::1', family: 'IPv6', internal: false },
    ],
    wlan0: [
      { address: '10.0.0.7', family: 'IPv4', internal: false },
      { address: '169.254.3.4', family: 'IPv4', internal: false },
    ],
    docker0: undefined,
  } as unknown as Parameters<typeof lanOrigins>[1]

  test('lanOrigins: each LAN IPv4 address on the port, without loopback, link-local or IPv6', () => {
    expect(lanOrigins(3000, interfaces)).toEqual(['http://192.168.1.20:3000', 'http://10.0.0.7:3000'])
  })

  test('development with BFF_HOST=0.0.0.0 allows the machine’s LAN origins (CORS) beside the configured ones', () => {
    const config = loadConfig({ NODE_ENV: 'development', BFF_HOST: '0.0.0.0', BFF_PORT: '3100' })
    expect(config.lanOrigins).toEqual(lanOrigins(3100))
    expect(config.corsOrigins).toEqual([
      'http://localhost:3000',
      'http://127.0.0.1:3000',
      ...lanOrigins(3100).filter((o) => !['http://localhost:3000', 'http://127.0.0.1:3000'].includes(o)),
    ])
  })

  test('on 127.0.0.1 (the default), and in production on any host, no origin is guessed', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).lanOrigins).toEqual([])
    const production = loadConfig({ ...prod, BFF_HOST: '0.0.0.0' })
    expect(production.lanOrigins).toEqual([])
    expect(production.corsOrigins).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000'])
  })
})

test('DATABASE_URL picks PostgreSQL (unset: the SQLite file); anything but a postgres:// URL is a config error', () => {
  expect(loadConfig(prod).databaseUrl).toBeUndefined()
  const url = 'postgres://ysx@db.internal:5432/ysx'
  expect(loadConfig({ ...prod, DATABASE_URL: url }).databaseUrl).toBe(url)
  expect(() => loadConfig({ ...prod, DATABASE_URL: 'mysql://db/ysx' })).toThrow(/DATABASE_URL/)
})

test('REDIS_URL turns on the shared Redis with the ysx: key prefix (unset: single-node); a non-redis URL is an error', () => {
  expect(loadConfig(prod).redis).toBeUndefined()
  const url = 'redis://cache.internal:6379/0'
  expect(loadConfig({ ...prod, REDIS_URL: url }).redis).toEqual({ url, keyPrefix: 'ysx:' })
  expect(loadConfig({ ...prod, REDIS_URL: url, BFF_REDIS_PREFIX: 'gd:' }).redis).toEqual({ url, keyPrefix: 'gd:' })
  expect(loadConfig({ ...prod, REDIS_URL: 'rediss://cache.internal:6380' }).redis?.url).toBe(
    'rediss://cache.internal:6380',
  )
  expect(() => loadConfig({ ...prod, REDIS_URL: 'http://cache.internal' })).toThrow(/REDIS_URL/)
})

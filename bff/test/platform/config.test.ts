// Configuration: parsed once; production refuses missing, default or weak secrets.
import { ConfigError, DEV_SECRETS, loadConfig } from '../../src/platform/config'

const strong = 'k7Qp2vX9mZ4tR8wB1nC6yH3jL5sD0fGa'
const prod = {
  NODE_ENV: 'production',
  BFF_TOKEN_SECRET: strong,
  BFF_DATA_KEY: `${strong}x`,
  BFF_WECHAT_SECRET: `${strong}w`,
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

test('a malformed port is a config error naming the variable', () => {
  expect(() => loadConfig({ BFF_PORT: 'eighty' })).toThrow(/BFF_PORT/)
})

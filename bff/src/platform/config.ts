// BFF configuration: read from the environment once, checked with zod; a bad production config fails at boot.
import { createPrivateKey, generateKeyPairSync, type JsonWebKey, randomBytes } from 'node:crypto'
import { type NetworkInterfaceInfo, networkInterfaces } from 'node:os'
import { z } from '@ysx/shared/z'
import { DEPARTMENT_CODES, DEPARTMENTS, type DepartmentCode, defaultDepartmentUrl, departmentUrlVar } from '@ysx/shared'

/**
 * Development-only secrets, used only when NODE_ENV=development is set explicitly (scripts/start sets it). Any other
 * start — production, test, or no NODE_ENV at all — refuses them, and anything missing, short or repetitive.
 */
export const DEV_SECRETS = {
  tokenSecret: 'dev-only-token-secret-change-me-0123456789abcdef',
  dataKey: 'dev-only-data-key-change-me-0123456789abcdef012345',
  signingSealKey: 'dev-only-signing-seal-key-change-me-0123456789abcdef',
  auditKey: 'dev-only-audit-key-change-me-0123456789abcdef012345',
  wechatSecret: 'dev-only-wechat-secret-change-me-0123456789abcdef',
} as const

const MIN_SECRET_LENGTH = 32 // ≥ 128 bits of entropy even for hex-encoded secrets (ASVS 11)

/** The department systems the BFF reaches over HTTP: the registry's codes (shared/src/departments/registry.ts). */
export type DepartmentName = DepartmentCode
const departmentUrlEnv = Object.fromEntries(
  DEPARTMENT_CODES.map((code) => [departmentUrlVar(code), z.string().url().default(defaultDepartmentUrl(code))]),
) as Record<string, z.ZodDefault<z.ZodString>>

const EnvSchema = z.object({
  /** Unset is production: development defaults need NODE_ENV=development, said explicitly. */
  NODE_ENV: z.enum(['development', 'test', 'production']).default('production'),
  BFF_HOST: z.string().default('127.0.0.1'),
  BFF_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  BFF_DB_FILE: z.string().default('.data/bff.sqlite'),
  /** Set: the BFF keeps its data in this PostgreSQL database instead of the SQLite file (postgres://…) */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// URL')
    .optional(),
  /** Set: what replicas must share (the rate limits' counters) lives in this Redis (redis:// or rediss://) */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'a redis:// or rediss:// URL')
    .optional(),
  /** Every key this BFF writes to Redis starts with it: deployments (or test files) sharing one Redis stay apart */
  BFF_REDIS_PREFIX: z.string().min(1).default('ysx:'),
  BFF_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Replicas the cluster entry (cluster.ts) runs; unset: one per core. server.ts alone is always one. */
  BFF_REPLICAS: z.coerce.number().int().min(1).max(256).optional(),
  BFF_TOKEN_SECRET: z.string().optional(),
  BFF_DATA_KEY: z.string().optional(),
  BFF_DATA_KEY_VERSION: z.coerce.number().int().min(1).default(1),
  /** Earlier data keys that still open what they sealed: `version:key,version:key` */
  BFF_DATA_KEYS_RETIRED: z.string().default(''),
  BFF_SIGNING_SEAL_KEY: z.string().optional(),
  BFF_AUDIT_KEY: z.string().optional(),
  BFF_AUDIT_CHECKPOINT_EVERY: z.coerce.number().int().positive().default(100),
  BFF_CORS_ORIGINS: z.string().default('http://localhost:3000,http://127.0.0.1:3000'),
  BFF_TRUST_PROXY: z.string().default(''),
  BFF_RATE_LIMIT_MAX: z.coerce.number().int().positive().default(300),
  BFF_RATE_LIMIT_WINDOW_MS: z.coerce.number().int().positive().default(60_000),
  BFF_RATE_LIMIT_USER_MAX: z.coerce.number().int().positive().default(300),
  BFF_RETENTION_INTERVAL_MS: z.coerce.number().int().nonnegative().default(3_600_000),
  BFF_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * 1024),
  BFF_H5_DIR: z.string().default(''),
  BFF_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().positive().default(1000),
  BFF_ACCESS_TTL_SECONDS: z.coerce.number().int().min(60).max(900).default(900),
  BFF_REFRESH_IDLE_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(7 * 24 * 3600),
  BFF_SESSION_ABSOLUTE_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(30 * 24 * 3600),
  BFF_STEP_UP_SECONDS: z.coerce.number().int().positive().default(300),
  BFF_LOGIN_RATE_LIMIT_MAX: z.coerce.number().int().positive().default(20),
  BFF_FACE_FAILURES_PER_DAY: z.coerce.number().int().positive().default(5),
  BFF_FACE_STANDIN: z.enum(['on', 'off']).default('off'),
  BFF_WECHAT_APPID: z.string().default('wx-ysx-open-dev'),
  BFF_WECHAT_SECRET: z.string().optional(),
  BFF_WECHAT_AUTHORIZE_URL: z
    .string()
    .url()
    .default(`http://localhost:${DEPARTMENTS.wechat.defaultPort}/connect/oauth2/authorize`),
  ...departmentUrlEnv,
  /** The BFF's private Ed25519 key (JWK) that signs every department call; development generates one per start */
  BFF_DEPT_SIGNING_KEY: z.string().optional(),
  BFF_UPSTREAM_TIMEOUT_MS: z.coerce.number().int().positive().default(2000),
  BFF_DASHBOARD_BUDGET_MS: z.coerce.number().int().positive().default(2500),
  BFF_DEPT_CACHE_TTL_MS: z.coerce.number().int().nonnegative().default(60_000),
  BFF_BREAKER_THRESHOLD: z.coerce.number().int().positive().default(5),
  BFF_BREAKER_HALF_OPEN_MS: z.coerce.number().int().positive().default(10_000),
  BFF_VERIFY_RATE_LIMIT_MAX: z.coerce.number().int().positive().default(600),
  BFF_VERIFIER_RATE_LIMIT_MAX: z.coerce.number().int().positive().default(120),
  BFF_KEY_ROTATION_DAYS: z.coerce.number().positive().default(30),
  BFF_KEY_OVERLAP_DAYS: z.coerce.number().positive().default(14),
  BFF_HEALTH_RULES_VERSION: z
    .string()
    .regex(/^\d{4}-\d{2}-v\d+$/)
    .default('2026-11-v1'),
})

export interface Config {
  env: 'development' | 'test' | 'production'
  host: string
  port: number
  dbFile: string
  /** The PostgreSQL database (DATABASE_URL); unset: the SQLite file `dbFile` */
  databaseUrl?: string
  /**
   * The Redis replicas share (REDIS_URL) and the prefix of every key written there; unset: single-node mode, the
   * rate limits count in this process
   */
  redis?: { url: string; keyPrefix: string }
  /** BFF_REPLICAS: how many replicas cluster.ts runs (unset: one per core) */
  replicas?: number
  logLevel: z.infer<typeof EnvSchema>['BFF_LOG_LEVEL']
  tokenSecret: string
  /** Seals personal fields (and keys their lookup hashes); `dataKeyVersion` is written into every sealed value */
  dataKey: string
  dataKeyVersion: number
  /** Earlier data keys by version, for opening what they sealed */
  dataKeysRetired: Record<number, string>
  /** Seals the signing keys' private halves: a key of its own, never the personal-field key */
  signingSealKey: string
  /** The audit chain's HMAC key and its checkpoints' signing seed: outside the database by design */
  audit: { key: string; checkpointEvery: number }
  corsOrigins: string[]
  /**
   * The BFF's own addresses on this machine's network (http://<LAN address>:<port>), when development listens on every
   * interface (BFF_HOST=0.0.0.0) so a phone on the same network can open the H5 app: CORS and the CSP allow them.
   * Empty otherwise (production's origins are configured, never guessed).
   */
  lanOrigins: string[]
  /** Proxy addresses whose X-Forwarded-For is believed; empty: none, the peer address counts. */
  trustProxy: string[]
  /** Requests per window: `max` per client address (an IPv6 /64 counts as one), `userMax` per signed-in citizen */
  rateLimit: { max: number; windowMs: number; userMax?: number }
  /** How often the retention job purges what is past its period (0: never) */
  retentionIntervalMs: number
  bodyLimitBytes: number
  /** Folder holding the H5 build, served at `/`; empty: not served. */
  h5Dir: string
  maxEventLoopDelayMs: number
  auth: {
    accessTtlSeconds: number
    refreshIdleSeconds: number
    sessionAbsoluteSeconds: number
    stepUpSeconds: number
    loginRateLimitMax: number
    faceFailuresPerDay: number
  }
  wechat: { appId: string; secret: string; authorizeUrl: string }
  /** Stand-in mode: labelled stand-in face samples (no camera) are accepted; off unless BFF_FACE_STANDIN=on */
  faceStandIn: boolean
  /** Signing keys for artifacts third parties verify (JWKS) */
  keys: { rotationSeconds: number; overlapSeconds: number }
  /** Online verifications per client address per minute */
  verifyRateLimitMax: number
  /** Online verifications per signed-in verifier (the reader app's account) per minute */
  verifierRateLimitMax: number
  /** The 粤康码 rule set in force (a file under bff/rules/health-code/) */
  healthRulesVersion: string
  departments: {
    urls: Record<DepartmentName, string>
    /** Signs every call to a department (RFC 9421); its public half is registered at each department */
    signingKey: JsonWebKey
    /** Per call: a department that has not answered by then is treated as down */
    timeoutMs: number
    /**
     * A department's own timeout in place of timeoutMs (e.g. one known to be slower than the rest); read at each call,
     * so a change to this object applies to the next call
     */
    timeoutMsByDepartment?: Partial<Record<DepartmentName, number>>
    /** The whole dashboard answers within this, whatever the departments do */
    dashboardBudgetMs: number
    /** How long a department's reply may be served again without calling it (0: never) */
    cacheTtlMs: number
    /** Consecutive failures that open a department's breaker, and how long it stays open before a probe */
    breakerThreshold: number
    halfOpenAfterMs: number
  }
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

function secret(name: string, value: string | undefined, devDefault: string, env: Config['env']): string {
  if (env === 'development') return value ?? devDefault
  if (!value) throw new ConfigError(`${name} is required unless NODE_ENV=development (it is ${env}); set a real secret`)
  if (Object.values(DEV_SECRETS).includes(value as never))
    throw new ConfigError(`${name} is a development default; set a real secret (${env})`)
  if (value.length < MIN_SECRET_LENGTH)
    throw new ConfigError(`${name} must be at least ${MIN_SECRET_LENGTH} characters`)
  if (new Set(value).size < 8) throw new ConfigError(`${name} is too repetitive to be a secret`)
  return value
}

/** The department-call signing key: required (and a private Ed25519 JWK) in production; development may generate one. */
function signingKey(value: string | undefined, env: Config['env']): JsonWebKey {
  if (!value) {
    if (env === 'production') throw new ConfigError('BFF_DEPT_SIGNING_KEY is required in production')
    return generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' })
  }
  try {
    const jwk = JSON.parse(value) as JsonWebKey
    if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.d) throw new Error('not a private Ed25519 JWK')
    createPrivateKey({ key: jwk, format: 'jwk' })
    return jwk
  } catch (err) {
    throw new ConfigError(`BFF_DEPT_SIGNING_KEY: ${(err as Error).message}`)
  }
}

/** In production every department is reached over https only; development may use http on this machine. */
function departmentUrls(urls: Record<DepartmentName, string>, env: Config['env']): Record<DepartmentName, string> {
  if (env !== 'production') return urls
  const plain = Object.entries(urls).filter(([, url]) => new URL(url).protocol !== 'https:')
  if (plain.length > 0)
    throw new ConfigError(
      `department URLs must be https in production: ${plain.map(([code]) => departmentUrlVar(code as DepartmentName)).join(', ')}`,
    )
  return urls
}

/** Hosts that mean "every interface". */
const ALL_INTERFACES = new Set(['0.0.0.0', '::', '[::]'])

/**
 * This machine's LAN addresses as origins on a port (`http://<address>:<port>`): what a phone on the same network
 * opens. IPv4 only (what a phone's browser is given to type), neither loopback nor link-local (169.254/16).
 */
export function lanOrigins(
  port: number,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string[] {
  const addresses = Object.values(interfaces)
    .flatMap((infos) => infos ?? [])
    .filter((info) => info.family === 'IPv4' && !info.internal && !info.address.startsWith('169.254.'))
    .map((info) => `http://${info.address}:${port}`)
  return [...new Set(addresses)]
}

const list = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

/** `2:key,1:key` → {2: key, 1: key}, each checked as a secret. */
function retiredKeys(value: string, env: Config['env']): Record<number, string> {
  const keys: Record<number, string> = {}
  for (const item of list(value)) {
    const at = item.indexOf(':')
    const version = Number(item.slice(0, at))
    if (at < 1 || !Number.isInteger(version) || version < 1)
      throw new ConfigError('BFF_DATA_KEYS_RETIRED: each item is version:key')
    keys[version] = secret(`BFF_DATA_KEYS_RETIRED (version ${version})`, item.slice(at + 1), '', env)
  }
  return keys
}

/** One secret, one job: a key reused for another purpose is refused (a leak of one must not open the others). */
function distinctSecrets(config: Config): Config {
  const named: [string, string][] = [
    ['BFF_TOKEN_SECRET', config.tokenSecret],
    ['BFF_DATA_KEY', config.dataKey],
    ['BFF_SIGNING_SEAL_KEY', config.signingSealKey],
    ['BFF_AUDIT_KEY', config.audit.key],
    ['BFF_WECHAT_SECRET', config.wechat.secret],
  ]
  for (const [i, [name, value]] of named.entries()) {
    const same = named.slice(i + 1).find(([, other]) => other === value)
    if (same) throw new ConfigError(`${name} and ${same[0]} are the same; each needs a secret of its own`)
  }
  return config
}

/** Parses an environment (process.env by default) into a Config, or throws ConfigError naming what is wrong. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(source)
  if (!parsed.success) {
    const what = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new ConfigError(`invalid configuration: ${what}`)
  }
  const e = parsed.data
  const lan = e.NODE_ENV === 'development' && ALL_INTERFACES.has(e.BFF_HOST) ? lanOrigins(e.BFF_PORT) : []
  return distinctSecrets({
    env: e.NODE_ENV,
    host: e.BFF_HOST,
    port: e.BFF_PORT,
    dbFile: e.BFF_DB_FILE,
    databaseUrl: e.DATABASE_URL,
    ...(e.REDIS_URL ? { redis: { url: e.REDIS_URL, keyPrefix: e.BFF_REDIS_PREFIX } } : {}),
    ...(e.BFF_REPLICAS ? { replicas: e.BFF_REPLICAS } : {}),
    logLevel: e.BFF_LOG_LEVEL,
    tokenSecret: secret('BFF_TOKEN_SECRET', e.BFF_TOKEN_SECRET, DEV_SECRETS.tokenSecret, e.NODE_ENV),
    dataKey: secret('BFF_DATA_KEY', e.BFF_DATA_KEY, DEV_SECRETS.dataKey, e.NODE_ENV),
    dataKeyVersion: e.BFF_DATA_KEY_VERSION,
    dataKeysRetired: retiredKeys(e.BFF_DATA_KEYS_RETIRED, e.NODE_ENV),
    signingSealKey: secret('BFF_SIGNING_SEAL_KEY', e.BFF_SIGNING_SEAL_KEY, DEV_SECRETS.signingSealKey, e.NODE_ENV),
    audit: {
      key: secret('BFF_AUDIT_KEY', e.BFF_AUDIT_KEY, DEV_SECRETS.auditKey, e.NODE_ENV),
      checkpointEvery: e.BFF_AUDIT_CHECKPOINT_EVERY,
    },
    corsOrigins: [...new Set([...list(e.BFF_CORS_ORIGINS), ...lan])],
    lanOrigins: lan,
    trustProxy: list(e.BFF_TRUST_PROXY),
    rateLimit: { max: e.BFF_RATE_LIMIT_MAX, windowMs: e.BFF_RATE_LIMIT_WINDOW_MS, userMax: e.BFF_RATE_LIMIT_USER_MAX },
    retentionIntervalMs: e.BFF_RETENTION_INTERVAL_MS,
    bodyLimitBytes: e.BFF_BODY_LIMIT_BYTES,
    h5Dir: e.BFF_H5_DIR,
    maxEventLoopDelayMs: e.BFF_MAX_EVENT_LOOP_DELAY_MS,
    auth: {
      accessTtlSeconds: e.BFF_ACCESS_TTL_SECONDS,
      refreshIdleSeconds: e.BFF_REFRESH_IDLE_SECONDS,
      sessionAbsoluteSeconds: e.BFF_SESSION_ABSOLUTE_SECONDS,
      stepUpSeconds: e.BFF_STEP_UP_SECONDS,
      loginRateLimitMax: e.BFF_LOGIN_RATE_LIMIT_MAX,
      faceFailuresPerDay: e.BFF_FACE_FAILURES_PER_DAY,
    },
    wechat: {
      appId: e.BFF_WECHAT_APPID,
      secret: secret('BFF_WECHAT_SECRET', e.BFF_WECHAT_SECRET, DEV_SECRETS.wechatSecret, e.NODE_ENV),
      authorizeUrl: e.BFF_WECHAT_AUTHORIZE_URL,
    },
    faceStandIn: e.BFF_FACE_STANDIN === 'on',
    verifyRateLimitMax: e.BFF_VERIFY_RATE_LIMIT_MAX,
    verifierRateLimitMax: e.BFF_VERIFIER_RATE_LIMIT_MAX,
    healthRulesVersion: e.BFF_HEALTH_RULES_VERSION,
    keys: { rotationSeconds: e.BFF_KEY_ROTATION_DAYS * 86_400, overlapSeconds: e.BFF_KEY_OVERLAP_DAYS * 86_400 },
    departments: {
      urls: departmentUrls(
        Object.fromEntries(
          DEPARTMENT_CODES.map((n) => [n, (e as Record<string, unknown>)[departmentUrlVar(n)] as string]),
        ) as Record<DepartmentName, string>,
        e.NODE_ENV,
      ),
      signingKey: signingKey(e.BFF_DEPT_SIGNING_KEY, e.NODE_ENV),
      timeoutMs: e.BFF_UPSTREAM_TIMEOUT_MS,
      dashboardBudgetMs: e.BFF_DASHBOARD_BUDGET_MS,
      cacheTtlMs: e.BFF_DEPT_CACHE_TTL_MS,
      breakerThreshold: e.BFF_BREAKER_THRESHOLD,
      halfOpenAfterMs: e.BFF_BREAKER_HALF_OPEN_MS,
    },
  })
}

/** Real secrets for a test process: random, made once, never the development defaults. */
let testSecrets: Record<string, string> | undefined
const testSecret = () => randomBytes(32).toString('base64url')

/** A config for tests (NODE_ENV=test): random real secrets, an in-memory database, silent logs, with overrides. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  testSecrets ??= {
    BFF_TOKEN_SECRET: testSecret(),
    BFF_DATA_KEY: testSecret(),
    BFF_SIGNING_SEAL_KEY: testSecret(),
    BFF_AUDIT_KEY: testSecret(),
    BFF_WECHAT_SECRET: testSecret(),
  }
  const env = {
    NODE_ENV: 'test',
    BFF_DB_FILE: ':memory:',
    BFF_LOG_LEVEL: 'silent',
    ...testSecrets,
  }
  // No load shedding in tests (0 turns the check off): on a busy 2-core CI machine @fastify/under-pressure reads a
  // sampling interval with no event-loop tick as an endless delay and answers 503 OVERLOADED to a test of something
  // else. bff/test/app.test.ts tests the shedding itself with a limit it sets; the benchmarks set the shipped one.
  return { ...loadConfig(env), maxEventLoopDelayMs: 0, ...overrides }
}

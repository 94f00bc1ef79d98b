// Department configuration from the environment, checked once with zod.
import type { JsonWebKey } from 'node:crypto'
import { z } from '@ysx/shared/z'
import { DEPARTMENT_CODES, type DepartmentCode, departmentPortVar, DEPARTMENTS } from '@ysx/shared'
import { type Operator, parseOperators } from './caller-auth'
import { parseJwks } from './signatures'

type PortVar = `DEPT_${Uppercase<DepartmentCode>}_PORT`
const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback)
/** Every department's port, DEPT_<CODE>_PORT, by default the registry's. */
const portEnv = Object.fromEntries(
  DEPARTMENT_CODES.map((code) => [departmentPortVar(code), port(DEPARTMENTS[code].defaultPort)]),
) as Record<PortVar, ReturnType<typeof port>>

const EnvSchema = z.object({
  DEPT_HOST: z.string().default('127.0.0.1'),
  DEPT_DATA_DIR: z.string().default('.data/departments'),
  DEPT_SEED: z.coerce.number().int().nonnegative().default(20_261_123),
  DEPT_SIZE: z.coerce.number().int().positive().max(10_000_000).default(1000),
  // The synthetic world's "today" (YYYY-MM-DD); by default the seed read as a date. scripts/start sets it to today,
  // so test results and the like keep their real age while the population (the seed) stays the same.
  DEPT_REFERENCE_DATE: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)))
    .optional(),
  DEPT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('warn'),
  ...portEnv,
  // The WeChat stand-in's registered mini-program; the BFF's BFF_WECHAT_APPID/SECRET must match (same dev defaults).
  DEPT_WECHAT_APPID: z.string().default('wx-ysx-open-dev'),
  DEPT_WECHAT_SECRET: z.string().default('dev-only-wechat-secret-change-me-0123456789abcdef'),
  // The BFF's public key (a JWK, or a JSON array of them while it rotates): only calls it signed are served. No
  // default: scripts/start generates a pair (scripts/department-env.ts). Unset: every business call is refused.
  DEPT_BFF_PUBLIC_JWK: z.string().optional(),
  // The operators who may use the /_admin/ routes (faults, risk areas, appeal decisions): `name=token,…`. No default.
  DEPT_OPERATORS: z.string().optional(),
  // The redirect URIs registered for it (comma-separated, matched exactly); unset: the H5 app at localhost:3000.
  DEPT_WECHAT_REDIRECT_URIS: z.string().optional(),
})

export interface DepartmentsConfig {
  host: string
  dataDir: string
  seed: number
  size: number
  /** Overrides the reference date the seed implies */
  referenceDate?: string
  logLevel: string
  ports: Record<DepartmentCode, number>
  /** The mini-program registered with the login server stand-in (WeChat's), and its redirect URIs (exact) */
  loginApp: { appId: string; secret: string; redirectUris?: string[] }
  /** The platform's registered public keys: business calls must be signed by one */
  callerKeys: JsonWebKey[]
  /** Who may use the /_admin/ routes */
  operators: Operator[]
}

export function loadDepartmentsConfig(source: Record<string, string | undefined> = process.env): DepartmentsConfig {
  const e = EnvSchema.parse(source)
  return {
    host: e.DEPT_HOST,
    dataDir: e.DEPT_DATA_DIR,
    seed: e.DEPT_SEED,
    size: e.DEPT_SIZE,
    ...(e.DEPT_REFERENCE_DATE ? { referenceDate: e.DEPT_REFERENCE_DATE } : {}),
    logLevel: e.DEPT_LOG_LEVEL,
    callerKeys: parseJwks(e.DEPT_BFF_PUBLIC_JWK),
    operators: parseOperators(e.DEPT_OPERATORS),
    loginApp: {
      appId: e.DEPT_WECHAT_APPID,
      secret: e.DEPT_WECHAT_SECRET,
      ...(e.DEPT_WECHAT_REDIRECT_URIS
        ? {
            redirectUris: e.DEPT_WECHAT_REDIRECT_URIS.split(',')
              .map((u) => u.trim())
              .filter(Boolean),
          }
        : {}),
    },
    ports: Object.fromEntries(DEPARTMENT_CODES.map((code) => [code, e[departmentPortVar(code) as PortVar]])) as Record<
      DepartmentCode,
      number
    >,
  }
}

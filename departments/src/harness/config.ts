// Department configuration from the environment, checked once with zod.
import { z } from '@ysx/shared'

/** Every stand-in department with its default port (4100 is the WeChat stand-in's). */
export const DEPARTMENT_PORTS = {
  wechat: 4100,
  gongan: 4101,
  renshe: 4102,
  yibao: 4103,
  gongjijin: 4104,
  jiaoguan: 4105,
  churujing: 4106,
  weijian: 4107,
  minzheng: 4108,
  shichang: 4109,
} as const
export type DepartmentName = keyof typeof DEPARTMENT_PORTS

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback)
const portEnv = Object.fromEntries(
  Object.entries(DEPARTMENT_PORTS).map(([name, p]) => [`DEPT_${name.toUpperCase()}_PORT`, port(p)]),
) as Record<`DEPT_${Uppercase<DepartmentName>}_PORT`, ReturnType<typeof port>>

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
})

export interface DepartmentsConfig {
  host: string
  dataDir: string
  seed: number
  size: number
  /** Overrides the reference date the seed implies */
  referenceDate?: string
  logLevel: string
  ports: Record<DepartmentName, number>
  wechat: { appId: string; secret: string }
}

export function loadDepartmentsConfig(source: Record<string, string | undefined> = process.env): DepartmentsConfig {
  const e = EnvSchema.parse(source)
  const names = Object.keys(DEPARTMENT_PORTS) as DepartmentName[]
  return {
    host: e.DEPT_HOST,
    dataDir: e.DEPT_DATA_DIR,
    seed: e.DEPT_SEED,
    size: e.DEPT_SIZE,
    ...(e.DEPT_REFERENCE_DATE ? { referenceDate: e.DEPT_REFERENCE_DATE } : {}),
    logLevel: e.DEPT_LOG_LEVEL,
    wechat: { appId: e.DEPT_WECHAT_APPID, secret: e.DEPT_WECHAT_SECRET },
    ports: Object.fromEntries(
      names.map((n) => [n, e[`DEPT_${n.toUpperCase() as Uppercase<DepartmentName>}_PORT`]]),
    ) as Record<DepartmentName, number>,
  }
}

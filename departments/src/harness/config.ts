// Department configuration from the environment, checked once with zod.
import { z } from '@ysx/shared'

const EnvSchema = z.object({
  DEPT_HOST: z.string().default('127.0.0.1'),
  DEPT_DATA_DIR: z.string().default('.data/departments'),
  DEPT_SEED: z.coerce.number().int().nonnegative().default(20_261_123),
  DEPT_SIZE: z.coerce.number().int().positive().max(10_000_000).default(1000),
  DEPT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('warn'),
  DEPT_GONGAN_PORT: z.coerce.number().int().min(0).max(65535).default(4101),
})

export interface DepartmentsConfig {
  host: string
  dataDir: string
  seed: number
  size: number
  logLevel: string
  ports: { gongan: number }
}

export function loadDepartmentsConfig(source: Record<string, string | undefined> = process.env): DepartmentsConfig {
  const e = EnvSchema.parse(source)
  return {
    host: e.DEPT_HOST,
    dataDir: e.DEPT_DATA_DIR,
    seed: e.DEPT_SEED,
    size: e.DEPT_SIZE,
    logLevel: e.DEPT_LOG_LEVEL,
    ports: { gongan: e.DEPT_GONGAN_PORT },
  }
}

// Every department in the registry, found by convention: departments/src/<code>/app.ts exports `standIn`, a
// population department's definition (defineDepartment) or the login server's (defineLoginServer), as the registry's
// `population` flag says. What main.ts, seed.ts, the tests and the benchmarks start the stand-ins through.
import path from 'node:path'
import {
  DEPARTMENT_CODES,
  type DepartmentCode,
  DEPARTMENTS,
  type PopulationDepartment,
  POPULATION_DEPARTMENT_CODES,
} from '@ysx/shared'
import {
  buildDepartment,
  type BuiltDepartment,
  type DepartmentApp,
  type DepartmentOptions,
  type DepartmentSchema,
  type DepartmentsConfig,
  type DepartmentSpec,
  type LoginServerOptions,
  type LoginServerSpec,
  type Seedable,
  seedable,
} from './harness'

/** A stand-in of a department that serves the synthetic population. */
export interface PopulationStandIn {
  code: PopulationDepartment
  population: true
  seedable: Seedable
  build(opts: DepartmentOptions): BuiltDepartment
}

/** The login server's stand-in (WeChat's): no population, built from the registered mini-program. */
export interface LoginStandIn {
  code: DepartmentCode
  population: false
  build(opts: LoginServerOptions): DepartmentApp
}

export type StandIn = PopulationStandIn | LoginStandIn
export type StandInOf<C extends DepartmentCode> = C extends PopulationDepartment ? PopulationStandIn : LoginStandIn

/** Loads departments/src/<code>/app.ts and checks that its `standIn` is the kind the registry says. */
export async function loadStandIn<C extends DepartmentCode>(code: C): Promise<StandInOf<C>> {
  const where = `departments/src/${code}/app.ts`
  const { standIn } = (await import(`./${code}/app`)) as { standIn?: { name?: unknown } }
  if (!standIn || standIn.name !== code) throw new Error(`${where} must export a standIn named '${code}'`)
  if (DEPARTMENTS[code].population) {
    const spec = standIn as DepartmentSpec<DepartmentSchema>
    if (typeof spec.seed !== 'function') throw new Error(`${where}: a population department's standIn seeds it`)
    const loaded: PopulationStandIn = {
      code: code as PopulationDepartment,
      population: true,
      seedable: seedable(spec),
      build: (opts) => buildDepartment(spec, opts),
    }
    return loaded as StandInOf<C>
  }
  const server = standIn as LoginServerSpec
  if (typeof server.build !== 'function') throw new Error(`${where}: the login server's standIn builds it`)
  const loaded: LoginStandIn = { code, population: false, build: server.build }
  return loaded as StandInOf<C>
}

/** Every department's stand-in, in registry order. */
export const loadStandIns = (): Promise<StandIn[]> => Promise.all(DEPARTMENT_CODES.map((code) => loadStandIn(code)))

/** The population departments' stand-ins, in registry order. */
export const loadPopulationStandIns = (): Promise<PopulationStandIn[]> =>
  Promise.all(POPULATION_DEPARTMENT_CODES.map((code) => loadStandIn(code)))

/** A stand-in's SQLite file under the data directory. */
export const dbFileOf = (config: DepartmentsConfig, code: DepartmentCode) => path.join(config.dataDir, `${code}.sqlite`)

/** A population department's options from the configuration. */
export const departmentOptions =
  (config: DepartmentsConfig) =>
  (code: DepartmentCode): DepartmentOptions => ({
    dbFile: dbFileOf(config, code),
    seed: config.seed,
    size: config.size,
    ...(config.referenceDate ? { referenceDate: config.referenceDate } : {}),
    logLevel: config.logLevel,
    callerKeys: config.callerKeys,
    operators: config.operators,
  })

/** The login server's options from the configuration. */
export const loginServerOptions = (config: DepartmentsConfig, code: DepartmentCode): LoginServerOptions => ({
  dbFile: dbFileOf(config, code),
  appId: config.loginApp.appId,
  appSecret: config.loginApp.secret,
  logLevel: config.logLevel,
  operators: config.operators,
  ...(config.loginApp.redirectUris ? { redirectUris: config.loginApp.redirectUris } : {}),
})

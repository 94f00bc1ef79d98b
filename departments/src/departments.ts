// Every stand-in department built on the population, as one list: what the seed entry and main.ts walk.
import path from 'node:path'
import { churujingDepartment } from './churujing/app'
import { gonganDepartment } from './gongan/app'
import { gongjijinDepartment } from './gongjijin/app'
import { type DepartmentName, type DepartmentOptions, type DepartmentsConfig, type Seedable, seedable } from './harness'
import { jiaoguanDepartment } from './jiaoguan/app'
import { minzhengDepartment } from './minzheng/app'
import { rensheDepartment } from './renshe/app'
import { shichangDepartment } from './shichang/app'
import { weijianDepartment } from './weijian/app'
import { yibaoDepartment } from './yibao/app'

export const POPULATION_DEPARTMENTS: readonly Seedable[] = [
  seedable(gonganDepartment),
  seedable(rensheDepartment),
  seedable(yibaoDepartment),
  seedable(gongjijinDepartment),
  seedable(jiaoguanDepartment),
  seedable(churujingDepartment),
  seedable(weijianDepartment),
  seedable(minzhengDepartment),
  seedable(shichangDepartment),
]

/** A department's options from the configuration: its own SQLite file under the data directory. */
export const departmentOptions =
  (config: DepartmentsConfig) =>
  (name: DepartmentName): DepartmentOptions => ({
    dbFile: path.join(config.dataDir, `${name}.sqlite`),
    seed: config.seed,
    size: config.size,
    ...(config.referenceDate ? { referenceDate: config.referenceDate } : {}),
    logLevel: config.logLevel,
  })

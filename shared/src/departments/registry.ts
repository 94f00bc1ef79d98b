// The department registry: every system the BFF reaches over HTTP (the nine stand-in departments and WeChat's login
// server), listed once: its code, display name, default port, contracts and what it issues. The BFF's config, the
// stand-ins' main, scripts/start (scripts/department-env.ts), the tests and the benchmarks all read this list.
import type { RouteContract } from '../contract'
import { departments as NAMES } from '../i18n/zh-CN/shell'
import { type CertificateType } from './certificate'
import { churujingContracts } from './churujing'
import { gonganContracts } from './gongan'
import { gonganFaceContracts } from './gongan-face'
import { gongjijinContracts } from './gongjijin'
import { jiaoguanContracts } from './jiaoguan'
import { minzhengContracts } from './minzheng'
import { rensheContracts } from './renshe'
import { shichangContracts } from './shichang'
import { wechatContracts } from './wechat'
import { weijianContracts } from './weijian'
import { yibaoContracts } from './yibao'

export interface DepartmentEntry {
  /** The department's name as citizens know it: the zh-CN catalogue's (other locales translate it by code) */
  displayName: string
  /** The stand-in's port when DEPT_<CODE>_PORT does not say otherwise */
  defaultPort: number
  /** Every business route the department serves (besides the common health and fault-knob routes) */
  contracts: Record<string, RouteContract>
  /** Serves the shared synthetic population (every department but WeChat's login server) */
  population: boolean
  /** Certificate types it issues, through its `certificates` lookup */
  certificates: readonly CertificateType[]
}

const registry = <const T extends Record<string, DepartmentEntry>>(entries: T): T => entries

export const DEPARTMENTS = registry({
  wechat: {
    displayName: NAMES.wechat,
    defaultPort: 4100,
    contracts: wechatContracts,
    population: false,
    certificates: [],
  },
  gongan: {
    displayName: NAMES.gongan,
    defaultPort: 4101,
    contracts: { ...gonganContracts, ...gonganFaceContracts },
    population: true,
    certificates: ['id_card', 'household_register', 'residence_permit'],
  },
  renshe: {
    displayName: NAMES.renshe,
    defaultPort: 4102,
    contracts: rensheContracts,
    population: true,
    certificates: ['social_security_card'],
  },
  yibao: { displayName: NAMES.yibao, defaultPort: 4103, contracts: yibaoContracts, population: true, certificates: [] },
  gongjijin: {
    displayName: NAMES.gongjijin,
    defaultPort: 4104,
    contracts: gongjijinContracts,
    population: true,
    certificates: ['housing_fund_certificate'],
  },
  jiaoguan: {
    displayName: NAMES.jiaoguan,
    defaultPort: 4105,
    contracts: jiaoguanContracts,
    population: true,
    certificates: ['driving_licence', 'vehicle_licence'],
  },
  churujing: {
    displayName: NAMES.churujing,
    defaultPort: 4106,
    contracts: churujingContracts,
    population: true,
    certificates: ['passport', 'hk_macau_permit'],
  },
  weijian: {
    displayName: NAMES.weijian,
    defaultPort: 4107,
    contracts: weijianContracts,
    population: true,
    certificates: [],
  },
  minzheng: {
    displayName: NAMES.minzheng,
    defaultPort: 4108,
    contracts: minzhengContracts,
    population: true,
    certificates: ['marriage_certificate'],
  },
  shichang: {
    displayName: NAMES.shichang,
    defaultPort: 4109,
    contracts: shichangContracts,
    population: true,
    certificates: ['business_licence'],
  },
})

export type DepartmentCode = keyof typeof DEPARTMENTS
/** Every department, in registry order */
export const DEPARTMENT_CODES = Object.keys(DEPARTMENTS) as DepartmentCode[]
/** The departments that serve the synthetic population: all but WeChat's login server */
export type PopulationDepartment = {
  [K in DepartmentCode]: (typeof DEPARTMENTS)[K]['population'] extends true ? K : never
}[DepartmentCode]
export const POPULATION_DEPARTMENT_CODES = DEPARTMENT_CODES.filter(
  (code): code is PopulationDepartment => DEPARTMENTS[code].population,
)

/** The environment variables a department is configured by: its port (stand-in) and its address (BFF). */
export const departmentPortVar = (code: DepartmentCode) => `DEPT_${code.toUpperCase()}_PORT`
export const departmentUrlVar = (code: DepartmentCode) => `DEPT_${code.toUpperCase()}_URL`
/** Where a department listens by default, on this machine */
export const defaultDepartmentUrl = (code: DepartmentCode) => `http://127.0.0.1:${DEPARTMENTS[code].defaultPort}`

// 服务大厅's fixed terms, plain data with no zod, so the 服务 tab can list life events and departments without carrying
// the contracts (hall.ts uses and re-exports them).
import { departments as DEPARTMENT_NAMES } from '../i18n/zh-CN/shell'

/**
 * The departments services belong to: the registry's (its names are zh-CN's `departments`) and the catalogue-only ones
 * named beside them there (税务, 教育, 残联, 退役军人事务, 住建), all but WeChat's login server, which serves no one.
 */
export type HallDepartment = Exclude<keyof typeof DEPARTMENT_NAMES, 'wechat'>
export const HALL_DEPARTMENTS = Object.keys(DEPARTMENT_NAMES).filter((c) => c !== 'wechat') as [
  HallDepartment,
  ...HallDepartment[],
]
/** A department's name as citizens know it (zh-CN; the mini-program says it in the reader's language). */
export const hallDepartmentName = (code: HallDepartment): string => DEPARTMENT_NAMES[code]

/** Life events (生命周期事件) the catalogue groups services by. */
export const LIFE_EVENTS = [
  'birth',
  'school',
  'employment',
  'marriage',
  'housing',
  'travel',
  'health',
  'retirement',
  'death',
  'business',
  'disability',
  'military',
] as const
export type LifeEvent = (typeof LIFE_EVENTS)[number]

/** 零跑动 (entirely online), 跑一次 (one trip to a counter), 窗口 (at the counter). */
export const SERVICE_CHANNELS = ['online', 'once', 'counter'] as const
export const SERVICE_LEVELS = ['province', 'city', 'county'] as const
/**
 * Evidence levels (国办函〔2016〕108号): A a signed electronic certificate from the issuing department; B checked by a
 * clerk; C uploaded by the citizen; D the citizen's own pledge (告知承诺).
 */
export const EVIDENCE_LEVELS = ['A', 'B', 'C', 'D'] as const

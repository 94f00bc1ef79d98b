// zh-CN: the app shell (name, tab bar, common words) and the labels several pages share (certificate status, departments).
import { DEPARTMENTS, POPULATION_DEPARTMENT_CODES, type PopulationDepartment } from '../../departments/registry'

export const app = {
  name: '粤省事',
  slogan: '指尖上的民生服务',
}

export const tabs = {
  home: '首页',
  services: '服务',
  wallet: '卡包',
  me: '我的',
}

export const certificateStatus = { valid: '有效', expired: '已过期', suspended: '暂扣', revoked: '已注销' }

/**
 * Department names by code, taken from the registry (the departments that serve citizens; not WeChat's login). Typed
 * by the registry's codes, so that every other locale must name each department.
 */
export const departments = Object.fromEntries(
  POPULATION_DEPARTMENT_CODES.map((code) => [code, DEPARTMENTS[code].displayName]),
) as Record<PopulationDepartment, string>

export const common = {
  loading: '加载中…',
  retry: '重试',
  cancel: '取消',
  loadFailed: '加载失败',
  empty: '暂无数据',
  networkError: '网络不给力，请稍后重试',
  badResponse: '服务返回了无法识别的数据，请稍后重试',
}

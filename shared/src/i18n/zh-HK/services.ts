// zh-HK: the service directory.
import type { Catalogue } from '../zh-CN'

export const services: Catalogue['services'] = {
  title: '全部服務',
  categories: {
    police: '公安',
    socialSecurity: '人社',
    medical: '醫保',
    housingFund: '公積金',
    traffic: '交管',
    exitEntry: '出入境',
    health: '衛健',
    civil: '民政',
    market: '市場監管',
  },
  comingSoon: '即將推出',
  departmentServices: '部門服務',
  tools: '便民工具',
}

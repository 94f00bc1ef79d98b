// en: the service directory.
import type { Catalogue } from '../zh-CN'

export const services: Catalogue['services'] = {
  title: 'All services',
  categories: {
    police: 'Public security',
    socialSecurity: 'Human resources and social security',
    medical: 'Medical insurance',
    housingFund: 'Housing fund',
    traffic: 'Traffic police',
    exitEntry: 'Exit and entry',
    health: 'Health',
    civil: 'Civil affairs',
    market: 'Market regulation',
  },
  comingSoon: 'Coming soon',
  departmentServices: 'Departments',
  tools: 'Tools',
}

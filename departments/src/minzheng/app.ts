// 民政 stand-in: the 结婚证 of a married citizen, naming the spouse (another citizen of the population).
import { minzhengContracts } from '@ysx/shared'
import { buildDepartment, type BuiltDepartment, defineDepartment, type DepartmentOptions } from '../harness'
import * as schema from './schema'
import { seedMinzheng } from './seed'

export const minzhengDepartment = defineDepartment({
  name: 'minzheng',
  schema,
  seed: seedMinzheng,
  routes: ({ serveCertificates }) => {
    /** POST /v1/certificates/lookup — the citizen's 结婚证, if married */
    serveCertificates(minzhengContracts.certificates)
  },
})

export const buildMinzhengApp = (opts: DepartmentOptions): BuiltDepartment => buildDepartment(minzhengDepartment, opts)

// 出入境 stand-in: the 普通护照 and 往来港澳通行证 (with endorsements) issued to a citizen.
import { churujingContracts } from '@ysx/shared'
import { buildDepartment, type BuiltDepartment, defineDepartment, type DepartmentOptions } from '../harness'
import * as schema from './schema'
import { seedChurujing } from './seed'

export const churujingDepartment = defineDepartment({
  name: 'churujing',
  schema,
  seed: seedChurujing,
  routes: ({ serveCertificates }) => {
    /** POST /v1/certificates/lookup — the citizen's passport and HK/Macau travel permit */
    serveCertificates(churujingContracts.certificates)
  },
})

export const buildChurujingApp = (opts: DepartmentOptions): BuiltDepartment =>
  buildDepartment(churujingDepartment, opts)

// 市场监管 stand-in: the 营业执照 registered to a citizen as operator or legal representative.
import { certificateDepartment } from '../harness'
import * as schema from './schema'
import { seedShichang } from './seed'

/** POST /v1/certificates/lookup — business licences of which the citizen is operator or legal representative */
export const standIn = certificateDepartment('shichang', schema, seedShichang)

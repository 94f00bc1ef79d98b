// 民政 stand-in: the 结婚证 of a married citizen, naming the spouse (another citizen of the population).
import { certificateDepartment } from '../harness'
import * as schema from './schema'
import { seedMinzheng } from './seed'

/** POST /v1/certificates/lookup — the citizen's 结婚证, if married */
export const standIn = certificateDepartment('minzheng', schema, seedMinzheng)

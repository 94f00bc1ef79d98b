// 出入境 stand-in: the 普通护照 and 往来港澳通行证 (with endorsements) issued to a citizen.
import { certificateDepartment } from '../harness'
import * as schema from './schema'
import { seedChurujing } from './seed'

/** POST /v1/certificates/lookup — the citizen's passport and HK/Macau travel permit */
export const standIn = certificateDepartment('churujing', schema, seedChurujing)

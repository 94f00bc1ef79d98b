// 出入境 (exit and entry administration) department contract: 普通护照 and 往来港澳通行证 with its endorsements.
import { defineContracts } from '../contract'
import { z } from '../z'
import { certificateBase, certificateUnion, certificatesContract, isoDate } from './certificate'

export const PassportSchema = certificateBase('passport').extend({
  passportType: z.literal('P').describe('护照类型代码（P 普通护照）'),
  countryCode: z.literal('CHN').describe('国家码'),
  placeOfIssue: z.literal('广东').describe('签发地点'),
})

export const EndorsementSchema = z.object({
  region: z.enum(['香港', '澳门']).describe('前往地区'),
  kind: z.enum(['个人旅游', '团队旅游', '商务', '探亲']).describe('签注种类'),
  entries: z.enum(['一次', '二次', '多次']).describe('有效次数'),
  issueDate: isoDate('签注签发日期'),
  validUntil: isoDate('签注有效期至'),
  status: z.enum(['valid', 'expired']).describe('签注状态（以基准日判断）'),
})

export const HkMacauPermitSchema = certificateBase('hk_macau_permit').extend({
  endorsements: z.array(EndorsementSchema).describe('签注，新在前'),
})

export const ChurujingCertificateSchema = certificateUnion([PassportSchema, HkMacauPermitSchema], '出入境签发的证件')

export const churujingContracts = defineContracts({
  certificates: certificatesContract('exit-entry', ChurujingCertificateSchema),
})

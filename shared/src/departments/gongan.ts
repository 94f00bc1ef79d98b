// 公安 (public security) department contract: identity lookup, and the 居民身份证, 户口簿 and 居住证 it issues.
import { defineContracts } from '../contract'
import { IdNumberSchema } from '../domain/id-number'
import { ChineseNameSchema } from '../domain/name'
import { PhoneSchema } from '../domain/phone'
import { z } from '../z'
import {
  certificateBase,
  certificateUnion,
  certificatesContract,
  GenderSchema,
  isoDate,
  PersonRefSchema,
} from './certificate'
import { lookupContract } from './common'

export const GonganCitizenSchema = z.object({
  idNumber: IdNumberSchema,
  name: ChineseNameSchema,
  gender: GenderSchema,
  birthDate: isoDate('出生日期'),
  ethnicity: z.string().min(1).describe('民族'),
  address: z.string().min(1).describe('户籍地址'),
  phone: PhoneSchema.describe('登记的手机号码'),
})
export type GonganCitizen = z.infer<typeof GonganCitizenSchema>

export const IdCardSchema = certificateBase('id_card').extend({
  ethnicity: z.string().min(1).describe('民族'),
  birthDate: isoDate('出生日期'),
  address: z.string().min(1).describe('住址'),
  validityYears: z.number().int().positive().nullable().describe('有效期限（年）：5、10、20；null 为长期'),
})

export const RelationToHeadSchema = z
  .enum(['户主', '配偶', '子', '女', '父亲', '母亲', '兄', '弟', '姐', '妹'])
  .describe('与户主关系')

export const HouseholdMemberSchema = PersonRefSchema.extend({ relationToHead: RelationToHeadSchema }).describe(
  '户内成员',
)

export const HouseholdRegisterSchema = certificateBase('household_register').extend({
  householdNumber: z
    .string()
    .regex(/^\d{9}$/)
    .describe('户号（9 位）'),
  householdType: z.literal('家庭户').describe('户别'),
  address: z.string().min(1).describe('户籍地址（户主住址）'),
  relationToHead: RelationToHeadSchema.describe('持证人与户主关系'),
  head: PersonRefSchema.describe('户主'),
  members: z.array(HouseholdMemberSchema).min(1).describe('全部户内成员（含持证人），按户主在前'),
})

export const ResidencePermitSchema = certificateBase('residence_permit').extend({
  residenceAddress: z.string().min(1).describe('居住地址（与户籍地不同的城市）'),
  registeredAddress: z.string().min(1).describe('户籍地址'),
})

export const GonganCertificateSchema = certificateUnion(
  [IdCardSchema, HouseholdRegisterSchema, ResidencePermitSchema],
  '公安签发的证照',
)
export type GonganCertificate = z.infer<typeof GonganCertificateSchema>

/**
 * A minor's parents or guardians registered in the same household (户口簿), as 公安 holds it. Empty for an adult
 * (by 公安's reference date) or a minor whose household names none.
 */
export const GuardiansSchema = z.object({
  guardians: z
    .array(
      z.object({
        idNumber: IdNumberSchema,
        relation: z.enum(['父亲', '母亲', '监护人']).describe('与该未成年人的关系'),
      }),
    )
    .describe('同户的父母或监护人'),
})
export type Guardians = z.infer<typeof GuardiansSchema>

export const gonganContracts = defineContracts({
  lookupCitizen: lookupContract('按身份证号码查询公民身份信息', 'identity', '/v1/citizens/lookup', GonganCitizenSchema),
  guardians: lookupContract(
    '按身份证号码查询未成年人同户的父母或监护人',
    'identity',
    '/v1/guardians/lookup',
    GuardiansSchema,
  ),
  certificates: certificatesContract('identity', GonganCertificateSchema),
})

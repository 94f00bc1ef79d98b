// 公安 (public security) department contract: identity lookup by ID number.
import { defineContracts } from '../contract'
import { IdNumberSchema } from '../domain/id-number'
import { ChineseNameSchema } from '../domain/name'
import { PhoneSchema } from '../domain/phone'
import { ErrorEnvelopeSchema } from '../errors'
import { z } from '../z'

export const GenderSchema = z.enum(['male', 'female']).describe('性别')

export const GonganCitizenSchema = z.object({
  idNumber: IdNumberSchema,
  name: ChineseNameSchema,
  gender: GenderSchema,
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('出生日期 YYYY-MM-DD'),
  ethnicity: z.string().min(1).describe('民族'),
  address: z.string().min(1).describe('户籍地址'),
  phone: PhoneSchema.describe('登记的手机号码'),
})
export type GonganCitizen = z.infer<typeof GonganCitizenSchema>

/** Lookups go in the body, never the URL, so ID numbers stay out of access logs and proxies. */
export const CitizenLookupSchema = z.object({ idNumber: IdNumberSchema }).strict()

export const gonganContracts = defineContracts({
  lookupCitizen: {
    method: 'POST',
    path: '/v1/citizens/lookup',
    summary: '按身份证号码查询公民身份信息',
    tag: 'identity',
    body: CitizenLookupSchema,
    responses: { 200: GonganCitizenSchema, 400: ErrorEnvelopeSchema, 404: ErrorEnvelopeSchema },
  },
})

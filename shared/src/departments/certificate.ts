// What every certificate a department issues has in common (the wallet reads these), and the field helpers the
// department contracts share: dates, amounts, the holder.
import { IdNumberSchema } from '../domain/id-number'
import { ChineseNameSchema } from '../domain/name'
import { z } from '../z'
import { lookupContract } from './common'

/** A calendar date, YYYY-MM-DD. */
export const isoDate = (what: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .describe(`${what}（YYYY-MM-DD）`)
/** A date and time, ISO 8601 with the +08:00 offset. */
export const isoDateTime = (what: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/)
    .describe(`${what}（ISO 8601，北京时间）`)
/** A month, YYYY-MM. */
export const isoMonth = (what: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .describe(`${what}（YYYY-MM）`)
/** An amount of money in 元, to the fen. */
export const yuan = (what: string) => z.number().nonnegative().describe(`${what}（元，精确到分）`)

export const GenderSchema = z.enum(['male', 'female']).describe('性别')

export const PersonRefSchema = z
  .object({ name: ChineseNameSchema, idNumber: IdNumberSchema, gender: GenderSchema })
  .describe('另一位公民：姓名、身份证号码、性别')
export type PersonRef = z.infer<typeof PersonRefSchema>

export const CERTIFICATE_TYPES = {
  id_card: '居民身份证',
  household_register: '居民户口簿',
  residence_permit: '居住证',
  social_security_card: '社会保障卡',
  housing_fund_certificate: '住房公积金缴存证明',
  driving_licence: '机动车驾驶证',
  vehicle_licence: '机动车行驶证',
  passport: '普通护照',
  hk_macau_permit: '往来港澳通行证',
  marriage_certificate: '结婚证',
  business_licence: '营业执照',
} as const
export type CertificateType = keyof typeof CERTIFICATE_TYPES

export const CertificateStatusSchema = z
  .enum(['valid', 'expired', 'suspended', 'revoked'])
  .describe('证照状态：valid 有效、expired 过期（以基准日判断）、suspended 暂扣/挂失、revoked 注销/吊销')
export type CertificateStatus = z.infer<typeof CertificateStatusSchema>

/** The fields every certificate has, for one certificate type. */
export function certificateBase<const T extends CertificateType>(type: T) {
  return z.object({
    type: z.literal(type).describe(`证照类型：${CERTIFICATE_TYPES[type]}`),
    title: z.literal(CERTIFICATE_TYPES[type]).describe('证照名称'),
    certificateNumber: z.string().min(1).describe('证照编号'),
    status: CertificateStatusSchema,
    issueDate: isoDate('签发日期'),
    expiryDate: isoDate('有效期至').nullable().describe('有效期至（YYYY-MM-DD）；null 为长期有效'),
    issuingAuthority: z.string().min(1).describe('签发机关'),
    holder: PersonRefSchema.describe('持证人'),
  })
}

/** Every certificate a department issues, told apart by `type` (one schema per certificate type). */
export function certificateUnion<T extends readonly [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]]>(
  types: T,
  description: string,
) {
  return z.discriminatedUnion('type', types).describe(description)
}

/** The reply of a department's certificate lookup: what it issued to the citizen, as of its reference date. */
export function certificatesContract<const S extends z.ZodType>(tag: string, certificate: S) {
  return lookupContract(
    '按身份证号码查询本部门签发给该公民的证照',
    tag,
    '/v1/certificates/lookup',
    z.object({
      asOf: isoDate('状态判断的基准日'),
      certificates: z.array(certificate).describe('本部门签发给该公民的证照（无则为空）'),
    }),
  )
}

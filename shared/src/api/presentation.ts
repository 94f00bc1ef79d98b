// BFF contracts: presenting a certificate (亮证) and verifying it (核验).
// Model (ISO 18013-5 mDL; SD-JWT key binding): the BFF signs a short-lived credential for one disclosure profile,
// bound to a key that lives on the citizen's device; the device signs each rotating QR (≤ 60 s) itself, offline.
// QR text: `<credential JWS>~<device JWS>` — both compact JWS, ES256. Verifiers check the credential against the
// JWKS, the device signature against the key in the credential, the time, and (online) revocation and replay.
import { defineContracts } from '../contract'
import { ErrorEnvelopeSchema } from '../errors'
import { z } from '../z'
import { BearerHeadersSchema } from './auth'
import { CardIdParamsSchema } from './wallet'
import { presentationExamples } from './examples/presentation'

export const DISCLOSURE_PROFILES = {
  traffic_police: ['driving_licence'],
  hotel: ['id_card'],
  age_check: ['id_card', 'driving_licence', 'passport'],
} as const
export type DisclosureProfile = keyof typeof DISCLOSURE_PROFILES
const PROFILES = Object.keys(DISCLOSURE_PROFILES) as [DisclosureProfile, ...DisclosureProfile[]]

export const DeviceKeySchema = z
  .object({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}$/)
      .describe('公钥 x（base64url）'),
    y: z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}$/)
      .describe('公钥 y（base64url）'),
  })
  .strip()
  .describe('设备密钥的公钥（JWK）：私钥只在设备上')

/** What a profile discloses: traffic police see name, class, validity and points; a hotel name and the ID's last
 * four; an age check only whether the holder is 18 or over. (Photos: the synthetic registers hold none yet.) */
export const DisclosedSchema = z
  .object({
    name: z.string().optional().describe('姓名'),
    licenceClass: z.string().optional().describe('准驾车型'),
    validFrom: z.string().optional().describe('有效期起'),
    validUntil: z.string().nullable().optional().describe('有效期至'),
    pointsRemaining: z.number().int().optional().describe('剩余记分'),
    idNumberLast4: z
      .string()
      .regex(/^[\dX]{4}$/)
      .optional()
      .describe('身份证号码后四位'),
    over18: z.boolean().optional().describe('是否年满 18 周岁'),
  })
  .strict()
export type Disclosed = z.infer<typeof DisclosedSchema>

export const CredentialIssuedSchema = z.object({
  credential: z.string().describe('平台签发的凭证（compact JWS），设备据此离线生成亮证码'),
  credentialId: z.string().describe('凭证编号'),
  profile: z.enum(PROFILES).describe('出示方式'),
  disclosed: DisclosedSchema.describe('本凭证会向核验方展示的字段'),
  expiresAt: z.string().datetime().describe('凭证到期时间；到期前需重新签发'),
})

export const VerificationSchema = z.object({
  valid: z.literal(true).describe('核验通过'),
  type: z.string().describe('证照类型'),
  title: z.string().describe('证照名称'),
  profile: z.enum(PROFILES).describe('出示方式'),
  disclosed: DisclosedSchema.describe('出示的字段（仅限该出示方式）'),
  presentedAt: z.string().datetime().describe('亮证码生成时间'),
  checks: z.array(z.enum(['signature', 'device', 'freshness', 'status', 'replay'])).describe('已完成的检查'),
})

export const PresentationLogEntrySchema = z.object({
  profile: z.enum(PROFILES).describe('出示方式'),
  verifiedAt: z.string().datetime().describe('核验时间'),
  outcome: z.enum(['accepted', 'replayed', 'not_valid']).describe('核验结果'),
})

export const presentationContracts = defineContracts({
  issue: {
    method: 'POST',
    path: '/v1/wallet/:id/credentials',
    summary: '为亮证签发凭证：需 5 分钟内刷脸验证；凭证绑定设备密钥与出示方式',
    tag: 'presentation',
    examples: presentationExamples.issue,
    errors: [
      'REAL_NAME_REQUIRED',
      'STEP_UP_REQUIRED',
      'NOT_FOUND',
      'CERTIFICATE_NOT_VALID',
      'PROFILE_NOT_APPLICABLE',
      'UPSTREAM_UNAVAILABLE',
    ],
    headers: BearerHeadersSchema,
    params: CardIdParamsSchema,
    body: z.object({ profile: z.enum(PROFILES).describe('出示方式'), deviceKey: DeviceKeySchema }).strict(),
    responses: {
      201: CredentialIssuedSchema,
      400: ErrorEnvelopeSchema,
      401: ErrorEnvelopeSchema,
      403: ErrorEnvelopeSchema,
      404: ErrorEnvelopeSchema,
      422: ErrorEnvelopeSchema,
      503: ErrorEnvelopeSchema,
    },
  },
  verify: {
    method: 'POST',
    path: '/v1/verify',
    summary: '在线核验亮证码：验签、设备签名、时效（≤ 60 秒）、证照当前状态与重放',
    tag: 'presentation',
    examples: presentationExamples.verify,
    errors: ['PRESENTATION_INVALID', 'PRESENTATION_EXPIRED', 'PRESENTATION_REPLAYED', 'CERTIFICATE_NOT_VALID'],
    body: z.object({ presentation: z.string().min(1).max(2000).describe('扫码得到的文本') }).strict(),
    responses: {
      200: VerificationSchema,
      400: ErrorEnvelopeSchema,
      409: ErrorEnvelopeSchema,
      422: ErrorEnvelopeSchema,
      429: ErrorEnvelopeSchema,
    },
  },
  log: {
    method: 'GET',
    path: '/v1/wallet/:id/presentations',
    summary: '亮证记录：我的这张证照被核验的记录',
    tag: 'presentation',
    examples: presentationExamples.log,
    errors: ['NOT_FOUND'],
    headers: BearerHeadersSchema,
    params: CardIdParamsSchema,
    responses: {
      200: z.object({ entries: z.array(PresentationLogEntrySchema) }),
      401: ErrorEnvelopeSchema,
      404: ErrorEnvelopeSchema,
    },
  },
})

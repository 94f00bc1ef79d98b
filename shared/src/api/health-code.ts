// BFF contracts: 粤康码 — health and trip declarations, the colour code and its reasons, venue codes and check-ins,
// family members (代亲友), appeals, the 粤澳 transfer payload and entrance verification.
// Display model (as the wallet's 亮证, ISO 18013-5 style): the BFF signs a status credential only when the status
// or the device key changes; the phone signs the rotating QR (≤ 60 s) itself with the key bound into it.
// QR text: `<status credential JWS>~<device JWS>`. A verifier learns the colour and the time, nothing else.
import { UPSTREAM_ERRORS, defineContracts } from '../contract'
import { DivisionCodeSchema, VenueAreaCodeSchema } from '../domain/divisions'
import { TestResultNoticeSchema } from '../departments/weijian'
import { IdNumberSchema } from '../domain/id-number'
import { ChineseNameSchema, MaskedNameSchema } from '../domain/name'
import { UsccSchema } from '../domain/uscc'
import { ErrorEnvelopeSchema } from '../errors'
import { z } from '../z'
import { BearerHeadersSchema } from './auth'
import { FaceChallengeSchema, FaceSampleSchema } from './face'
import { DeviceKeySchema } from './presentation'
import { healthCodeExamples } from './examples/health-code'

export const HEALTH_COLOURS = ['green', 'yellow', 'red'] as const
export const HealthColourSchema = z.enum(HEALTH_COLOURS).describe('健康码颜色：green 绿、yellow 黄、red 红')
export type HealthColour = z.infer<typeof HealthColourSchema>

export const SYMPTOMS = ['fever', 'cough', 'fatigue', 'sore_throat', 'loss_of_smell'] as const
export const FAMILY_RELATIONS = ['parent', 'grandparent', 'child', 'spouse', 'sibling', 'other'] as const
/** The consent statement a family member (or their guardian) agrees to; its version is recorded with the consent. */
export const FAMILY_CONSENT_VERSION = '2026-11-v1'
/**
 * How the member's consent is given: `member` — an adult confirms from their own account (the request waits until
 * they accept); `face` — an adult without a phone passes 公安's face check on the adder's phone; `household` — a minor
 * whose 户口簿 at 公安 shows the adder as parent or guardian in the same household.
 */
export const FAMILY_CONSENT_METHODS = ['member', 'face', 'household'] as const

const isoDate = (what: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .describe(`${what}（YYYY-MM-DD）`)
const HolderParamsSchema = z
  .object({
    holder: z
      .string()
      .regex(/^(self|[A-Za-z0-9_-]{16,64})$/)
      .describe('持码人：self 本人，或亲友编号'),
  })
  .strict()

export const HealthReasonSchema = z.object({
  rule: z.string().describe('命中的规则编号，如 yellow.risk_venue'),
  colour: HealthColourSchema,
  message: z.string().describe('给用户看的原因'),
  since: z.string().datetime().nullable().describe('原因起算时间（如检测采样、场所签到时间）'),
  until: z.string().datetime().nullable().describe('若无新情况，该原因何时失效'),
})
export type HealthReason = z.infer<typeof HealthReasonSchema>

export const HealthStatusSchema = z.object({
  holder: HolderParamsSchema.shape.holder,
  maskedName: MaskedNameSchema,
  colour: HealthColourSchema,
  reasons: z.array(HealthReasonSchema).describe('颜色的原因：本颜色命中的全部规则；绿码时为空'),
  negativeTestWithinHours: z
    .union([z.literal(24), z.literal(48), z.literal(72)])
    .nullable()
    .describe('最近一次阴性核酸在多少小时内（24/48/72），超过 72 小时为 null'),
  ruleVersion: z.string().describe('判定所用规则集的版本'),
  evaluatedAt: z.string().datetime().describe('判定时间'),
  validUntil: z.string().datetime().describe('无新情况时，本次判定的有效期'),
})
export type HealthStatus = z.infer<typeof HealthStatusSchema>

export const HealthCodeSchema = HealthStatusSchema.extend({
  credential: z.string().describe('平台签发的状态凭证（compact JWS，ES256），设备据此每次生成新的二维码'),
  credentialExpiresAt: z.string().datetime().describe('状态凭证到期时间；到期或颜色变化后重新获取'),
})

export const HealthDeclarationSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('health').describe('健康申报'),
      temperature: z.number().min(34).max(43).multipleOf(0.1).describe('体温（℃，一位小数）'),
      symptoms: z
        .array(z.enum(SYMPTOMS))
        .max(SYMPTOMS.length)
        .refine((s) => new Set(s).size === s.length, { message: '症状不能重复' })
        .describe('近 14 天的症状'),
      closeContact: z.boolean().describe('近 14 天是否与确诊或疑似病例有密切接触'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('trip').describe('行程申报'),
      destination: DivisionCodeSchema.describe('到访地区的行政区划代码（GB/T 2260）：广东省内的地市或区县，省外按省级'),
      departedOn: isoDate('出发日期'),
      returnedOn: isoDate('返回日期'),
    })
    .strict()
    .refine((t) => t.returnedOn >= t.departedOn, { message: '返回日期不能早于出发日期', path: ['returnedOn'] }),
])
export type HealthDeclaration = z.infer<typeof HealthDeclarationSchema>

export const DeclarationAcceptedSchema = z.object({
  declarationId: z.string().describe('申报编号'),
  declaredAt: z.string().datetime().describe('申报时间'),
  status: HealthStatusSchema.describe('申报后的健康码状态'),
})

/** What a citizen sees of a venue before checking in there: its name and where it is. */
export const VenuePreviewSchema = z.object({
  name: z.string().describe('场所名称'),
  areaCode: VenueAreaCodeSchema.describe('所在区县的行政区划代码（GB/T 2260）'),
  area: z.string().describe('所在区县（如 广州市荔湾区）'),
})

export const VenueSchema = VenuePreviewSchema.extend({
  venueId: z.string().describe('场所编号'),
  address: z.string().describe('地址'),
  code: z.string().describe('场所码内容（带签名），印成二维码张贴在入口'),
  createdAt: z.string().datetime(),
})

export const CheckInSchema = z.object({
  checkInId: z.string().describe('签到编号'),
  venueName: z.string().describe('场所名称'),
  areaCode: VenueAreaCodeSchema.describe('所在区县的行政区划代码'),
  area: z.string().describe('所在区县'),
  at: z.string().datetime().describe('签到时间'),
})

export const FamilyConsentMethodSchema = z
  .enum(FAMILY_CONSENT_METHODS)
  .describe(
    '授权方式：member 亲友在本人账号确认，face 亲友在添加人手机上刷脸，household 户口簿上的监护关系（未成年人）',
  )

export const FamilyMemberSchema = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/)
    .describe('亲友编号（只对添加人有效）'),
  maskedName: MaskedNameSchema,
  relation: z.enum(FAMILY_RELATIONS).describe('与本人关系'),
  status: z
    .enum(['pending', 'active'])
    .describe('pending 等待亲友在其本人账号确认（此时看不到其健康码），active 已授权'),
  consentVersion: z.string().describe('所同意的授权声明版本'),
  consentMethod: FamilyConsentMethodSchema,
  addedAt: z.string().datetime().describe('添加（提出请求）时间'),
})

/** A request naming the signed-in citizen as someone's family member, as the member sees it. */
export const FamilyRequestSchema = z.object({
  id: FamilyMemberSchema.shape.id,
  askedBy: MaskedNameSchema.describe('添加人（已脱敏）'),
  relation: z.enum(FAMILY_RELATIONS).describe('添加人所填的关系（您是其…）'),
  status: FamilyMemberSchema.shape.status,
  consentMethod: FamilyConsentMethodSchema,
  consentVersion: z.string().describe('授权声明版本'),
  requestedAt: z.string().datetime().describe('请求时间'),
})

export const AppealSchema = z.object({
  appealId: z.string().describe('申诉编号（卫健受理号）'),
  rule: z.string().describe('申诉针对的规则'),
  status: z.enum(['pending', 'upheld', 'rejected']).describe('pending 审核中、upheld 已纠正、rejected 维持原判'),
  filedAt: z.string().datetime(),
  decidedAt: z.string().datetime().nullable(),
  note: z.string().nullable().describe('审核意见'),
})

export const AppealTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('check_in'), id: z.string().min(1).max(64).describe('签到编号') }).strict(),
  z.object({ kind: z.literal('declaration'), id: z.string().min(1).max(64).describe('申报编号') }).strict(),
  z
    .object({ kind: z.literal('test_result') })
    .strict()
    .describe('对卫健的检测结果有异议'),
])

export const TransferSchema = z.object({
  payload: z
    .string()
    .describe('转码数据（compact JWS，ES256，typ = ysx-hc-transfer），格式见 docs/health-code-transfer.md'),
  format: z.literal('ysx-hc-transfer+jws'),
  colour: HealthColourSchema,
  negativeTestDate: isoDate('最近一次阴性核酸采样日期').nullable(),
  expiresAt: z.string().datetime(),
})

export const HealthVerificationSchema = z.object({
  colour: HealthColourSchema,
  presentedAt: z.string().datetime().describe('二维码生成时间（设备签名时间）'),
  checks: z.array(z.enum(['signature', 'device', 'freshness', 'current', 'replay'])).describe('已完成的检查'),
})

const authed = { headers: BearerHeadersSchema }
const E = ErrorEnvelopeSchema

/** The conditional display's query: the device's public key (not secret), whose credential the reply binds. */
const DisplayQuerySchema = z
  .object({ x: DeviceKeySchema.shape.x, y: DeviceKeySchema.shape.y })
  .strict()
  .describe('设备公钥（P-256，JWK 的 x、y）')

export const healthCodeContracts = defineContracts({
  code: {
    method: 'GET',
    path: '/v1/health-codes/:holder/code',
    tag: 'health-code',
    examples: healthCodeExamples.code,
    errors: ['REAL_NAME_REQUIRED', 'NOT_FOUND', ...UPSTREAM_ERRORS],
    summary:
      '亮码（条件请求）：If-None-Match 带上设备持有的状态凭证编号；凭证仍有效时答 304（无正文），否则答颜色、原因和新凭证，ETag 为凭证编号',
    headers: BearerHeadersSchema.extend({
      'if-none-match': z
        .string()
        .max(512)
        .optional()
        .describe('设备持有的状态凭证编号，带引号（如 "r7eEYhcWsBFZrffCCcA2Bg"），即上次回复的 ETag'),
    }),
    params: HolderParamsSchema,
    query: DisplayQuerySchema,
    etag: '状态凭证编号（带引号）：下次请求放在 If-None-Match 中',
    responses: {
      200: HealthCodeSchema.describe('颜色、原因和绑定本设备的状态凭证；ETag 头为凭证编号（带引号）'),
      304: z.null().describe('未变化：If-None-Match 所指的凭证仍是本设备的当前凭证（状态未变、未过期），无正文'),
      400: E,
      401: E,
      403: E,
      404: E,
      502: E,
      503: E,
      504: E,
    },
  },
  show: {
    method: 'POST',
    path: '/v1/health-codes/:holder/show',
    tag: 'health-code',
    examples: healthCodeExamples.show,
    errors: ['REAL_NAME_REQUIRED', 'NOT_FOUND', ...UPSTREAM_ERRORS],
    summary:
      '展示健康码：颜色、原因、脱敏姓名和状态凭证（设备密钥绑定，颜色变化时才重新签发）；新客户端用 GET …/code 的条件请求',
    ...authed,
    params: HolderParamsSchema,
    body: z.object({ deviceKey: DeviceKeySchema }).strict(),
    responses: { 200: HealthCodeSchema, 400: E, 401: E, 403: E, 404: E, 502: E, 503: E, 504: E },
  },
  declare: {
    method: 'POST',
    path: '/v1/health-codes/:holder/declarations',
    tag: 'health-code',
    examples: healthCodeExamples.declare,
    errors: ['REAL_NAME_REQUIRED', 'NOT_FOUND', 'DECLARATION_DATES_INVALID', ...UPSTREAM_ERRORS],
    summary: '健康申报或行程申报；申报后立即重新判定颜色',
    ...authed,
    params: HolderParamsSchema,
    body: HealthDeclarationSchema,
    responses: { 201: DeclarationAcceptedSchema, 400: E, 401: E, 403: E, 404: E, 422: E, 502: E, 503: E, 504: E },
  },
  checkIn: {
    method: 'POST',
    path: '/v1/health-codes/:holder/check-ins',
    tag: 'health-code',
    examples: healthCodeExamples.checkIn,
    errors: ['REAL_NAME_REQUIRED', 'NOT_FOUND', 'VENUE_CODE_INVALID', ...UPSTREAM_ERRORS],
    summary: '扫场所码签到；签到记录参与颜色判定',
    ...authed,
    params: HolderParamsSchema,
    body: z.object({ venueCode: z.string().min(1).max(300).describe('场所码内容') }).strict(),
    responses: {
      201: z.object({ checkIn: CheckInSchema, status: HealthStatusSchema }),
      400: E,
      401: E,
      403: E,
      404: E,
      422: E,
      502: E,
      503: E,
      504: E,
    },
  },
  checkIns: {
    method: 'GET',
    path: '/v1/health-codes/:holder/check-ins',
    tag: 'health-code',
    examples: healthCodeExamples.checkIns,
    errors: ['REAL_NAME_REQUIRED', 'NOT_FOUND'],
    summary: '近 14 天的场所签到记录',
    ...authed,
    params: HolderParamsSchema,
    responses: { 200: z.object({ checkIns: z.array(CheckInSchema) }), 401: E, 403: E, 404: E },
  },
  appeal: {
    method: 'POST',
    path: '/v1/health-codes/:holder/appeals',
    tag: 'health-code',
    examples: healthCodeExamples.appeal,
    errors: ['REAL_NAME_REQUIRED', 'NOT_FOUND', ...UPSTREAM_ERRORS],
    summary: '申诉/纠错：向卫健提交，由审核人员处理；纠正后颜色重新判定',
    ...authed,
    params: HolderParamsSchema,
    body: z
      .object({
        rule: z
          .string()
          .regex(/^[a-z]+\.[a-z_]+$/)
          .describe('申诉针对的规则'),
        target: AppealTargetSchema,
        statement: z.string().trim().min(5).max(500).describe('情况说明'),
      })
      .strict(),
    responses: { 201: AppealSchema, 400: E, 401: E, 403: E, 404: E, 502: E, 503: E, 504: E },
  },
  appeals: {
    method: 'GET',
    path: '/v1/health-codes/:holder/appeals',
    tag: 'health-code',
    examples: healthCodeExamples.appeals,
    errors: ['REAL_NAME_REQUIRED', 'NOT_FOUND', ...UPSTREAM_ERRORS],
    summary: '我的申诉及处理结果',
    ...authed,
    params: HolderParamsSchema,
    responses: { 200: z.object({ appeals: z.array(AppealSchema) }), 401: E, 403: E, 404: E, 502: E, 503: E, 504: E },
  },
  transfer: {
    method: 'POST',
    path: '/v1/health-codes/:holder/transfers',
    tag: 'health-code',
    examples: healthCodeExamples.transfer,
    errors: ['REAL_NAME_REQUIRED', 'STEP_UP_REQUIRED', 'NOT_FOUND', ...UPSTREAM_ERRORS],
    summary: '粤澳转码：签发带最近阴性核酸日期的转码数据，澳门方用平台公钥（JWKS）核验',
    ...authed,
    params: HolderParamsSchema,
    body: z
      .object({
        destination: z.literal('macau').describe('目的地'),
        consent: z.literal(true).describe('同意向澳门方提供姓名与健康状态'),
      })
      .strict(),
    responses: { 201: TransferSchema, 400: E, 401: E, 403: E, 404: E, 502: E, 503: E, 504: E },
  },
  verify: {
    method: 'POST',
    path: '/v1/health-codes/verify',
    tag: 'health-code',
    examples: healthCodeExamples.verify,
    errors: [
      'HEALTH_CODE_INVALID',
      'HEALTH_CODE_EXPIRED',
      'HEALTH_CODE_SUPERSEDED',
      'HEALTH_CODE_REPLAYED',
      ...UPSTREAM_ERRORS,
    ],
    summary:
      '场所入口核验：验签、设备签名、时效（≤ 60 秒）、一码一用（先占用再查询）；状态已过期或卫健通知有新结果时先重新判定，返回持码人当前的颜色与出示时间',
    body: z.object({ code: z.string().min(1).max(2000).describe('扫码得到的文本') }).strict(),
    // 502–504: a stale or lapsed status is evaluated again with 卫健 before the answer, and 卫健 failed.
    responses: { 200: HealthVerificationSchema, 400: E, 409: E, 422: E, 429: E, 502: E, 503: E, 504: E },
  },
  testResultNotice: {
    method: 'POST',
    path: '/v1/callbacks/weijian/test-results',
    tag: 'health-code',
    examples: healthCodeExamples.testResultNotice,
    auth: 'department',
    errors: ['CALLBACK_REFUSED', 'CALLBACK_REPLAYED'],
    summary:
      '卫健回调：新的核酸检测结果（HTTP 消息签名 RFC 9421，ecdsa-p256-sha256，签名须覆盖 @method、@path、content-type、content-digest，created 在 60 秒内，nonce 一次有效）；平台按结果编号去重，并立即将该人的健康码标记为待重新判定',
    headers: z
      .object({
        'signature-input': z.string().max(1000).optional().describe('RFC 9421 Signature-Input'),
        signature: z.string().max(1000).optional().describe('RFC 9421 Signature'),
        'content-digest': z.string().max(200).optional().describe('RFC 9530 Content-Digest（sha-256）'),
      })
      .passthrough(),
    body: TestResultNoticeSchema,
    responses: {
      200: z.object({ status: z.enum(['applied', 'duplicate']).describe('applied 已处理；duplicate 此前已处理过') }),
      400: E,
      401: E,
      409: E,
      429: E,
    },
  },
  registerVenue: {
    method: 'POST',
    path: '/v1/venues',
    tag: 'health-code',
    examples: healthCodeExamples.registerVenue,
    errors: [
      'REAL_NAME_REQUIRED',
      'VENUE_NOT_REPRESENTATIVE',
      'VENUE_LIMIT_REACHED',
      'VENUE_LICENCE_NOT_VALID',
      ...UPSTREAM_ERRORS,
    ],
    summary: '为场所申领场所码：须为市场监管部门登记的该主体法定代表人（经营者），所在区县按行政区划代码选择',
    ...authed,
    body: z
      .object({
        creditCode: UsccSchema.describe('经营主体营业执照的统一社会信用代码'),
        name: z.string().trim().min(2).max(60).describe('场所名称'),
        areaCode: VenueAreaCodeSchema,
        address: z.string().trim().min(4).max(120).describe('详细地址（街道、门牌）'),
      })
      .strict(),
    responses: { 201: VenueSchema, 400: E, 401: E, 403: E, 409: E, 422: E, 502: E, 503: E, 504: E },
  },
  previewVenue: {
    method: 'POST',
    path: '/v1/venues/preview',
    tag: 'health-code',
    examples: healthCodeExamples.previewVenue,
    errors: ['VENUE_CODE_INVALID'],
    summary: '扫码后、签到前：场所名称与所在区县，供本人确认（不签到）',
    ...authed,
    body: z.object({ venueCode: z.string().min(1).max(300).describe('场所码内容或其链接') }).strict(),
    responses: { 200: VenuePreviewSchema, 400: E, 401: E, 422: E },
  },
  venues: {
    method: 'GET',
    path: '/v1/venues',
    tag: 'health-code',
    examples: healthCodeExamples.venues,
    errors: ['REAL_NAME_REQUIRED'],
    summary: '我申领的场所码',
    ...authed,
    responses: { 200: z.object({ venues: z.array(VenueSchema) }), 401: E, 403: E },
  },
  family: {
    method: 'GET',
    path: '/v1/family',
    tag: 'health-code',
    examples: healthCodeExamples.family,
    errors: ['REAL_NAME_REQUIRED'],
    summary: '我添加的亲友（代亲友亮码）',
    ...authed,
    responses: { 200: z.object({ members: z.array(FamilyMemberSchema) }), 401: E, 403: E },
  },
  addFamily: {
    method: 'POST',
    path: '/v1/family',
    tag: 'health-code',
    examples: healthCodeExamples.addFamily,
    errors: [
      'REAL_NAME_REQUIRED',
      'STEP_UP_REQUIRED',
      'FAMILY_MEMBER_EXISTS',
      'FAMILY_LIMIT_REACHED',
      'FAMILY_MEMBER_NOT_CONFIRMED',
      'FAMILY_ATTEMPTS_EXCEEDED',
      ...UPSTREAM_ERRORS,
    ],
    summary:
      '添加亲友（需刚完成刷脸验证）：成年人在其本人账号确认，或在本机刷脸；未成年人以公安户口簿上的监护关系为准。' +
      '任何一种未能确认都得到同一答复，且计入每日失败次数',
    ...authed,
    body: z
      .object({
        name: ChineseNameSchema,
        idNumber: IdNumberSchema,
        relation: z.enum(FAMILY_RELATIONS),
        consent: z
          .object({
            accepted: z.literal(true),
            method: FamilyConsentMethodSchema,
            version: z.literal(FAMILY_CONSENT_VERSION),
          })
          .strict(),
        face: z
          .object({
            verifyId: FaceChallengeSchema.shape.verifyId,
            sample: FaceSampleSchema,
          })
          .strict()
          .optional()
          .describe('亲友本人在本机的刷脸样本（仅 consent.method = face 时，且必填）'),
      })
      .strict()
      .refine((b) => (b.consent.method === 'face') === (b.face !== undefined), {
        path: ['face'],
        message: '刷脸授权须附刷脸样本，其他方式不得附带',
      }),
    bodyLimit: 600_000,
    responses: { 201: FamilyMemberSchema, 400: E, 401: E, 403: E, 409: E, 422: E, 429: E, 502: E, 503: E, 504: E },
  },
  familyFaceChallenge: {
    method: 'POST',
    path: '/v1/family/face-challenges',
    tag: 'health-code',
    examples: healthCodeExamples.familyFaceChallenge,
    errors: ['REAL_NAME_REQUIRED', 'FAMILY_ATTEMPTS_EXCEEDED'],
    summary: '亲友在本机刷脸前：请亲友朗读的数字（一次性，2 分钟内有效）',
    ...authed,
    responses: { 201: FaceChallengeSchema, 401: E, 403: E, 429: E },
  },
  familyRequests: {
    method: 'GET',
    path: '/v1/family/requests',
    tag: 'health-code',
    examples: healthCodeExamples.familyRequests,
    errors: ['REAL_NAME_REQUIRED'],
    summary: '谁请求（或已获准）代我亮码：待确认与已授权的请求',
    ...authed,
    responses: { 200: z.object({ requests: z.array(FamilyRequestSchema) }), 401: E, 403: E },
  },
  acceptFamily: {
    method: 'POST',
    path: '/v1/family/requests/:holder/accept',
    tag: 'health-code',
    examples: healthCodeExamples.acceptFamily,
    errors: ['REAL_NAME_REQUIRED', 'NOT_FOUND'],
    summary: '同意他人代我亮码（我本人确认授权）',
    ...authed,
    params: HolderParamsSchema,
    responses: { 200: FamilyRequestSchema, 401: E, 403: E, 404: E },
  },
  withdrawFamily: {
    method: 'DELETE',
    path: '/v1/family/requests/:holder',
    tag: 'health-code',
    examples: healthCodeExamples.withdrawFamily,
    errors: ['REAL_NAME_REQUIRED', 'NOT_FOUND'],
    summary: '拒绝请求或撤回授权：对方不再能看到或出示我的健康码',
    ...authed,
    params: HolderParamsSchema,
    responses: { 204: z.null(), 401: E, 403: E, 404: E },
  },
  removeFamily: {
    method: 'DELETE',
    path: '/v1/family/:holder',
    tag: 'health-code',
    examples: healthCodeExamples.removeFamily,
    errors: ['REAL_NAME_REQUIRED', 'NOT_FOUND'],
    summary: '移除亲友（同时撤回其授权）',
    ...authed,
    params: HolderParamsSchema,
    responses: { 204: z.null(), 401: E, 403: E, 404: E },
  },
})

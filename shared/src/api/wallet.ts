// BFF contracts: the certificate wallet (卡包) — the citizen's certificates from every issuing department, masked by
// default; the full numbers only after a recent face verification, audited.
import { UPSTREAM_ERRORS, defineContracts } from '../contract'
import { CERTIFICATE_TYPES, CertificateStatusSchema } from '../departments/certificate'
import { ErrorEnvelopeSchema } from '../errors'
import { z } from '../z'
import { BearerHeadersSchema } from './auth'
import { walletExamples } from './examples/wallet'

const TYPES = Object.keys(CERTIFICATE_TYPES) as [keyof typeof CERTIFICATE_TYPES, ...(keyof typeof CERTIFICATE_TYPES)[]]

export const WalletCardSchema = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/)
    .describe('卡片编号（只对本人有效）'),
  type: z.enum(TYPES).describe('证照类型'),
  title: z.string().describe('证照名称'),
  department: z.string().describe('签发部门代号'),
  status: CertificateStatusSchema,
  number: z.string().describe('证照编号（脱敏）'),
  holderName: z.string().describe('持证人姓名（脱敏）'),
  issueDate: z.string().describe('签发日期'),
  expiryDate: z.string().nullable().describe('有效期至；null 为长期'),
  issuingAuthority: z.string().describe('签发机关（指明区县或街道的，只到城市：脱敏）'),
})
export type WalletCard = z.infer<typeof WalletCardSchema>

export const WalletFieldSchema = z.object({
  key: z.string().describe('字段路径，如 points.remaining、members.0.name；界面按此取多语言标签'),
  value: z.string().describe('字段值（默认脱敏）'),
})

export const WalletListSchema = z.object({
  cards: z.array(WalletCardSchema).describe('我的证照'),
  unavailableFrom: z.array(z.string()).describe('暂时无法查询的签发部门'),
})

export const WalletCardDetailSchema = WalletCardSchema.extend({
  fields: z.array(WalletFieldSchema).describe('该类证照脱敏视图允许展示的其余字段（MASKED_VIEWS），其余需刷脸后查看'),
})

export const WalletRevealedSchema = z.object({
  number: z.string().describe('完整证照编号'),
  holderName: z.string().describe('持证人完整姓名'),
  issuingAuthority: z.string().describe('完整签发机关'),
  fields: z.array(WalletFieldSchema).describe('未脱敏的字段'),
})

/** A card's id in the path: owner-bound, so another citizen's id is a 404 like a missing one. */
export const CardIdParamsSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,64}$/)
      .describe('卡片编号'),
  })
  .strict()
const authed = { headers: BearerHeadersSchema } as const
/** What reading one card can fail with: signed out, not real-name, no such card, its issuer down or slow. */
const cardErrors = {
  401: ErrorEnvelopeSchema,
  403: ErrorEnvelopeSchema,
  404: ErrorEnvelopeSchema,
  502: ErrorEnvelopeSchema,
  503: ErrorEnvelopeSchema,
  504: ErrorEnvelopeSchema,
} as const

export const walletContracts = defineContracts({
  list: {
    method: 'GET',
    path: '/v1/wallet',
    summary: '我的卡包：各部门签发给我的证照（脱敏）',
    tag: 'wallet',
    examples: walletExamples.list,
    errors: ['REAL_NAME_REQUIRED'],
    ...authed,
    responses: { 200: WalletListSchema, 401: ErrorEnvelopeSchema, 403: ErrorEnvelopeSchema },
  },
  show: {
    method: 'GET',
    path: '/v1/wallet/:id',
    summary: '证照详情（脱敏）；他人或不存在的编号一律 404',
    tag: 'wallet',
    examples: walletExamples.show,
    errors: ['REAL_NAME_REQUIRED', 'NOT_FOUND', ...UPSTREAM_ERRORS],
    ...authed,
    params: CardIdParamsSchema,
    responses: { 200: WalletCardDetailSchema, ...cardErrors },
  },
  reveal: {
    method: 'POST',
    path: '/v1/wallet/:id/reveal',
    summary: '查看完整证照信息：需 5 分钟内刷脸验证，并记入审计',
    tag: 'wallet',
    examples: walletExamples.reveal,
    errors: ['REAL_NAME_REQUIRED', 'STEP_UP_REQUIRED', 'NOT_FOUND', ...UPSTREAM_ERRORS],
    ...authed,
    params: CardIdParamsSchema,
    responses: { 200: WalletRevealedSchema, ...cardErrors },
  },
})

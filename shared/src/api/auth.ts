// BFF contracts: WeChat-style login, token refresh and logout, and the signed-in citizen's profile.
import { UPSTREAM_ERRORS, defineContracts } from '../contract'
import { MaskedIdNumberSchema } from '../domain/id-number'
import { MaskedNameSchema } from '../domain/name'
import { MaskedPhoneSchema } from '../domain/phone'
import { ErrorEnvelopeSchema } from '../errors'
import { z } from '../z'
import { authExamples } from './examples/auth'

export const BearerHeadersSchema = z.object({
  authorization: z.string().describe('Bearer <accessToken>'),
})

export const TokensSchema = z.object({
  accessToken: z.string().describe('访问令牌（JWT，≤ 15 分钟），放在 Authorization: Bearer 头'),
  accessExpiresIn: z.number().int().positive().describe('访问令牌有效秒数'),
  refreshToken: z.string().describe('刷新令牌（不透明字符串，每次使用后轮换）'),
  refreshExpiresIn: z.number().int().positive().describe('刷新令牌闲置有效秒数'),
})
export type Tokens = z.infer<typeof TokensSchema>

export const ProfileSchema = z.object({
  userId: z.string().uuid().describe('用户编号'),
  level: z.enum(['basic', 'real_name']).describe('认证级别：basic 仅微信登录，real_name 已实名（刷脸）'),
  name: MaskedNameSchema.nullable().describe('脱敏姓名；未实名时为 null'),
  idNumber: MaskedIdNumberSchema.nullable().describe('脱敏身份证号码；未实名时为 null'),
  phone: MaskedPhoneSchema.nullable().describe('脱敏手机号码（公安登记）；未实名时为 null'),
  realNameAt: z.string().datetime().nullable().describe('实名认证时间'),
  lastFaceVerifiedAt: z.string().datetime().nullable().describe('最近一次刷脸验证通过的时间'),
})
export type Profile = z.infer<typeof ProfileSchema>

export const LoginBodySchema = z
  .object({ code: z.string().min(1).max(128).describe('微信登录凭证 code（一次性，5 分钟内有效）') })
  .strict()
export const LoginResultSchema = TokensSchema.extend({ profile: ProfileSchema })
export const RefreshBodySchema = z.object({ refreshToken: z.string().min(1).max(256).describe('刷新令牌') }).strict()

export const AuthConfigSchema = z.object({
  appId: z.string().describe('小程序 appid'),
  authorizeUrl: z.string().url().describe('H5 版微信授权页地址（其后附 redirect_uri 与 state）'),
})

export const authContracts = defineContracts({
  config: {
    method: 'GET',
    path: '/v1/auth/config',
    summary: '登录配置：H5 版跳转的微信授权页地址',
    tag: 'auth',
    examples: authExamples.config,
    responses: { 200: AuthConfigSchema },
  },
  login: {
    method: 'POST',
    path: '/v1/auth/login',
    summary: '用微信登录凭证换取令牌；首次登录即注册',
    tag: 'auth',
    examples: authExamples.login,
    errors: ['AUTH_CODE_INVALID', ...UPSTREAM_ERRORS],
    body: LoginBodySchema,
    responses: { 200: LoginResultSchema, 400: ErrorEnvelopeSchema, 401: ErrorEnvelopeSchema, 429: ErrorEnvelopeSchema },
  },
  refresh: {
    method: 'POST',
    path: '/v1/auth/refresh',
    summary: '轮换刷新令牌并签发新的访问令牌；旧令牌被重用时整个会话族作废',
    tag: 'auth',
    examples: authExamples.refresh,
    errors: ['AUTH_REFRESH_INVALID', 'AUTH_REFRESH_REUSED'],
    body: RefreshBodySchema,
    responses: { 200: TokensSchema, 400: ErrorEnvelopeSchema, 401: ErrorEnvelopeSchema },
  },
  logout: {
    method: 'POST',
    path: '/v1/auth/logout',
    summary: '退出登录：本会话的访问令牌与刷新令牌立即失效',
    tag: 'auth',
    examples: authExamples.logout,
    headers: BearerHeadersSchema,
    responses: { 204: z.null().describe('无内容'), 401: ErrorEnvelopeSchema },
  },
  me: {
    method: 'GET',
    path: '/v1/me',
    summary: '当前用户的资料（姓名、身份证号、手机号均脱敏）',
    tag: 'auth',
    examples: authExamples.me,
    headers: BearerHeadersSchema,
    responses: { 200: ProfileSchema, 401: ErrorEnvelopeSchema },
  },
  revealIdNumber: {
    method: 'POST',
    path: '/v1/me/id-number/reveal',
    summary: '查看完整身份证号码：需 5 分钟内刷脸验证，并记入审计',
    tag: 'auth',
    examples: authExamples.revealIdNumber,
    errors: ['REAL_NAME_REQUIRED', 'STEP_UP_REQUIRED'],
    headers: BearerHeadersSchema,
    responses: {
      200: z.object({ idNumber: z.string().describe('完整身份证号码') }),
      401: ErrorEnvelopeSchema,
      403: ErrorEnvelopeSchema,
    },
  },
})

// WeChat login server stand-in contract: the device-side code (what wx.login returns) and code2session.
import { defineContracts } from '../contract'
import { ErrorEnvelopeSchema } from '../errors'
import { z } from '../z'

/** WeChat's own error codes, as its API returns them (HTTP 200 with errcode). */
export const WECHAT_ERRORS = {
  INVALID_CODE: 40029,
  CODE_USED: 40163,
  INVALID_APPID: 40013,
  INVALID_SECRET: 40125,
  MINUTE_QUOTA: 45011,
} as const

export const Code2SessionQuerySchema = z.object({
  appid: z.string().min(1).describe('小程序 appid'),
  secret: z.string().min(1).describe('小程序 appsecret'),
  js_code: z.string().min(1).max(128).describe('wx.login 得到的 code'),
  grant_type: z.literal('authorization_code').describe('固定为 authorization_code'),
})

export const Code2SessionReplySchema = z.union([
  z.object({
    openid: z.string().min(1).describe('用户在本小程序的唯一标识'),
    session_key: z.string().min(1).describe('会话密钥：只留在后端'),
    unionid: z.string().optional().describe('开放平台统一标识'),
  }),
  z.object({ errcode: z.number().int().describe('错误码'), errmsg: z.string().describe('错误信息') }),
])
export type Code2SessionReply = z.infer<typeof Code2SessionReplySchema>

export const DeviceLoginBodySchema = z
  .object({
    appid: z.string().min(1).describe('小程序 appid'),
    account: z.string().min(1).max(64).describe('模拟的微信账号（代表手机上登录的那个微信用户）'),
  })
  .strict()

export const wechatContracts = defineContracts({
  deviceLogin: {
    method: 'POST',
    path: '/sns/device-login',
    summary: '模拟手机上的 wx.login：为某个微信账号签发一次性 code（5 分钟有效）',
    tag: 'wechat',
    body: DeviceLoginBodySchema,
    responses: { 200: z.object({ code: z.string().describe('一次性登录凭证') }), 400: ErrorEnvelopeSchema },
  },
  code2session: {
    method: 'GET',
    path: '/sns/jscode2session',
    summary: 'code 换 openid 与 session_key（每个 code 只能用一次；每用户每分钟 100 次）',
    tag: 'wechat',
    query: Code2SessionQuerySchema,
    responses: { 200: Code2SessionReplySchema, 400: ErrorEnvelopeSchema },
  },
  authorizePage: {
    method: 'GET',
    path: '/connect/oauth2/authorize',
    summary: 'H5 授权页（HTML）：用户同意后带着 code 跳回 redirect_uri',
    tag: 'wechat',
    query: z.object({
      appid: z.string().min(1).describe('小程序 appid'),
      redirect_uri: z.string().url().describe('授权后跳回的地址'),
      state: z.string().max(128).default('').describe('原样带回'),
    }),
    responses: { 200: z.string().describe('HTML 页面'), 400: ErrorEnvelopeSchema },
  },
})

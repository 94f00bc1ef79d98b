// WeChat login adapter: code2session over HTTP; WeChat's errcodes mapped to ours. session_key stays in the BFF.
import { Code2SessionReplySchema, WECHAT_ERRORS, wechatContracts } from '@ysx/shared'
import { AppError } from '../app-error'
import type { Upstream } from './upstream'

export interface WechatSession {
  openid: string
  sessionKey: string
}

export interface WechatClient {
  code2session(code: string): Promise<WechatSession>
}

export function createWechatClient(upstream: Upstream, app: { appId: string; secret: string }): WechatClient {
  return {
    async code2session(code) {
      const reply = await upstream.call(wechatContracts.code2session, {
        query: { appid: app.appId, secret: app.secret, js_code: code, grant_type: 'authorization_code' },
      })
      const body = Code2SessionReplySchema.parse(reply.body)
      if ('openid' in body) return { openid: body.openid, sessionKey: body.session_key }
      if (body.errcode === WECHAT_ERRORS.INVALID_CODE || body.errcode === WECHAT_ERRORS.CODE_USED) {
        throw new AppError('AUTH_CODE_INVALID', `wechat errcode ${body.errcode}`)
      }
      if (body.errcode === WECHAT_ERRORS.MINUTE_QUOTA) throw new AppError('RATE_LIMITED', 'wechat minute quota')
      throw new AppError('UPSTREAM_UNAVAILABLE', `wechat errcode ${body.errcode}: ${body.errmsg}`)
    },
  }
}

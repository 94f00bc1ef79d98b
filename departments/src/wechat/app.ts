// WeChat login server stand-in: one-time codes (5 min, single use), code2session, and WeChat's per-user minute quota.
import { createHmac, randomBytes, randomUUID } from 'node:crypto'
import path from 'node:path'
import type { ZodTypeProvider } from '@fastify/type-provider-zod'
import { fromContract, WECHAT_ERRORS, wechatContracts } from '@ysx/shared'
import { and, eq, isNull } from 'drizzle-orm'
import {
  createDepartmentApp,
  type DepartmentApp,
  DepartmentError,
  defineLoginServer,
  type LoginServerOptions,
  openDepartmentDb,
} from '../harness'
import { authorizePage } from './page'
import * as schema from './schema'

/** Where ./scripts/start serves the H5 app's login page (BFF_PORT's default). */
export const DEFAULT_REDIRECT_URIS = [
  'http://localhost:3000/#/pages/login/index',
  'http://127.0.0.1:3000/#/pages/login/index',
] as const

export interface WechatOptions extends LoginServerOptions {
  codeTtlMs?: number
  perUserPerMinute?: number
  now?: () => number
}

const MIGRATIONS = path.resolve(__dirname, '../../drizzle/wechat')

export function buildWechatApp(opts: WechatOptions): DepartmentApp {
  const { db, sqlite } = openDepartmentDb(opts.dbFile, schema, MIGRATIONS)
  const now = opts.now ?? Date.now
  const ttl = opts.codeTtlMs ?? 5 * 60_000
  const quota = opts.perUserPerMinute ?? 100
  const redirectUris = opts.redirectUris ?? DEFAULT_REDIRECT_URIS
  const calls = new Map<string, number[]>() // openid → code2session call times in the last minute

  // WeChat's code2session is WeChat's public API: authenticated by the app secret, never RFC 9421-signed (as the real
  // one). Its /_admin/ routes need an operator token like every stand-in's.
  const dept = createDepartmentApp({
    name: 'wechat',
    logLevel: opts.logLevel,
    citizens: () => 0,
    signedCalls: false,
    ...(opts.operators ? { operators: opts.operators } : {}),
  })
  dept.app.addHook('onClose', async () => sqlite.close())
  const openidOf = (appid: string, account: string) =>
    `o${createHmac('sha256', appid).update(account).digest('base64url').slice(0, 27)}`
  const overQuota = (openid: string) => {
    const t = now()
    const recent = (calls.get(openid) ?? []).filter((at) => t - at < 60_000)
    recent.push(t)
    calls.set(openid, recent)
    return recent.length > quota
  }
  const fail = (errcode: number, errmsg: string) => ({ errcode, errmsg: `${errmsg}, rid: ${randomUUID().slice(0, 8)}` })

  const r = dept.app.withTypeProvider<ZodTypeProvider>()
  /** POST /sns/device-login — what wx.login does on the phone: a one-time code for this WeChat account */
  r.route({
    ...fromContract(wechatContracts.deviceLogin),
    handler: async (req) => {
      if (req.body.appid !== opts.appId) throw new DepartmentError('VALIDATION_FAILED')
      const code = randomBytes(16).toString('hex')
      const issuedAt = now()
      db.insert(schema.loginCodes)
        .values({
          code,
          appid: req.body.appid,
          openid: openidOf(req.body.appid, req.body.account),
          issuedAt: new Date(issuedAt),
          expiresAt: new Date(issuedAt + ttl),
        })
        .run()
      return { code }
    },
  })

  /** GET /sns/jscode2session — exchange a code for openid + session_key (once) */
  r.route({
    ...fromContract(wechatContracts.code2session),
    handler: async (req) => {
      const q = req.query
      if (q.appid !== opts.appId) return fail(WECHAT_ERRORS.INVALID_APPID, 'invalid appid')
      if (q.secret !== opts.appSecret) return fail(WECHAT_ERRORS.INVALID_SECRET, 'invalid appsecret')
      const row = db.select().from(schema.loginCodes).where(eq(schema.loginCodes.code, q.js_code)).get()
      if (!row || row.appid !== q.appid || row.expiresAt.getTime() <= now())
        return fail(WECHAT_ERRORS.INVALID_CODE, 'invalid code')
      if (overQuota(row.openid)) return fail(WECHAT_ERRORS.MINUTE_QUOTA, 'api minute-quota reach limit')
      const claimed = db
        .update(schema.loginCodes)
        .set({ usedAt: new Date(now()) })
        .where(and(eq(schema.loginCodes.code, q.js_code), isNull(schema.loginCodes.usedAt)))
        .run()
      if (claimed.changes !== 1) return fail(WECHAT_ERRORS.CODE_USED, 'code been used')
      return { openid: row.openid, session_key: opts.sessionKey?.() ?? randomBytes(16).toString('base64') }
    },
  })

  /**
   * GET /connect/oauth2/authorize — the H5 consent page. redirect_uri must equal a registered URI exactly: no host-only,
   * prefix or normalised match, so no other scheme (javascript:), path, port or userinfo gets the code.
   */
  r.route({
    ...fromContract(wechatContracts.authorizePage),
    handler: async (req, reply) => {
      const { appid, redirect_uri: redirectUri, state } = req.query
      if (appid !== opts.appId || !redirectUris.includes(redirectUri)) {
        throw new DepartmentError('VALIDATION_FAILED')
      }
      reply.header('cache-control', 'no-store').type('text/html; charset=utf-8')
      return authorizePage({ appid, redirectUri, state, suggestedAccount: `微信用户${randomBytes(2).toString('hex')}` })
    },
  })
  return dept
}

export const standIn = defineLoginServer({ name: 'wechat', build: buildWechatApp })

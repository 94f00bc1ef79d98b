// Test system: the WeChat and 公安 stand-ins on real ports, and a BFF (in-process, inject) that reaches them over HTTP.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import { buildApp } from '@ysx/bff/app'
import { type Config, testConfig } from '@ysx/bff/config'
import { buildGonganApp } from '@ysx/departments/gongan'
import { type DepartmentApp, person, type Person } from '@ysx/departments/harness'
import { buildWechatApp } from '@ysx/departments/wechat'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'

export const SEED = 424242
export const APP_ID = 'wx-test-ysx'
export const APP_SECRET = 'test-wechat-secret-0123456789abcdef'

export interface TestSystem {
  bff: FastifyInstance
  wechat: DepartmentApp
  gongan: DepartmentApp
  wechatUrl: string
  dbFile: string
  /** Every BFF log line */
  logs: string[]
  /** Every BFF response body seen through `call` */
  bodies: string[]
  call(opts: InjectOptions): Promise<LightMyRequestResponse>
  /** A fresh one-time WeChat code for an account (what wx.login returns on a phone). */
  code(account: string): Promise<string>
  /** Logs an account in; returns tokens. */
  login(account: string): Promise<{ accessToken: string; refreshToken: string }>
  citizen(index: number): Person
  /** Moves the BFF's service clock forward (challenge expiry, step-up windows). */
  advance(ms: number): void
  close(): Promise<void>
}

export async function startSystem(opts: { bff?: Partial<Config>; sessionKey?: () => string } = {}): Promise<TestSystem> {
  let offsetMs = 0
  const wechat = buildWechatApp({ dbFile: ':memory:', appId: APP_ID, appSecret: APP_SECRET, logLevel: 'silent', ...(opts.sessionKey ? { sessionKey: opts.sessionKey } : {}) })
  const gongan = buildGonganApp({ dbFile: ':memory:', seed: SEED, size: 300, logLevel: 'silent' })
  const wechatUrl = await wechat.app.listen({ host: '127.0.0.1', port: 0 })
  const gonganUrl = await gongan.app.listen({ host: '127.0.0.1', port: 0 })
  const dbFile = path.join(mkdtempSync(path.join(tmpdir(), 'ysx-system-')), 'bff.sqlite')
  const logs: string[] = []
  const logStream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean))
      done()
    },
  })
  const base = testConfig({ logLevel: 'info', dbFile })
  const bff = await buildApp(
    {
      ...base,
      wechat: { appId: APP_ID, secret: APP_SECRET, authorizeUrl: `${wechatUrl}/connect/oauth2/authorize` },
      departments: { ...base.departments, urls: { ...base.departments.urls, wechat: wechatUrl, gongan: gonganUrl } },
      ...opts.bff,
    },
    { logStream, now: () => new Date(Date.now() + offsetMs) },
  )
  await bff.ready()
  const bodies: string[] = []

  const call = async (o: InjectOptions) => {
    const res = await bff.inject(o)
    bodies.push(res.body)
    return res
  }
  const code = async (account: string) => {
    const res = await wechat.app.inject({ method: 'POST', url: '/sns/device-login', payload: { appid: APP_ID, account } })
    return res.json().code as string
  }
  return {
    bff, wechat, gongan, wechatUrl, dbFile, logs, bodies, call, code,
    async login(account) {
      const res = await call({ method: 'POST', url: '/v1/auth/login', payload: { code: await code(account) } })
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`)
      return res.json()
    },
    citizen: (index) => person(SEED, index),
    advance: (ms) => {
      offsetMs += ms
    },
    async close() {
      await bff.close()
      await wechat.app.close()
      await gongan.app.close()
    },
  }
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

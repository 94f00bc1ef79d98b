// The login server stand-in's definition: WeChat's, which holds no citizens and is built from the mini-program it
// registered (app id and secret) instead of from the population.
import type { DepartmentCode } from '@ysx/shared'
import type { DepartmentApp } from './app'
import type { CallerAuthOptions } from './caller-auth'

export interface LoginServerOptions extends Pick<CallerAuthOptions, 'operators'> {
  dbFile: string
  appId: string
  appSecret: string
  logLevel?: string
  /** Makes session keys (tests pass a canary to prove it never leaves the BFF). */
  sessionKey?: () => string
}

export interface LoginServerSpec {
  name: DepartmentCode
  build(opts: LoginServerOptions): DepartmentApp
}

export const defineLoginServer = (spec: LoginServerSpec): LoginServerSpec => spec

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
  /**
   * The registered redirect URIs: the authorize page sends a user back only to one of these, compared as exact
   * strings (RFC 9700 §4.1.3). Read on each request, so a test system may register its BFF once it listens.
   */
  redirectUris?: readonly string[]
}

export interface LoginServerSpec {
  name: DepartmentCode
  build(opts: LoginServerOptions): DepartmentApp
}

export const defineLoginServer = (spec: LoginServerSpec): LoginServerSpec => spec

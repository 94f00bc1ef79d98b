// The department adapters, built once: one HTTP client per department (upstream.ts), the cached lookups of every
// population department, and the clients of the calls that are not lookups (WeChat's code2session, 公安's face
// check, 卫健's appeals, 市场监管's legal-representative check). Adapters speak HTTP only; they never write a database.
import { DEPARTMENT_CODES, type DepartmentCode, type PopulationDepartment } from '@ysx/shared'
import type { Config } from '../config'
import { createGonganClient, type GonganClient } from './gongan'
import { createDepartmentLookups, type DepartmentLookups } from './lookups'
import { createShichangClient, type ShichangClient } from './shichang'
import { createMessageSigner } from './signatures'
import { createUpstream, type Upstream } from './upstream'
import { createWechatClient, type WechatClient } from './wechat'
import { createWeijianClient, type WeijianClient } from './weijian'

export interface DepartmentAdapters {
  lookups: DepartmentLookups
  /** WeChat's login server: code2session */
  login: WechatClient
  /** 公安's face check */
  faceCheck: GonganClient
  /** 卫健's health-code appeals desk */
  appeals: WeijianClient
  /** 市场监管's check that a citizen represents a business (venue codes) */
  businesses: ShichangClient
  /** Closes every keep-alive pool */
  close(): Promise<void>
}

export function createDepartmentAdapters(config: Pick<Config, 'departments' | 'wechat'>): DepartmentAdapters {
  const d = config.departments
  // Every call to a department is signed with the BFF's key (RFC 9421); WeChat's public API is not (its app secret).
  const signer = createMessageSigner(d.signingKey)
  const upstreams = Object.fromEntries(
    DEPARTMENT_CODES.map((code) => {
      // WeChat's login server is called with its own settings: a plain timeout, the default breaker, no signature.
      const breaker =
        code === 'wechat' ? {} : { breakerThreshold: d.breakerThreshold, halfOpenAfterMs: d.halfOpenAfterMs, signer }
      // Asked at each call: a department's own timeout, when one is set, else the common one.
      const timeoutMs = () => d.timeoutMsByDepartment?.[code] ?? d.timeoutMs
      return [code, createUpstream({ name: code, baseUrl: d.urls[code], timeoutMs, ...breaker })]
    }),
  ) as Record<DepartmentCode, Upstream>
  const login = createWechatClient(upstreams.wechat, config.wechat)
  // The calls made for a citizen that are not lookups: recorded by the data-use service like the lookups.
  const faceCheck = createGonganClient(upstreams.gongan)
  const appeals = createWeijianClient(upstreams.weijian)
  // Venue codes: whether a citizen is the legal representative of a business.
  const businesses = createShichangClient(upstreams.shichang)
  return {
    lookups: createDepartmentLookups(upstreams as Record<PopulationDepartment, Upstream>, d.cacheTtlMs),
    login,
    faceCheck,
    appeals,
    businesses,
    close: async () => {
      await Promise.all(Object.values(upstreams).map((u) => u.close()))
    },
  }
}

export type { CallPurpose } from './upstream'
export {
  createMessageSigner,
  createMessageVerifier,
  type MessageSigner,
  type MessageVerifier,
  publicJwkOf,
  type SignableMessage,
  type VerifyResult,
} from './signatures'
export type { DepartmentLookup, DepartmentLookups, LookupContract, Ok, OpenContract, ReadOptions } from './lookups'
export type { FaceCheckInput, GonganClient } from './gongan'
export type { WechatClient, WechatSession } from './wechat'
export type { AppealInput, AppealRecord, CallbackKeys, WeijianClient } from './weijian'
export type { ShichangClient } from './shichang'

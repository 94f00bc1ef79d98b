// 卫健 adapter: filing a health-code appeal over HTTP (a write: never retried). Reading appeals and test results
// goes through the department lookups; recording the call is the data-use service's.
import type { z } from '@ysx/shared/z'
import { type AppealRecordSchema, type CallbackKeysSchema, weijianContracts } from '@ysx/shared'
import { AppError } from '../app-error'
import { callHeaders, type CallPurpose, type Upstream } from './upstream'

export type AppealInput = z.input<typeof weijianContracts.fileAppeal.body>
export type AppealRecord = z.output<typeof AppealRecordSchema>

export type CallbackKeys = z.output<typeof CallbackKeysSchema>

export interface WeijianClient {
  /** Files the appeal with 卫健; its record (case number, status) or UPSTREAM_*. */
  fileAppeal(input: AppealInput, why: CallPurpose): Promise<AppealRecord>
  /** 卫健's public keys for its signed callbacks, from its own address; UPSTREAM_* when it cannot be asked. */
  callbackKeys(): Promise<CallbackKeys>
}

export function createWeijianClient(upstream: Upstream): WeijianClient {
  return {
    async fileAppeal(input, why) {
      const reply = await upstream.call(weijianContracts.fileAppeal, { body: input, headers: callHeaders(why) })
      if (reply.status !== 201) throw new AppError('UPSTREAM_BAD_RESPONSE', `weijian: appeal answered ${reply.status}`)
      return reply.body as AppealRecord
    },
    async callbackKeys() {
      const why = { purpose: '核验卫健回调签名' }
      const reply = await upstream.call(weijianContracts.callbackKeys, { headers: callHeaders(why) })
      if (reply.status !== 200) throw new AppError('UPSTREAM_BAD_RESPONSE', `weijian: keys answered ${reply.status}`)
      return reply.body as CallbackKeys
    },
  }
}

// 市场监管 adapter: whether a citizen is the registered legal representative (or operator) of a business, over HTTP
// (a read: retried once); an unknown citizen comes back as `undefined`. Recording the call in 我的数据使用记录 is
// the data-use service's (the caller's), not this adapter's.
import { type RepresentativeCheck, shichangContracts } from '@ysx/shared'
import { AppError } from '../app-error'
import { callHeaders, type CallPurpose, type Upstream } from './upstream'

export interface ShichangClient {
  representative(
    input: { idNumber: string; creditCode: string },
    why: CallPurpose,
  ): Promise<RepresentativeCheck | undefined>
}

export function createShichangClient(upstream: Upstream): ShichangClient {
  return {
    async representative(input, why) {
      const reply = await upstream.call(
        shichangContracts.representative,
        { body: input, headers: callHeaders(why) },
        { idempotent: true },
      )
      if (reply.status === 404) return undefined
      if (reply.status !== 200)
        throw new AppError('UPSTREAM_BAD_RESPONSE', `shichang: representative answered ${reply.status}`)
      return reply.body as RepresentativeCheck
    },
  }
}

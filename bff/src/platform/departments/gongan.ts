// 公安 adapter: the face check (人脸核身) over HTTP; an unknown citizen comes back as `undefined`. Recording the
// call in 我的数据使用记录 is the data-use service's (the caller's), not this adapter's.
import { type FaceCheckResult, FaceCheckResultSchema, gonganFaceContracts } from '@ysx/shared'
import type { z } from '@ysx/shared/z'
import { callHeaders, type CallPurpose, type Upstream } from './upstream'

export type FaceCheckInput = z.input<typeof gonganFaceContracts.checkFace.body>

export interface GonganClient {
  checkFace(input: FaceCheckInput, why: CallPurpose): Promise<FaceCheckResult | undefined>
}

export function createGonganClient(upstream: Upstream): GonganClient {
  return {
    async checkFace(input, why) {
      const reply = await upstream.call(gonganFaceContracts.checkFace, { body: input, headers: callHeaders(why) })
      if (reply.status === 404) return undefined
      return FaceCheckResultSchema.parse(reply.body)
    },
  }
}

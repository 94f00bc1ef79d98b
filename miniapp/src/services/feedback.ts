// 意见反馈 service: files a citizen's feedback with the BFF and returns the receipt.
import { bffContracts, type FeedbackReceipt } from '@ysx/shared'
import type { z } from 'zod'
import { request } from './client'

export type FeedbackInput = z.input<typeof bffContracts.feedback.create.body>

export function submitFeedback(input: FeedbackInput): Promise<FeedbackReceipt> {
  return request(bffContracts.feedback.create, { body: input })
}

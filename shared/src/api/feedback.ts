// BFF contracts: 意见反馈 — a citizen files feedback and gets a receipt number.
import { defineContracts } from '../contract'
import { MaskedPhoneSchema, PhoneSchema } from '../domain/phone'
import { ErrorEnvelopeSchema } from '../errors'
import { z } from '../z'
import { feedbackExamples } from './examples/feedback'

export const FEEDBACK_CATEGORIES = ['suggestion', 'bug', 'complaint', 'praise'] as const

export const FeedbackCreateSchema = z
  .object({
    category: z.enum(FEEDBACK_CATEGORIES).describe('类别：建议 / 问题 / 投诉 / 表扬'),
    content: z.string().trim().min(5).max(500).describe('反馈内容，5–500 字'),
    contact: PhoneSchema.optional().describe('联系手机（可选），仅用于回访，返回时脱敏'),
  })
  .strict()

export const FeedbackReceiptSchema = z.object({
  id: z.string().uuid().describe('回执编号'),
  category: z.enum(FEEDBACK_CATEGORIES).describe('类别'),
  status: z.enum(['received', 'in_progress', 'closed']).describe('处理状态'),
  contact: MaskedPhoneSchema.nullable().describe('脱敏后的联系手机'),
  createdAt: z.string().datetime().describe('提交时间（ISO 8601，UTC）'),
})
export type FeedbackReceipt = z.infer<typeof FeedbackReceiptSchema>

export const feedbackContracts = defineContracts({
  create: {
    method: 'POST',
    path: '/v1/feedback',
    summary: '提交意见反馈，返回回执',
    tag: 'feedback',
    examples: feedbackExamples.create,
    // Anyone may file feedback; a token, when sent, is checked and files it under the signed-in citizen.
    auth: 'optional',
    body: FeedbackCreateSchema,
    responses: { 201: FeedbackReceiptSchema, 400: ErrorEnvelopeSchema, 401: ErrorEnvelopeSchema },
  },
  show: {
    method: 'GET',
    path: '/v1/feedback/:id',
    summary: '按回执编号查询反馈的处理状态',
    tag: 'feedback',
    examples: feedbackExamples.show,
    errors: ['NOT_FOUND'],
    params: z.object({ id: z.string().uuid().describe('回执编号') }),
    responses: { 200: FeedbackReceiptSchema, 404: ErrorEnvelopeSchema },
  },
})

// Feedback service: files a citizen's feedback (contact sealed at rest) and reads receipts.
import { randomUUID } from 'node:crypto'
import { type FeedbackReceipt, maskPhone } from '@ysx/shared'
import type { FeedbackRepository, FeedbackRow } from './feedback-repository'
import { AppError } from '../platform/app-error'
import type { FieldCipher } from '../platform/field-cipher'

export interface FeedbackInput {
  category: FeedbackReceipt['category']
  content: string
  contact?: string | undefined
}

export interface FeedbackService {
  submit(input: FeedbackInput): Promise<FeedbackReceipt>
  receipt(id: string): Promise<FeedbackReceipt>
}

function toReceipt(row: FeedbackRow): FeedbackReceipt {
  return {
    id: row.id,
    category: row.category,
    status: row.status,
    contact: row.contactMasked,
    createdAt: row.createdAt.toISOString(),
  }
}

export function createFeedbackService(repo: FeedbackRepository, cipher: FieldCipher): FeedbackService {
  return {
    async submit(input) {
      const id = randomUUID()
      const row = await repo.insert({
        id,
        category: input.category,
        content: input.content,
        contactSealed: input.contact
          ? cipher.encrypt(input.contact, { table: 'feedback', column: 'contact_sealed', row: id })
          : null,
        contactMasked: input.contact ? maskPhone(input.contact) : null,
        createdAt: new Date(),
      })
      return toReceipt(row)
    },
    async receipt(id) {
      const row = await repo.findById(id)
      if (!row) throw new AppError('NOT_FOUND', 'feedback receipt not found')
      return toReceipt(row)
    },
  }
}

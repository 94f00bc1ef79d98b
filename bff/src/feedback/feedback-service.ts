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
  /** Files feedback; `userId`: filed signed in, so it is in their copy and goes when their account goes. */
  submit(input: FeedbackInput, userId?: string): Promise<FeedbackReceipt>
  receipt(id: string): Promise<FeedbackReceipt>
  /** PIPL: what this citizen filed while signed in, the contact in full (their own copy). */
  exportFor(userId: string): Promise<FeedbackCopy[]>
  /** PIPL Art. 47: deletes what this citizen filed while signed in. */
  eraseFor(userId: string): Promise<void>
}

export interface FeedbackCopy {
  id: string
  category: string
  content: string
  contact: string | null
  status: string
  createdAt: string
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
    async submit(input, userId) {
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
        userId: userId ?? null,
      })
      return toReceipt(row)
    },
    async receipt(id) {
      const row = await repo.findById(id)
      if (!row) throw new AppError('NOT_FOUND', 'feedback receipt not found')
      return toReceipt(row)
    },
    async exportFor(userId) {
      return (await repo.byUser(userId)).map((r) => ({
        id: r.id,
        category: r.category,
        content: r.content,
        contact: r.contactSealed
          ? cipher.decrypt(r.contactSealed, { table: 'feedback', column: 'contact_sealed', row: r.id })
          : null,
        status: r.status,
        createdAt: r.createdAt.toISOString(),
      }))
    },
    eraseFor: (userId) => repo.eraseFor(userId),
  }
}

// Wallet service (卡包): the citizen's certificates, masked by default; a card id is bound to its owner, so another
// citizen's id is simply not found; the full card only after a step-up, audited.
import { type CertificateType, certificateFields, maskCertificate, type WalletCard } from '@ysx/shared'
import type { AuditContext, AuditService } from '../audit'
import type { DepartmentReaders, Subject } from '../data-use'
import type { ProfileService } from '../identity'
import { AppError } from '../platform/app-error'
import type { CallPurpose } from '../platform/departments'
import type { FieldCipher } from '../platform/field-cipher'
import { type CertificateFetch, fetchCertificates, type FetchOptions, type IssuedCertificate } from './certificates'

type Field = { key: string; value: string }

export interface WalletService {
  list(userId: string): Promise<{ cards: WalletCard[]; unavailableFrom: string[] }>
  show(userId: string, id: string): Promise<WalletCard & { fields: Field[] }>
  reveal(
    userId: string,
    id: string,
    ctx: AuditContext,
  ): Promise<{ number: string; holderName: string; issuingAuthority: string; fields: Field[] }>
  /** The certificate behind one of the user's card ids, unmasked (for presentation); NOT_FOUND otherwise.
   * A verifier passes `fresh` (the status as of now, past the cache) and the type (only its issuer is asked). */
  certificate(
    userId: string,
    id: string,
    opts?: { fresh?: boolean; type?: CertificateType },
  ): Promise<IssuedCertificate>
  /** Every certificate the issuers hold for a subject, each issuer on its own (the dashboard's card list). */
  issued(subject: Subject, why: CallPurpose, opts?: FetchOptions): Promise<CertificateFetch>
}

const WHY = { purpose: '查看本人电子证照（卡包）' }
const VERIFY_WHY = { purpose: '亮证核验：确认证照当前状态' }

export function createWalletService(
  readers: DepartmentReaders,
  profiles: ProfileService,
  cipher: FieldCipher,
  audit: AuditService,
): WalletService {
  const cardId = (userId: string, c: IssuedCertificate) =>
    cipher.lookupHash(`wallet|${userId}|${c.type}|${c.certificateNumber}`).slice(0, 32)
  /** The certificate as its department issued it (without the issuer the BFF notes beside it). */
  const asIssued = ({ department: _department, ...c }: IssuedCertificate) => c
  // The masked view is its type's allow-list (shared MASKED_VIEWS), each value by its kind's masking rule.
  const toDetail = (userId: string, c: IssuedCertificate): WalletCard & { fields: Field[] } => {
    const { number, holderName, issuingAuthority, fields } = maskCertificate(asIssued(c))
    return {
      id: cardId(userId, c),
      type: c.type,
      title: c.title,
      department: c.department,
      status: c.status,
      number,
      holderName,
      issueDate: c.issueDate,
      expiryDate: c.expiryDate,
      issuingAuthority,
      fields,
    }
  }
  const toCard = (userId: string, c: IssuedCertificate): WalletCard => {
    const { fields: _fields, ...card } = toDetail(userId, c)
    return card
  }

  async function find(
    userId: string,
    id: string,
    opts: { fresh?: boolean; type?: CertificateType } = {},
  ): Promise<IssuedCertificate> {
    const got = await fetchCertificates(readers, await profiles.subject(userId), opts.fresh ? VERIFY_WHY : WHY, opts)
    const card = got.certificates.find((c) => cardId(userId, c) === id)
    if (card) return card
    // Not among the answers: if an issuer was down we cannot tell "missing" from "unreachable".
    if (got.allFailed || got.unavailableFrom.length > 0)
      throw new AppError('UPSTREAM_UNAVAILABLE', `wallet: ${got.unavailableFrom.join(',')} unavailable`)
    throw new AppError('NOT_FOUND', 'no such card for this user')
  }

  return {
    async list(userId) {
      const got = await fetchCertificates(readers, await profiles.subject(userId), WHY)
      if (got.allFailed) throw got.allFailed
      return { cards: got.certificates.map((c) => toCard(userId, c)), unavailableFrom: got.unavailableFrom }
    },
    async show(userId, id) {
      const c = await find(userId, id)
      return toDetail(userId, c)
    },
    certificate: (userId, id, opts) => find(userId, id, opts),
    issued: (subject, why, opts) => fetchCertificates(readers, subject, why, opts),
    async reveal(userId, id, ctx) {
      await profiles.requireRecentFace(userId, ctx)
      const c = await find(userId, id)
      await audit.record({ userId, action: 'certificate.reveal', outcome: 'success', reason: c.type }, ctx)
      return {
        number: c.certificateNumber,
        holderName: c.holder.name,
        issuingAuthority: c.issuingAuthority,
        fields: certificateFields(asIssued(c)),
      }
    },
  }
}

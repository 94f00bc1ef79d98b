// Certificates from every issuing department, in parallel: what the wallet and the dashboard's card list read.
import {
  type CertificateStatus, type CertificateType, churujingContracts, gonganContracts, gongjijinContracts, jiaoguanContracts,
  minzhengContracts, rensheContracts, shichangContracts,
} from '@ysx/shared'
import type { CallPurpose } from '../departments/upstream'
import type { DepartmentReaders, LookupContract, Subject } from '../departments/readers'

/** Certificate-issuing departments and their certificate lookups. */
export const ISSUERS: { department: keyof DepartmentReaders; contract: LookupContract }[] = [
  { department: 'gongan', contract: gonganContracts.certificates },
  { department: 'renshe', contract: rensheContracts.certificates },
  { department: 'gongjijin', contract: gongjijinContracts.certificates },
  { department: 'jiaoguan', contract: jiaoguanContracts.certificates },
  { department: 'churujing', contract: churujingContracts.certificates },
  { department: 'minzheng', contract: minzhengContracts.certificates },
  { department: 'shichang', contract: shichangContracts.certificates },
]

/** The fields every certificate has (the department's own fields come along untyped). */
export interface IssuedCertificate extends Record<string, unknown> {
  type: CertificateType
  title: string
  certificateNumber: string
  status: CertificateStatus
  issueDate: string
  expiryDate: string | null
  issuingAuthority: string
  holder: { name: string; idNumber: string; gender: string }
  department: keyof DepartmentReaders
}

export interface CertificateFetch {
  certificates: IssuedCertificate[]
  /** Issuers that failed (or ran out of time): the list is partial */
  unavailableFrom: (keyof DepartmentReaders)[]
  /** The first failure, when every issuer failed */
  allFailed?: unknown
}

/** Reads every issuer; `bound` may cut a slow one short (the dashboard's budget). */
export async function fetchCertificates(
  readers: DepartmentReaders,
  subject: Subject,
  why: CallPurpose,
  bound: <T>(p: Promise<T>) => Promise<T> = (p) => p,
  fresh = false,
): Promise<CertificateFetch> {
  const results = await Promise.allSettled(
    ISSUERS.map(({ department, contract }) => bound(readers[department].read(contract, subject, why, { fresh }))),
  )
  const certificates = results.flatMap((r, i): IssuedCertificate[] => {
    if (r.status === 'rejected') return []
    const issued = (r.value as { certificates: Omit<IssuedCertificate, 'department'>[] } | undefined)?.certificates ?? []
    return issued.map((c) => ({ ...c, department: ISSUERS[i]!.department }) as IssuedCertificate)
  })
  const unavailableFrom = results.flatMap((r, i) => (r.status === 'rejected' ? [ISSUERS[i]!.department] : []))
  const allFailed = unavailableFrom.length === ISSUERS.length ? (results[0] as PromiseRejectedResult).reason : undefined
  return { certificates, unavailableFrom, ...(allFailed ? { allFailed } : {}) }
}

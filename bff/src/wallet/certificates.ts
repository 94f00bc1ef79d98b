// Certificates from every issuing department, in parallel: what the wallet and the dashboard's card list read.
import type { z } from '@ysx/shared/z'
import { type certificateBase, type CertificateType, DEPARTMENTS, POPULATION_DEPARTMENT_CODES } from '@ysx/shared'
import type { DepartmentReaders, Subject } from '../data-use'
import type { CallPurpose, LookupContract } from '../platform/departments'

/** Certificate-issuing departments (the registry's, in its order) and their certificate lookups. */
export const ISSUERS: {
  department: keyof DepartmentReaders
  contract: LookupContract
  types: readonly CertificateType[]
}[] = POPULATION_DEPARTMENT_CODES.filter((code) => DEPARTMENTS[code].certificates.length > 0).map((code) => ({
  department: code,
  contract: (DEPARTMENTS[code].contracts as unknown as { certificates: LookupContract }).certificates,
  types: DEPARTMENTS[code].certificates,
}))

/** The fields every certificate has, as the contracts define them; the department's own fields come along untyped. */
export type IssuedCertificate = z.output<ReturnType<typeof certificateBase<CertificateType>>> &
  Record<string, unknown> & {
    department: keyof DepartmentReaders
  }

export interface CertificateFetch {
  certificates: IssuedCertificate[]
  /** Issuers that failed (or ran out of time): the list is partial */
  unavailableFrom: (keyof DepartmentReaders)[]
  /** The first failure, when every issuer failed */
  allFailed?: unknown
}

export interface FetchOptions {
  /** May cut a slow issuer short (the dashboard's budget) */
  bound?: <T>(p: Promise<T>) => Promise<T>
  /** Past the cache: the status as of now */
  fresh?: boolean
  /** Only the issuer of this type (a verifier checks one card) */
  type?: CertificateType
}

/** Reads every issuer (or the one for `type`) in parallel. */
export async function fetchCertificates(
  readers: DepartmentReaders,
  subject: Subject,
  why: CallPurpose,
  opts: FetchOptions = {},
): Promise<CertificateFetch> {
  const bound = opts.bound ?? ((p) => p)
  const issuers = opts.type ? ISSUERS.filter((i) => i.types.includes(opts.type!)) : ISSUERS
  const results = await Promise.allSettled(
    issuers.map(({ department, contract }) =>
      bound(readers[department].read(contract, subject, why, { fresh: opts.fresh ?? false })),
    ),
  )
  const certificates = results.flatMap((r, i): IssuedCertificate[] => {
    if (r.status === 'rejected') return []
    const issued =
      (r.value as { certificates: Omit<IssuedCertificate, 'department'>[] } | undefined)?.certificates ?? []
    return issued.map((c) => ({ ...c, department: issuers[i]!.department }) as IssuedCertificate)
  })
  const unavailableFrom = results.flatMap((r, i) => (r.status === 'rejected' ? [issuers[i]!.department] : []))
  const allFailed = unavailableFrom.length === issuers.length ? (results[0] as PromiseRejectedResult).reason : undefined
  return { certificates, unavailableFrom, ...(allFailed ? { allFailed } : {}) }
}

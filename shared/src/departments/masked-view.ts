// What a masked view of each certificate type shows (卡包 list and card detail): an allow-list per type. The number,
// holder and issuing authority are masked by their kind's rule (../domain/mask); of the department's own fields only
// those listed appear, each as it is ('plain') or masked by its kind. Everything else is absent until the step-up
// reveal. A field that repeats the certificate number (户号, 社保卡号, 统一社会信用代码) is never listed: the number
// already shows what its rule allows. The paths are checked against each certificate's schema at compile time.
import { type FieldKind, maskAs } from '../domain/mask'
import type { z } from '../z'
import type { CertificateType } from './certificate'
import type { HkMacauPermitSchema, PassportSchema } from './churujing'
import type { HouseholdRegisterSchema, IdCardSchema, ResidencePermitSchema } from './gongan'
import type { HousingFundCertificateSchema } from './gongjijin'
import type { DrivingLicenceSchema, VehicleLicenceSchema } from './jiaoguan'
import type { MarriageCertificateSchema } from './minzheng'
import type { SocialSecurityCardSchema } from './renshe'
import type { BusinessLicenceSchema } from './shichang'

/** Each certificate type's full shape, as its department's contract defines it. */
export interface CertificateShapes {
  id_card: z.output<typeof IdCardSchema>
  household_register: z.output<typeof HouseholdRegisterSchema>
  residence_permit: z.output<typeof ResidencePermitSchema>
  social_security_card: z.output<typeof SocialSecurityCardSchema>
  housing_fund_certificate: z.output<typeof HousingFundCertificateSchema>
  driving_licence: z.output<typeof DrivingLicenceSchema>
  vehicle_licence: z.output<typeof VehicleLicenceSchema>
  passport: z.output<typeof PassportSchema>
  hk_macau_permit: z.output<typeof HkMacauPermitSchema>
  marriage_certificate: z.output<typeof MarriageCertificateSchema>
  business_licence: z.output<typeof BusinessLicenceSchema>
}

/** The fields every certificate has; a masked view shows them through `number`, `holderName`, `issuingAuthority`. */
export const CERTIFICATE_BASE_KEYS = [
  'type',
  'title',
  'certificateNumber',
  'status',
  'issueDate',
  'expiryDate',
  'issuingAuthority',
  'holder',
] as const
type BaseKey = (typeof CERTIFICATE_BASE_KEYS)[number]

/** Leaf paths of a shape: `points.remaining`, `members.*.name` (`*` for any array index). */
type Paths<T> = T extends readonly (infer E)[]
  ? `*.${Paths<E>}` | (E extends object ? never : '*')
  : T extends object
    ? { [K in keyof T & string]: NonNullable<T[K]> extends object ? `${K}.${Paths<NonNullable<T[K]>>}` : K }[keyof T &
        string]
    : never
export type OwnFieldPath<T extends CertificateType> = Paths<Omit<CertificateShapes[T], BaseKey>>

/** A listed field is shown as it is, or masked by its kind's rule. */
export type FieldRule = 'plain' | FieldKind

export interface MaskedViewRule<T extends CertificateType> {
  /** The kind of the certificate number: an ID number on the 居民身份证 and the 驾驶证 */
  number: FieldKind
  /** 'address' where the authority names the holder's district or street (公安, 民政, 市场监管) */
  issuingAuthority: 'plain' | 'address'
  /** The department's own fields the masked view shows; any other is absent */
  fields: Partial<Record<OwnFieldPath<T>, FieldRule>>
}

const P = 'plain' as const

/** The allow-list of every certificate type's masked view. */
export const MASKED_VIEWS: { [T in CertificateType]: MaskedViewRule<T> } = {
  // Not the birth date, not the full address; the bureau names the district of the ID number's region.
  id_card: {
    number: 'idNumber',
    issuingAuthority: 'address',
    fields: { ethnicity: P, address: 'address', validityYears: P },
  },
  // Not the 户号 (it is the number), nor the members' ID numbers.
  household_register: {
    number: 'documentNumber',
    issuingAuthority: 'address',
    fields: {
      householdType: P,
      address: 'address',
      relationToHead: P,
      'head.name': 'name',
      'members.*.name': 'name',
      'members.*.relationToHead': P,
    },
  },
  residence_permit: {
    number: 'documentNumber',
    issuingAuthority: 'address',
    fields: { residenceAddress: 'address', registeredAddress: 'address' },
  },
  // Not the 卡号 (it is the number).
  social_security_card: {
    number: 'cardNumber',
    issuingAuthority: P,
    fields: { socialSecurityNumber: 'idNumber', bank: P, generation: P },
  },
  housing_fund_certificate: {
    number: 'documentNumber',
    issuingAuthority: P,
    fields: {
      accountNumber: 'cardNumber',
      employer: P,
      openedOn: P,
      depositStatus: P,
      monthlyDeposit: P,
      balanceAtIssue: P,
    },
  },
  // Not the deductions' 决定书编号: 交通违法 shows them in full (the citizen pays by them), so no masked copy beside.
  driving_licence: {
    number: 'idNumber',
    issuingAuthority: P,
    fields: {
      licenceClass: P,
      firstIssueDate: P,
      archiveNumber: 'documentNumber',
      'points.cycleStart': P,
      'points.cycleEnd': P,
      'points.deducted': P,
      'points.remaining': P,
      'deductions.*.occurredAt': P,
      'deductions.*.points': P,
    },
  },
  vehicle_licence: {
    number: 'documentNumber',
    issuingAuthority: P,
    fields: {
      plateNumber: 'plate',
      vehicleType: P,
      brand: P,
      energy: P,
      vin: 'vin',
      usage: P,
      registerDate: P,
      inspectionValidUntil: P,
    },
  },
  passport: {
    number: 'documentNumber',
    issuingAuthority: P,
    fields: { passportType: P, countryCode: P, placeOfIssue: P },
  },
  hk_macau_permit: {
    number: 'documentNumber',
    issuingAuthority: P,
    fields: {
      'endorsements.*.region': P,
      'endorsements.*.kind': P,
      'endorsements.*.entries': P,
      'endorsements.*.issueDate': P,
      'endorsements.*.validUntil': P,
      'endorsements.*.status': P,
    },
  },
  // Not the spouse's ID number; the registry office names a spouse's district.
  marriage_certificate: {
    number: 'documentNumber',
    issuingAuthority: 'address',
    fields: { 'spouse.name': 'name', registeredOn: P },
  },
  // Not the 统一社会信用代码 (it is the number); not the trading name, which a 个体工商户 takes from its district.
  business_licence: {
    number: 'documentNumber',
    issuingAuthority: 'address',
    fields: {
      entityType: P,
      legalRepresentative: 'name',
      registeredCapital: P,
      establishedOn: P,
      businessScope: P,
      address: 'address',
    },
  },
}

/** One field of a card: its path (`points.remaining`, `members.0.name`) and its value as shown. */
export interface CertificateField {
  key: string
  value: string
}

/** What every certificate carries, and its department's own fields, untyped (the BFF reads them as they come). */
export interface AnyCertificate {
  type: CertificateType
  certificateNumber: string
  issuingAuthority: string
  holder: { name: string }
  [field: string]: unknown
}

/** The department's own fields as leaf paths with their values, in order, unmasked (what a step-up reveal shows). */
export function certificateFields(c: AnyCertificate): CertificateField[] {
  const base = new Set<string>(CERTIFICATE_BASE_KEYS)
  const leaves = (value: unknown, prefix: string): CertificateField[] => {
    if (value === null || value === undefined) return []
    if (typeof value !== 'object') return [{ key: prefix, value: String(value) }]
    return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
  }
  return Object.entries(c)
    .filter(([k]) => !base.has(k))
    .flatMap(([k, v]) => leaves(v, k))
}

/** The masked view of a certificate: number, holder and authority by their rules, and only the allow-listed fields. */
export function maskCertificate(c: AnyCertificate): {
  number: string
  holderName: string
  issuingAuthority: string
  fields: CertificateField[]
} {
  const rule = MASKED_VIEWS[c.type] as MaskedViewRule<CertificateType>
  const listed = rule.fields as Record<string, FieldRule | undefined>
  const fields = certificateFields(c).flatMap((f) => {
    const shown = listed[f.key.replace(/(^|\.)\d+(?=\.|$)/g, '$1*')]
    if (!shown) return []
    return [{ key: f.key, value: shown === 'plain' ? f.value : maskAs(shown, f.value) }]
  })
  return {
    number: maskAs(rule.number, c.certificateNumber),
    holderName: maskAs('name', c.holder.name),
    issuingAuthority: rule.issuingAuthority === 'plain' ? c.issuingAuthority : maskAs('address', c.issuingAuthority),
    fields,
  }
}

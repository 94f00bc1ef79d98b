// 民政 (civil affairs) department contract: the 结婚证, whose spouse is another citizen of the population.
import { defineContracts } from '../contract'
import { certificateBase, certificateUnion, certificatesContract, isoDate, PersonRefSchema } from './certificate'

export const MarriageCertificateSchema = certificateBase('marriage_certificate').extend({
  spouse: PersonRefSchema.describe('配偶'),
  registeredOn: isoDate('登记日期'),
})

export const MinzhengCertificateSchema = certificateUnion([MarriageCertificateSchema], '民政签发的证件')

export const minzhengContracts = defineContracts({
  certificates: certificatesContract('civil-affairs', MinzhengCertificateSchema),
})

// 市场监管 stand-in: the 营业执照 registered to a citizen as operator or legal representative, and the check that a
// citizen represents a given business (a venue code is issued only to its legal representative).
import { shichangContracts } from '@ysx/shared'
import { defineDepartment } from '../harness'
import * as schema from './schema'
import { seedShichang } from './seed'

type Status = 'valid' | 'expired' | 'suspended' | 'revoked'

export const standIn = defineDepartment({
  name: 'shichang',
  schema,
  seed: seedShichang,
  routes: ({ sqlite, serveCertificates, serveCitizen }) => {
    /** POST /v1/certificates/lookup — business licences of which the citizen is operator or legal representative */
    serveCertificates(shichangContracts.certificates)
    // By the citizen's own rows (indexed), so a code that exists and one that does not answer alike and as fast.
    const licence = sqlite.prepare(
      "SELECT status, json_extract(details, '$.entityName') AS entityName FROM certificates WHERE person_index = ? AND type = 'business_licence' AND certificate_number = ?",
    )
    /** POST /v1/businesses/representative/lookup — is this citizen the registered representative of this business? */
    serveCitizen(shichangContracts.representative, 200, (s, body) => {
      const row = licence.get(s.index, body.creditCode) as { status: Status; entityName: string } | undefined
      return {
        creditCode: body.creditCode,
        representative: row !== undefined,
        entityName: row?.entityName ?? null,
        licenceStatus: row?.status ?? null,
      }
    })
  },
})

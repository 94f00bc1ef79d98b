// The 市场监管 stand-in over real HTTP: 营业执照 with a 统一社会信用代码 whose GB 32100 check character is right.
import { isValidUscc, shichangContracts } from '@ysx/shared'
import { person } from '../src/harness'
import { standIn as shichangStandIn } from '../src/shichang/app'
import { describeLookups, expectConsistentCertificate, SEED, startDepartment } from './helper'

const shichang = startDepartment(shichangStandIn)
const c = shichangContracts

describeLookups(shichang, [c.certificates.path])

test('every licence carries a valid credit code, the holder as operator, and 92 for 个体工商户 or 91 for companies', async () => {
  const rows = shichang.dept.sqlite
    .prepare("SELECT DISTINCT person_index FROM certificates WHERE type = 'business_licence'")
    .all() as { person_index: number }[]
  expect(rows.length).toBeGreaterThan(5)
  for (const { person_index: index } of rows) {
    const { asOf, certificates } = await shichang.read(c.certificates.path, index, c.certificates.responses[200])
    for (const licence of certificates) {
      expect(isValidUscc(licence.creditCode)).toBe(true)
      expect(licence.certificateNumber).toBe(licence.creditCode)
      expect(licence.legalRepresentative).toBe(person(SEED, index).name)
      expect(licence.creditCode.slice(0, 2)).toBe(licence.entityType === '个体工商户' ? '92' : '91')
      expect(licence.registeredCapital === null).toBe(licence.entityType === '个体工商户')
      expectConsistentCertificate(licence, index, asOf)
    }
  }
})

// The 民政 stand-in over real HTTP: a 结婚证 whose spouse is another citizen holding the matching certificate.
import { minzhengContracts } from '@ysx/shared'
import { person } from '../src/harness'
import { standIn as minzhengStandIn } from '../src/minzheng/app'
import { describeLookups, expectConsistentCertificate, SEED, startDepartment } from './helper'

const minzheng = startDepartment(minzhengStandIn)
const c = minzhengContracts

describeLookups(minzheng, [c.certificates.path])

test('a married citizen’s 结婚证 names a spouse of the other sex, of legal age when they married', async () => {
  const index = minzheng.pick("SELECT person_index FROM certificates WHERE type = 'marriage_certificate' LIMIT 1")
  const { asOf, certificates } = await minzheng.read(c.certificates.path, index, c.certificates.responses[200])
  const cert = certificates[0]!
  expectConsistentCertificate(cert, index, asOf)
  expect(cert.expiryDate).toBeNull()
  expect(cert.spouse.gender).not.toBe(person(SEED, index).gender)
  for (const who of [cert.holder, cert.spouse]) {
    const legalYear = Number(who.idNumber.slice(6, 10)) + (who.gender === 'male' ? 22 : 20)
    expect(Number(cert.registeredOn.slice(0, 4))).toBeGreaterThanOrEqual(legalYear)
  }
})

test('an unmarried citizen has no certificate', async () => {
  const index = minzheng.pick(
    'SELECT p.person_index FROM persons p LEFT JOIN certificates c USING (person_index) WHERE c.id IS NULL LIMIT 1',
  )
  expect((await minzheng.read(c.certificates.path, index, c.certificates.responses[200])).certificates).toEqual([])
})

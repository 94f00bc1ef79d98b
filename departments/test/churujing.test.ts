// The 出入境 stand-in over real HTTP: 普通护照 and 往来港澳通行证 with endorsements dated against the reference date.
import { churujingContracts } from '@ysx/shared'
import { standIn as churujingStandIn } from '../src/churujing/app'
import { describeLookups, expectConsistentCertificate, startDepartment } from './helper'

const churujing = startDepartment(churujingStandIn)
const c = churujingContracts

describeLookups(churujing, [c.certificates.path])

test('a passport and a travel permit have their number formats and consistent statuses', async () => {
  const index = churujing.pick(
    'SELECT person_index FROM certificates GROUP BY person_index HAVING count(DISTINCT type) = 2 LIMIT 1',
  )
  const { asOf, certificates } = await churujing.read(c.certificates.path, index, c.certificates.responses[200])
  expect(certificates.map((x) => x.type).sort()).toEqual(['hk_macau_permit', 'passport'])
  for (const x of certificates) expectConsistentCertificate(x, index, asOf)
  expect(certificates.find((x) => x.type === 'passport')!.certificateNumber).toMatch(/^E\d{8}$/)
  expect(certificates.find((x) => x.type === 'hk_macau_permit')!.certificateNumber).toMatch(/^C\d{8}$/)
})

test('endorsements are newest first and expired exactly when their validity ended before the reference date', async () => {
  const index = churujing.pick(
    "SELECT person_index FROM certificates WHERE type = 'hk_macau_permit' AND details LIKE '%validUntil%' LIMIT 1",
  )
  const { asOf, certificates } = await churujing.read(c.certificates.path, index, c.certificates.responses[200])
  const permit = certificates.find((x) => x.type === 'hk_macau_permit')
  if (permit?.type !== 'hk_macau_permit') throw new Error('no permit')
  expect(permit.endorsements.length).toBeGreaterThan(0)
  const issued = permit.endorsements.map((e) => e.issueDate)
  expect(issued).toEqual([...issued].sort().reverse())
  for (const e of permit.endorsements) expect(e.status).toBe(e.validUntil < asOf ? 'expired' : 'valid')
})

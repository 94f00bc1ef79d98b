// The 公安 stand-in's certificates: 居民身份证 terms, the 户口簿 and its members, 居住证 in another city.
import { CertificateStatusSchema, gonganContracts, isValidIdNumber } from '@ysx/shared'
import { standIn as gonganStandIn } from '../src/gongan/app'
import { addYears, ageOn, person } from '../src/harness'
import { describeLookups, expectConsistentCertificate, SEED, SIZE, startDepartment } from './helper'

const gongan = startDepartment(gonganStandIn)
const certificatesOf = (index: number) =>
  gongan.read(gonganContracts.certificates.path, index, gonganContracts.certificates.responses[200])

describeLookups(gongan, [
  gonganContracts.lookupCitizen.path,
  gonganContracts.certificates.path,
  gonganContracts.guardians.path,
])

test('the 居民身份证 carries the ID number, a term that follows the age at issue, and the register’s details', async () => {
  const index = gongan.pick(
    "SELECT person_index FROM certificates WHERE type = 'id_card' AND status = 'valid' ORDER BY person_index LIMIT 1",
  )
  const { asOf, certificates } = await certificatesOf(index)
  const card = certificates.find((c) => c.type === 'id_card')
  if (card?.type !== 'id_card') throw new Error('no id card')
  const p = person(SEED, index)
  expect(card).toMatchObject({
    certificateNumber: p.idNumber,
    birthDate: p.birthDate,
    ethnicity: p.ethnicity,
    address: p.address,
  })
  expectConsistentCertificate(card, index, asOf)
  const age = ageOn(p.birthDate, card.issueDate)
  expect(card.validityYears).toBe(age < 16 ? 5 : age < 26 ? 10 : age < 46 ? 20 : null)
})

test('every seeded certificate agrees with its holder and with the reference date', async () => {
  for (let index = 0; index < 60; index += 1) {
    const { asOf, certificates } = await certificatesOf(index)
    for (const c of certificates) expectConsistentCertificate(c, index, asOf)
  }
})

test('the 户口簿 lists every member with a valid ID number, the head first, and the holder among them', async () => {
  const index = gongan.pick(
    "SELECT person_index FROM household_members WHERE relation_to_head <> '户主' ORDER BY person_index LIMIT 1",
  )
  const { certificates } = await certificatesOf(index)
  const book = certificates.find((c) => c.type === 'household_register')
  if (book?.type !== 'household_register') throw new Error('no household register')
  expect(book.members[0]).toMatchObject({ ...book.head, relationToHead: '户主' })
  expect(book.members.map((m) => m.idNumber)).toContain(person(SEED, index).idNumber)
  expect(book.members.every((m) => isValidIdNumber(m.idNumber))).toBe(true)
  expect(book.relationToHead).not.toBe('户主')
})

test('a 居住证 is for a city other than the holder’s 户籍', async () => {
  const index = gongan.pick("SELECT person_index FROM certificates WHERE type = 'residence_permit' LIMIT 1")
  const { certificates } = await certificatesOf(index)
  const permit = certificates.find((c) => c.type === 'residence_permit')
  if (permit?.type !== 'residence_permit') throw new Error('no residence permit')
  expect(permit.registeredAddress).toBe(person(SEED, index).address)
  expect(permit.residenceAddress.slice(0, 6)).not.toBe(permit.registeredAddress.slice(0, 6))
})

test('most certificates are valid, and each status occurs somewhere in the population', () => {
  const rows = gongan.dept.sqlite.prepare('SELECT status, count(*) AS n FROM certificates GROUP BY status').all() as {
    status: string
    n: number
  }[]
  const total = rows.reduce((s, r) => s + r.n, 0)
  expect(rows.find((r) => r.status === 'valid')!.n / total).toBeGreaterThan(0.85)
  expect(rows.map((r) => r.status).sort()).toEqual([...CertificateStatusSchema.options].sort())
  // Every citizen has a 户口簿, and every adult an ID card at least: the population is all there.
  expect(total).toBeGreaterThanOrEqual(SIZE)
})

test('a minor’s guardians are in the same 户口簿, named 父亲 or 母亲 by their sex, one 18–45 years older; an adult has none', async () => {
  const guardiansOf = (index: number) =>
    gongan.read(gonganContracts.guardians.path, index, gonganContracts.guardians.responses[200])
  const minor = gongan.pick('SELECT person_index FROM guardians ORDER BY person_index LIMIT 1')
  const { guardians } = await guardiansOf(minor)
  const stored = gongan.dept.sqlite.prepare('SELECT count(*) AS n FROM guardians WHERE person_index = ?').get(minor)
  expect(guardians).toHaveLength((stored as { n: number }).n)
  expect([1, 2]).toContain(guardians.length)
  const { asOf, certificates } = await certificatesOf(minor)
  const register = certificates.find((c) => c.type === 'household_register')
  if (register?.type !== 'household_register') throw new Error('no household register')
  const child = person(SEED, minor)
  const birthOf = (id: string) => `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`
  for (const g of guardians) {
    expect(register.members.map((m) => m.idNumber)).toContain(g.idNumber)
    expect(g.relation).toBe(Number(g.idNumber[16]) % 2 === 1 ? '父亲' : '母亲')
  }
  const gaps = guardians.map((g) => ageOn(birthOf(g.idNumber), asOf) - ageOn(child.birthDate, asOf))
  expect(gaps.some((gap) => gap >= 18 && gap <= 45)).toBe(true)
  // The youngest adult: 18 or older on the reference date.
  const adult = gongan.pick(
    `SELECT person_index FROM citizens WHERE birth_date <= '${addYears(asOf, -18)}' ORDER BY birth_date DESC LIMIT 1`,
  )
  expect(ageOn(person(SEED, adult).birthDate, asOf)).toBeGreaterThanOrEqual(18)
  expect((await guardiansOf(adult)).guardians).toEqual([])
})

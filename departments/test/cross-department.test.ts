// A citizen's records agree across the stand-in departments: the same name, ID number and gender everywhere,
// certificate holders who are the citizen, 户口簿 membership and 结婚证 spouses that are symmetric.
import type { z } from '@ysx/shared/z'
import {
  departmentCommonContracts,
  DEPARTMENTS,
  gonganContracts,
  minzhengContracts,
  POPULATION_DEPARTMENT_CODES,
} from '@ysx/shared'
import { type BuiltDepartment, person } from '../src/harness'
import { loadStandIn } from '../src/stand-ins'
import { CALL_HEADERS, SEED, signedFetch, TRUST } from './helper'

const SIZE = 300
/** The departments that issue certificates, as the registry lists them */
const ISSUERS = POPULATION_DEPARTMENT_CODES.filter((code) => DEPARTMENTS[code].certificates.length > 0)
const bases = new Map<string, string>()
const depts: BuiltDepartment[] = []

beforeAll(async () => {
  for (const name of ISSUERS) {
    const dept = (await loadStandIn(name)).build({
      dbFile: ':memory:',
      seed: SEED,
      size: SIZE,
      logLevel: 'silent',
      ...TRUST,
    })
    depts.push(dept)
    bases.set(name, await dept.app.listen({ host: '127.0.0.1', port: 0 }))
  }
})
afterAll(async () => Promise.all(depts.map((d) => d.app.close())))

const post = async <S extends z.ZodType>(
  dept: string,
  path: string,
  idNumber: string,
  schema: S,
): Promise<z.output<S>> => {
  const res = await signedFetch(`${bases.get(dept)}${path}`, {
    method: 'POST',
    headers: CALL_HEADERS,
    body: JSON.stringify({ idNumber }),
  })
  expect(res.status).toBe(200)
  return schema.parse(await res.json())
}
const AnyCertificates = gonganContracts.certificates.responses[200].pick({ asOf: true })
type Holder = { holder: { name: string; idNumber: string; gender: string }; type: string }
const certificatesFrom = async (dept: string, idNumber: string) =>
  (
    (await post(dept, '/v1/certificates/lookup', idNumber, AnyCertificates.passthrough())) as unknown as {
      certificates: Holder[]
    }
  ).certificates
const household = async (idNumber: string) => {
  const { certificates } = await post(
    'gongan',
    gonganContracts.certificates.path,
    idNumber,
    gonganContracts.certificates.responses[200],
  )
  const book = certificates.find((c) => c.type === 'household_register')
  if (book?.type !== 'household_register') throw new Error('no household register')
  return book
}

test('every department knows the same population and reports one reference date', async () => {
  const health = await Promise.all(
    [...bases.values()].map(async (b) =>
      departmentCommonContracts.health.responses[200].parse(await (await fetch(`${b}/healthz`)).json()),
    ),
  )
  expect(new Set(health.map((h) => h.citizens))).toEqual(new Set([SIZE]))
  expect(new Set(health.map((h) => h.referenceDate)).size).toBe(1)
})

test('every certificate any department issued names the citizen as the 公安 register has them', async () => {
  for (let index = 0; index < 40; index += 1) {
    const p = person(SEED, index)
    const citizen = await post(
      'gongan',
      gonganContracts.lookupCitizen.path,
      p.idNumber,
      gonganContracts.lookupCitizen.responses[200],
    )
    for (const dept of ISSUERS) {
      for (const c of await certificatesFrom(dept, p.idNumber)) {
        expect({ dept, type: c.type, ...c.holder }).toEqual({
          dept,
          type: c.type,
          name: citizen.name,
          idNumber: citizen.idNumber,
          gender: citizen.gender,
        })
      }
    }
  }
})

test('household membership is symmetric: every member’s 户口簿 has the same number and the same members', async () => {
  for (let index = 0; index < 60; index += 1) {
    const book = await household(person(SEED, index).idNumber)
    for (const m of book.members) {
      const theirs = await household(m.idNumber)
      expect(theirs.householdNumber).toBe(book.householdNumber)
      expect(theirs.members).toEqual(book.members)
      expect(theirs.relationToHead).toBe(m.relationToHead)
    }
  }
})

test('marriage is symmetric: if A’s spouse is B then B’s spouse is A, on the same certificate, in one household', async () => {
  let couples = 0
  for (let index = 0; index < SIZE; index += 1) {
    const a = person(SEED, index)
    const { certificates } = await post(
      'minzheng',
      minzhengContracts.certificates.path,
      a.idNumber,
      minzhengContracts.certificates.responses[200],
    )
    const mine = certificates[0]
    if (!mine) continue
    couples += 1
    const theirs = (
      await post(
        'minzheng',
        minzhengContracts.certificates.path,
        mine.spouse.idNumber,
        minzhengContracts.certificates.responses[200],
      )
    ).certificates[0]
    expect(theirs?.spouse).toEqual({ name: a.name, idNumber: a.idNumber, gender: a.gender })
    expect({ ...theirs, holder: null, spouse: null }).toEqual({ ...mine, holder: null, spouse: null })
    expect((await household(a.idNumber)).members.map((m) => m.idNumber)).toContain(mine.spouse.idNumber)
  }
  expect(couples).toBeGreaterThan(20)
})

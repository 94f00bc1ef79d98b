// The 市场监管 stand-in over real HTTP: 营业执照 with a 统一社会信用代码 whose GB 32100 check character is right.
import { isValidUscc, shichangContracts } from '@ysx/shared'
import { person } from '../src/harness'
import { standIn as shichangStandIn } from '../src/shichang/app'
import {
  CALL_HEADERS,
  describeLookups,
  expectConsistentCertificate,
  SEED,
  signedFetch,
  startDepartment,
} from './helper'

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

describe('the legal-representative check', () => {
  const ask = async (index: number, creditCode: string) => {
    const res = await signedFetch(`${shichang.base}${c.representative.path}`, {
      method: 'POST',
      headers: CALL_HEADERS,
      body: JSON.stringify({ idNumber: person(SEED, index).idNumber, creditCode }),
    })
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }
  const licenceOf = (index: number) =>
    shichang.dept.sqlite
      .prepare(
        "SELECT certificate_number AS code FROM certificates WHERE person_index = ? AND type = 'business_licence'",
      )
      .get(index) as { code: string } | undefined

  test("confirms the registered representative with the business's name and the licence's status", async () => {
    const index = shichang.pick("SELECT person_index FROM certificates WHERE type = 'business_licence'")
    const { code } = licenceOf(index)!
    const { status, body } = await ask(index, code)
    expect(status).toBe(200)
    const check = c.representative.responses[200].parse(body)
    expect(check).toMatchObject({ creditCode: code, representative: true, entityName: expect.any(String) })
    expect(check.licenceStatus).not.toBeNull()
  })

  test('someone else asking about a real business is told no, and nothing about the business', async () => {
    const owner = shichang.pick("SELECT person_index FROM certificates WHERE type = 'business_licence'")
    const other = shichang.pick(
      'SELECT person_index FROM persons WHERE person_index NOT IN (SELECT person_index FROM certificates) LIMIT 1',
    )
    const { body } = await ask(other, licenceOf(owner)!.code)
    expect(body).toEqual({
      creditCode: licenceOf(owner)!.code,
      representative: false,
      entityName: null,
      licenceStatus: null,
    })
  })

  test('a credit code with a wrong check character is a 400 at body.creditCode', async () => {
    const owner = shichang.pick("SELECT person_index FROM certificates WHERE type = 'business_licence'")
    const code = licenceOf(owner)!.code
    const { status, body } = await ask(owner, code.slice(0, 17) + (code[17] === '0' ? '1' : '0'))
    expect(status).toBe(400)
    expect((body.details as { path: string }[]).map((d) => d.path)).toEqual(['body.creditCode'])
  })
})

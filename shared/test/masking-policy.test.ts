// The masking policy and the masked views: one rule per kind of personal field, applied alike to every copy; a masked
// view of each certificate type shows its allow-list only, so no hidden field (birth date, full address, a number
// repeated beside its masked copy) reaches a reply without the step-up.
import fc from 'fast-check'
import {
  CERTIFICATE_TYPES,
  type CertificateType,
  type FieldKind,
  keptPositions,
  makeIdNumber,
  MASKED_VIEWS,
  maskAddress,
  maskAs,
  maskCertificate,
} from '../src'

const SEED = 20261202
const KINDS: Exclude<FieldKind, 'address'>[] = [
  'idNumber',
  'name',
  'phone',
  'birthDate',
  'plate',
  'vin',
  'cardNumber',
  'documentNumber',
]

test('every kind: the masked copy keeps exactly the rule positions, is idempotent and hides at least two characters', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...KINDS),
      fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 30 }),
      (kind, raw) => {
        const value = raw.replaceAll('*', '0')
        const masked = maskAs(kind, value)
        const kept = new Set(keptPositions(kind, value.length))
        expect(masked).toHaveLength(value.length)
        ;[...masked].forEach((c, i) => expect(c).toBe(kept.has(i) ? value[i] : '*'))
        expect(maskAs(kind, masked)).toBe(masked)
        // One hidden character of an ID number is computable from its check character: never fewer than two (a name
        // keeps its last character, whatever its length).
        expect(value.length - kept.size).toBeGreaterThanOrEqual(Math.min(kind === 'name' ? 1 : 2, value.length))
      },
    ),
    { seed: SEED },
  )
})

const idNumber = fc
  .record({
    region: fc.constantFrom('440106', '440305', '441900', '445102'),
    birth: fc.date({ min: new Date('1930-01-01'), max: new Date('2024-12-31'), noInvalidDate: true }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, birth, sequence }) =>
    makeIdNumber(region, birth.toISOString().slice(0, 10).replaceAll('-', ''), sequence),
  )

test('the ID number rule never shows the birth date nor the district', () => {
  fc.assert(
    fc.property(idNumber, (id) => {
      const masked = maskAs('idNumber', id)
      expect(masked.slice(3, 14)).toBe('*'.repeat(11))
      expect(masked.slice(0, 3)).toBe(id.slice(0, 3))
      expect(masked.slice(14)).toBe(id.slice(14))
    }),
    { seed: SEED },
  )
})

test('addresses and place-named authorities stop at the city', () => {
  expect(maskAddress('广东省广州市天河区中山路12号')).toBe('广东省广州市****')
  expect(maskAddress('广州市公安局天河分局')).toBe('广州市****')
  expect(maskAddress('东莞市公安局')).toBe('东莞市****')
  expect(maskAddress('广州市天河区民政局婚姻登记处')).toBe('广州市****')
  expect(maskAddress('广东省广州市****')).toBe('广东省广州市****')
  expect(maskAddress('中山路12号')).toBe('****')
})

const HAN = fc.constantFrom(...'张王李赵陈刘杨黄周吴明华丽伟芳军')
const name = fc.array(HAN, { minLength: 2, maxLength: 4 }).map((a) => a.join(''))
const address = fc
  .tuple(fc.constantFrom('广东省广州市天河区', '广东省深圳市南山区', '广东省东莞市'), fc.integer({ min: 1, max: 300 }))
  .map(([place, n]) => `${place}中山路${n}号`)
const digits = (n: number) => fc.stringMatching(new RegExp(`^[1-9]\\d{${n - 1}}$`))

/** One certificate of `type` for a holder, with the department's own fields filled in. */
const certificate = (type: CertificateType) =>
  fc
    .record({
      id: idNumber,
      other: idNumber,
      holder: name,
      kin: name,
      address,
      number: digits(12),
      household: digits(9),
      card: fc.stringMatching(/^[A-Z]\d{8}$/),
      plate: fc.stringMatching(/^粤[A-Z]·[A-Z0-9]{5}$/),
      vin: fc.stringMatching(/^[A-HJ-NPR-Z0-9]{17}$/),
    })
    .map((v) => {
      const birthDate = `${v.id.slice(6, 10)}-${v.id.slice(10, 12)}-${v.id.slice(12, 14)}`
      const own: Record<CertificateType, [string, Record<string, unknown>]> = {
        id_card: [v.id, { ethnicity: '汉族', birthDate, address: v.address, validityYears: 10 }],
        household_register: [
          v.household,
          {
            householdNumber: v.household,
            householdType: '家庭户',
            address: v.address,
            relationToHead: '户主',
            head: { name: v.holder, idNumber: v.id, gender: 'male' },
            members: [
              { name: v.holder, idNumber: v.id, gender: 'male', relationToHead: '户主' },
              { name: v.kin, idNumber: v.other, gender: 'female', relationToHead: '配偶' },
            ],
          },
        ],
        residence_permit: [`440305${v.number}`, { residenceAddress: v.address, registeredAddress: v.address }],
        social_security_card: [
          v.card,
          { cardNumber: v.card, socialSecurityNumber: v.id, bank: '中国工商银行', generation: '第三代' },
        ],
        housing_fund_certificate: [
          `GJJ${v.number}`,
          {
            accountNumber: v.number,
            employer: '某公司',
            openedOn: '2015-01-01',
            depositStatus: '缴存',
            monthlyDeposit: 1000,
            balanceAtIssue: 5000,
          },
        ],
        driving_licence: [
          v.id,
          {
            licenceClass: 'C1',
            firstIssueDate: '2010-01-01',
            archiveNumber: v.number,
            points: { cycleStart: '2025-01-01', cycleEnd: '2025-12-31', deducted: 3, remaining: 9 },
            deductions: [{ decisionNumber: `${v.number}0001`, occurredAt: '2025-03-01T10:00:00+08:00', points: 3 }],
          },
        ],
        vehicle_licence: [
          `4401${v.number.slice(0, 8)}`,
          { plateNumber: v.plate, vehicleType: '小型轿车', brand: '比亚迪', energy: '纯电动', vin: v.vin },
        ],
        passport: [`E${v.number.slice(0, 8)}`, { passportType: 'P', countryCode: 'CHN', placeOfIssue: '广东' }],
        hk_macau_permit: [`C${v.number.slice(0, 8)}`, { endorsements: [] }],
        marriage_certificate: [
          `J440106-2020-${v.number.slice(0, 7)}`,
          { spouse: { name: v.kin, idNumber: v.other, gender: 'female' }, registeredOn: '2020-05-20' },
        ],
        business_licence: [
          `92440106${v.number.slice(0, 10)}`,
          {
            creditCode: `92440106${v.number.slice(0, 10)}`,
            entityName: '天河区某某餐饮店',
            legalRepresentative: v.holder,
            address: v.address,
          },
        ],
      }
      const [certificateNumber, fields] = own[type]
      return {
        v,
        birthDate,
        c: {
          type,
          certificateNumber,
          // Where the type's authority names a district, it is one; the others are city offices.
          issuingAuthority: MASKED_VIEWS[type].issuingAuthority === 'address' ? '广州市公安局天河分局' : '广州市人社局',
          holder: { name: v.holder, idNumber: v.id, gender: 'male' },
          ...fields,
        },
      }
    })

test.each(Object.keys(CERTIFICATE_TYPES) as CertificateType[])(
  'the masked %s shows its allow-list only, no birth date, no district, no number beside a masked copy',
  (type) => {
    fc.assert(
      fc.property(certificate(type), ({ v, birthDate, c }) => {
        const view = maskCertificate(c)
        const listed = Object.keys(MASKED_VIEWS[type].fields)
        for (const f of view.fields) expect(listed).toContain(f.key.replace(/\.\d+(?=\.|$)/g, '.*'))
        const text = JSON.stringify(view)
        for (const secret of [v.id, v.other, v.holder, v.household, v.card, v.number, v.plate, v.vin, v.address])
          expect(text).not.toContain(secret)
        expect(text).not.toContain(birthDate)
        expect(text).not.toContain(v.id.slice(6, 14))
        expect(text).not.toMatch(/天河|南山/)
        // The number by its kind's rule; the ID number's copies all alike.
        expect(view.number).toBe(maskAs(MASKED_VIEWS[type].number, c.certificateNumber))
        for (const f of view.fields.filter((x) => /idNumber|socialSecurityNumber/.test(x.key)))
          expect(f.value).toBe(maskAs('idNumber', v.id))
      }),
      { seed: SEED, numRuns: 50 },
    )
  },
)

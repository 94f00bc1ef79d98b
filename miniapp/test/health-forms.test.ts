// The 粤康码 forms' local checks mirror the contracts (declarations, venues, family, appeals), in the catalogue's words;
// and the venue QR link round-trips to the code the check-in page sends.
import { FAMILY_CONSENT_VERSION, makeUscc } from '@ysx/shared'
import { checkAppeal, targetKindFor } from '../src/hooks/use-appeal'
import { checkHealth, checkTrip, errorsFrom, parseTemperature } from '../src/hooks/use-declare-form'
import { checkFamily } from '../src/hooks/use-family'
import { checkVenue } from '../src/hooks/use-venue-form'
import { firstLevel, firstOf, placeOf, secondLevel } from '../src/division-options'
import { t } from '../src/i18n'
import { fromParam, venueCodeFrom, venueQrText } from '../src/venue-link'

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: jest.requireActual<typeof import('./taro-mock')>('./taro-mock').taro,
}))

describe('health declaration', () => {
  it('reads a temperature with at most one decimal', () => {
    expect(parseTemperature('36.5')).toBe(36.5)
    expect(parseTemperature(' 37 ')).toBe(37)
    for (const text of ['', '36.55', '36.', '.5', '3e1', '36,5', '365']) expect(parseTemperature(text)).toBeNull()
  })

  it('builds the declaration the contract accepts', () => {
    expect(checkHealth({ temperature: '37.3', symptoms: ['cough', 'fever'], closeContact: false })).toEqual({
      declaration: { kind: 'health', temperature: 37.3, symptoms: ['cough', 'fever'], closeContact: false },
    })
  })

  it('refuses a temperature out of 34–43 and an unanswered close-contact question, each with its message', () => {
    expect(checkHealth({ temperature: '44.0', symptoms: [], closeContact: true })).toEqual({
      errors: { temperature: t('healthCode.declare.temperatureInvalid') },
    })
    expect(checkHealth({ temperature: '', symptoms: [], closeContact: null })).toEqual({
      errors: {
        temperature: t('healthCode.declare.temperatureInvalid'),
        closeContact: t('healthCode.declare.closeContactRequired'),
      },
    })
  })
})

describe('trip declaration', () => {
  const trip = { destination: '440106', departedOn: '2026-11-20', returnedOn: '2026-11-22' }
  it('sends the picked division code and keeps the dates', () => {
    expect(checkTrip(trip)).toEqual({
      declaration: { kind: 'trip', destination: '440106', departedOn: '2026-11-20', returnedOn: '2026-11-22' },
    })
  })
  it('refuses a destination typed as text: only a division code is a place', () => {
    for (const destination of ['天河区石牌街道', '广州市天河区', '440199'])
      expect(checkTrip({ ...trip, destination })).toEqual({
        errors: { destination: t('healthCode.declare.destinationInvalid') },
      })
  })
  it('says a return before the departure is one, and asks for a destination and dates', () => {
    expect(checkTrip({ ...trip, returnedOn: '2026-11-19' })).toEqual({
      errors: { returnedOn: t('healthCode.declare.returnBeforeDeparture') },
    })
    expect(checkTrip({ destination: '天', departedOn: '', returnedOn: '' })).toEqual({
      errors: {
        destination: t('healthCode.declare.destinationInvalid'),
        departedOn: t('healthCode.declare.dateRequired'),
        returnedOn: t('healthCode.declare.dateRequired'),
      },
    })
  })
  it('maps the BFF’s field paths (body.temperature) to the same fields', () => {
    expect(
      errorsFrom([
        ['body', 'temperature'],
        ['body', 'unknown'],
      ]),
    ).toEqual({ temperature: t('healthCode.declare.temperatureInvalid') })
  })
})

describe('venue registration', () => {
  const creditCode = makeUscc('92', '440106', '12345678')
  it('trims and accepts a district picked by code, or names each field that is wrong', () => {
    expect(
      checkVenue({
        creditCode: ` ${creditCode.toLowerCase()} `,
        name: ' 石牌社区服务中心 ',
        areaCode: '440106',
        address: '天河路 100 号',
      }),
    ).toEqual({
      input: { creditCode, name: '石牌社区服务中心', areaCode: '440106', address: '天河路 100 号' },
    })
    expect(checkVenue({ creditCode: '12345', name: '店', areaCode: '', address: '1号' })).toEqual({
      errors: {
        creditCode: t('healthCode.venue.creditCodeInvalid'),
        name: t('healthCode.venue.nameInvalid'),
        areaCode: t('healthCode.venue.areaInvalid'),
        address: t('healthCode.venue.addressInvalid'),
      },
    })
  })
  it('refuses an area typed as text, a whole city that has districts, and a place outside Guangdong', () => {
    for (const areaCode of ['天河区石牌街道', '440100', '110000'])
      expect(checkVenue({ creditCode, name: '石牌社区服务中心', areaCode, address: '天河路 100 号' })).toEqual({
        errors: { areaCode: t('healthCode.venue.areaInvalid') },
      })
  })
})

describe('the area picker', () => {
  it('offers the 21 cities, then the districts of the one picked; 东莞 and 中山 are places by themselves', () => {
    expect(firstLevel('venue')).toHaveLength(21)
    expect(secondLevel('440100', 'venue', '全市')[0]).toEqual({ code: '440103', name: '荔湾区' })
    expect(secondLevel('441900', 'venue', '全市')).toEqual([])
    expect(placeOf('441900', 'venue')).toBe('441900')
    expect(placeOf('440100', 'venue')).toBe('')
    expect(firstOf('440305', 'venue')).toBe('440300')
  })
  it('for a trip, also the other provinces, and 全市 for a whole city', () => {
    expect(firstLevel('trip')).toHaveLength(21 + 33)
    expect(secondLevel('440300', 'trip', '全市')[0]).toEqual({ code: '440300', name: '全市' })
    expect(placeOf('110000', 'trip')).toBe('110000')
    expect(firstOf('440300', 'trip')).toBe('440300')
  })
})

describe('venue QR link', () => {
  const code = 'eyJhbGciOiJFUzI1NiJ9.eyJ2IjoiMSJ9.c2ln~x+y/z='
  it('is an H5 link to the check-in page on H5 and the code itself elsewhere', () => {
    expect(venueQrText(code, 'https://ysx.example')).toBe(
      `https://ysx.example/#/pages/check-in/index?v=${encodeURIComponent(code)}`,
    )
    expect(venueQrText(code, null)).toBe(code)
  })
  it('gives back the code from the link, from a pasted code, and from a router parameter either way', () => {
    expect(venueCodeFrom(venueQrText(code, 'https://ysx.example'))).toBe(code)
    expect(venueCodeFrom(`  ${code}\n`)).toBe(code)
    expect(venueCodeFrom('https://ysx.example/#/pages/check-in/index')).toBe('')
    expect(fromParam(encodeURIComponent(code))).toBe(code)
    expect(fromParam('abc.def')).toBe('abc.def')
    expect(fromParam(undefined)).toBe('')
  })
})

describe('family member', () => {
  const standin = { kind: 'standin' as const, image: '', spokenDigits: '123456' }
  const fields = {
    name: '王小明',
    idNumber: '11010519491231002x',
    relation: 'grandparent' as const,
    method: 'member' as const,
    accepted: true,
  }
  it('records the consent with the statement version, for a real name and ID number', () => {
    expect(checkFamily(fields)).toEqual({
      input: {
        name: '王小明',
        idNumber: '11010519491231002X',
        relation: 'grandparent',
        consent: { accepted: true, method: 'member', version: FAMILY_CONSENT_VERSION },
      },
    })
  })
  it("the member's face on this phone goes with the face method only", () => {
    const face = { verifyId: '6f1c2a4e-5b7d-4c8e-9f0a-1b2c3d4e5f60', sample: standin }
    expect(checkFamily({ ...fields, method: 'face' })).toEqual({
      errors: { face: t('healthCode.family.faceRequired') },
    })
    expect(checkFamily({ ...fields, method: 'face' }, face)).toMatchObject({ input: { face } })
    expect(checkFamily(fields, face)).toEqual({ errors: { face: t('healthCode.family.faceRequired') } })
  })
  it('needs the explicit tick, a Chinese name and a valid ID number', () => {
    expect(checkFamily({ ...fields, accepted: false })).toEqual({
      errors: { consent: t('healthCode.family.consentRequired') },
    })
    expect(checkFamily({ ...fields, name: 'Wang', idNumber: '110105194912310021' })).toEqual({
      errors: { name: t('healthCode.family.nameInvalid'), idNumber: t('healthCode.family.idNumberInvalid') },
    })
  })
})

describe('appeal', () => {
  it('suggests the record a rule is about', () => {
    expect(targetKindFor('yellow.risk_venue')).toBe('check_in')
    expect(targetKindFor('red.positive_test')).toBe('test_result')
    expect(targetKindFor('yellow.risk_trip')).toBe('declaration')
    expect(targetKindFor('red.close_contact')).toBe('declaration')
  })
  it('builds the target the contract wants: an id for a check-in or a declaration, none for a test result', () => {
    const statement = '当天我在外地出差，没有去过该场所'
    expect(checkAppeal({ rule: 'yellow.risk_venue', kind: 'check_in', targetId: 'ci-1', statement })).toEqual({
      input: { rule: 'yellow.risk_venue', target: { kind: 'check_in', id: 'ci-1' }, statement },
    })
    expect(checkAppeal({ rule: 'red.positive_test', kind: 'test_result', targetId: 'ignored', statement })).toEqual({
      input: { rule: 'red.positive_test', target: { kind: 'test_result' }, statement },
    })
  })
  it('asks for the reason, the record and a statement of 5–500 characters', () => {
    expect(checkAppeal({ rule: '', kind: 'declaration', targetId: ' ', statement: '太短' })).toEqual({
      errors: {
        rule: t('healthCode.appeal.reason'),
        target: t('healthCode.appeal.targetRequired'),
        statement: t('healthCode.appeal.statementInvalid'),
      },
    })
  })
})

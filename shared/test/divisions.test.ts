// GB/T 2260 divisions: Guangdong's 21 cities with their districts as data, and the prefix rule risk areas are matched
// by. Attack: a risk area matched by the characters of its name (the substring test this replaced) or by a sibling.
import fc from 'fast-check'
import {
  divisionName,
  divisionPrefix,
  GUANGDONG_CITIES,
  isDivisionCode,
  isVenueAreaCode,
  OTHER_PROVINCES,
  withinDivision,
} from '../src/domain/divisions'

const cities = Object.entries(GUANGDONG_CITIES)
const leaves = cities.flatMap(([city, c]) => {
  const d = Object.keys(c.divisions)
  return d.length > 0 ? d : [city]
})

test("Guangdong's 21 prefecture-level cities, each district coded under its city, 东莞 and 中山 without districts", () => {
  expect(cities).toHaveLength(21)
  for (const [city, c] of cities) {
    expect(city).toMatch(/^44\d{2}00$/)
    expect(c.name).toMatch(/市$/)
    for (const [code, name] of Object.entries(c.divisions)) {
      expect([code, code.slice(0, 4)]).toEqual([code, city.slice(0, 4)])
      expect(code.slice(4)).not.toBe('00')
      expect(name).toMatch(/(区|县|市)$/)
    }
  }
  expect(Object.keys(GUANGDONG_CITIES['441900']!.divisions)).toEqual([])
  expect(Object.keys(GUANGDONG_CITIES['442000']!.divisions)).toEqual([])
  expect(divisionName('440100')).toBe('广州市')
  expect(divisionName('440103')).toBe('广州市荔湾区')
  expect(divisionName('440305')).toBe('深圳市南山区')
  expect(divisionName('441900')).toBe('东莞市')
  expect(Object.keys(OTHER_PROVINCES)).toHaveLength(33)
})

test('a venue is in a district (or a city without districts), never a city that has them, a province or text', () => {
  for (const code of leaves) expect([code, isVenueAreaCode(code)]).toEqual([code, true])
  for (const code of ['440100', '440300', '440000', '110000', '440199', '广州市荔湾区', '4401', ''])
    expect([code, isVenueAreaCode(code)]).toEqual([code, false])
})

test('a district flag matches that district only: 440104 does not cover its sibling 440103 nor its city 440100', () => {
  expect(withinDivision('440104', '440104')).toBe(true)
  expect(withinDivision('440103', '440104')).toBe(false)
  expect(withinDivision('440100', '440104')).toBe(false)
  fc.assert(
    fc.property(fc.constantFrom(...leaves), fc.constantFrom(...leaves), (place, flagged) => {
      expect(withinDivision(place, flagged)).toBe(place === flagged)
    }),
    { seed: 20261202, numRuns: 2000 },
  )
})

test('a city-level flag covers each of its districts and nothing outside the city; 广东省 covers every city', () => {
  for (const [city, c] of cities) {
    for (const code of Object.keys(c.divisions)) expect(withinDivision(code, city)).toBe(true)
    for (const other of leaves.filter((l) => !l.startsWith(divisionPrefix(city))))
      expect([other, city, withinDivision(other, city)]).toEqual([other, city, false])
  }
  for (const code of leaves) expect(withinDivision(code, '440000')).toBe(true)
  expect(withinDivision('110000', '440000')).toBe(false)
})

test('text is never a division: names, fragments and padded codes match nothing', () => {
  for (const text of ['广州市荔湾区', '荔湾', '440103沙面街道', ' 440103', '4401', '44', '']) {
    expect(isDivisionCode(text)).toBe(false)
    expect(withinDivision(text, '440100')).toBe(false)
    expect(withinDivision('440103', text)).toBe(false)
  }
})

test.each(['toString', 'constructor', '__proto__', 'hasOwnProperty'])(
  'the inherited name %s is no division: not a code, no name, covers nothing',
  (name) => {
    expect(isDivisionCode(name)).toBe(false)
    expect(divisionName(name)).toBeUndefined()
    expect(withinDivision(name, '440000')).toBe(false)
    expect(withinDivision('440103', name)).toBe(false)
  },
)

test.each([
  ['440000', '广东省', '44'],
  ['110000', '北京市', '11'],
  ['650000', '新疆维吾尔自治区', '65'],
  ['810000', '香港特别行政区', '81'],
  ['440100', '广州市', '4401'],
  ['442000', '中山市', '4420'],
  ['440103', '广州市荔湾区', '440103'],
  ['441581', '汕尾市陆丰市', '441581'],
  ['440110', undefined, '440110'],
  ['440300', '深圳市', '4403'],
  ['449900', undefined, '4499'],
])('the division %s is named %s and prefixes %s', (code, name, prefix) => {
  expect(divisionName(code)).toBe(name)
  expect(divisionPrefix(code)).toBe(prefix)
})

test('a code not listed covers nothing and is covered by nothing, even under a listed prefix', () => {
  expect(withinDivision('440199', '440100')).toBe(false)
  expect(withinDivision('440103', '440199')).toBe(false)
  expect(withinDivision('440103', '440100')).toBe(true)
  expect(withinDivision('110000', '110000')).toBe(true)
  expect(withinDivision('440100', '440000')).toBe(true)
  expect(withinDivision('440000', '440100')).toBe(false)
})

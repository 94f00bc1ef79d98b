// The service catalogue as data (bff/catalogue/services.json): validated by its contract, as large and as wide as the
// hall needs, and searchable the way citizens type — Chinese, full pinyin, initials, a mix, and everyday words.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import {
  CatalogueSchema,
  CERTIFICATE_TYPES,
  GUANGDONG_CITIES,
  HALL_DEPARTMENTS,
  hallDepartmentName,
  LIFE_EVENTS,
} from '@ysx/shared'
import { loadCatalogue, pinyinMatch, syllablesOf } from '../../src/hall/catalogue'

const data = CatalogueSchema.parse(
  JSON.parse(readFileSync(path.resolve(__dirname, '../../catalogue/services.json'), 'utf8')),
)
const catalogue = loadCatalogue()
const GUANGZHOU = '440100'
const SHEBAO = /社保|社会保险|社会保障/

describe('the catalogue data', () => {
  test('holds at least 400 services from at least 12 departments, every one valid under the contract', () => {
    expect(data.services.length).toBeGreaterThanOrEqual(400)
    expect(new Set(data.services.map((s) => s.department)).size).toBeGreaterThanOrEqual(12)
    expect(catalogue.size).toBe(data.services.length)
  })

  test('every department a service names has a name in the one list of departments', () => {
    for (const s of data.services) {
      expect(HALL_DEPARTMENTS).toContain(s.department)
      expect(hallDepartmentName(s.department)).toMatch(/\p{Script=Han}/u)
    }
  })

  test('each of the 21 prefecture cities has its own variants, run by its own authority', () => {
    const cities = Object.entries(GUANGDONG_CITIES)
    expect(cities).toHaveLength(21)
    for (const [code, city] of cities) {
      const own = data.services.filter((s) => s.city === code)
      expect(own.length).toBeGreaterThanOrEqual(10)
      expect(own.every((s) => s.authority.startsWith(city.name))).toBe(true)
    }
  })

  test('居住证申领 exists in every city, each with a promised time limit within the statutory one', () => {
    const permits = data.services.filter((s) => s.name === '居住证申领')
    expect(new Set(permits.map((s) => s.city))).toEqual(new Set(Object.keys(GUANGDONG_CITIES)))
    expect(permits.every((s) => s.limits.promised <= s.limits.statutory)).toBe(true)
    // the cities do not all promise the same
    expect(new Set(permits.map((s) => s.limits.promised)).size).toBeGreaterThan(1)
  })

  test('every life event groups some services, and a wallet certificate replaces only evidence-level A materials', () => {
    for (const event of LIFE_EVENTS) expect(data.services.some((s) => s.events.includes(event))).toBe(true)
    const replaced = data.services.flatMap((s) => s.materials).filter((m) => m.credential)
    expect(replaced.length).toBeGreaterThan(0)
    for (const m of replaced) {
      expect(m.evidence).toBe('A')
      expect(Object.keys(CERTIFICATE_TYPES)).toContain(m.credential)
    }
  })

  test('a service with a duplicate code or a code outside its city is refused by the contract', () => {
    const [first] = data.services
    expect(CatalogueSchema.safeParse({ version: 'x', services: [first, first] }).success).toBe(false)
    expect(CatalogueSchema.safeParse({ version: 'x', services: [{ ...first, city: GUANGZHOU }] }).success).toBe(false)
  })
})

describe('pinyin matching', () => {
  test('reads each Han character as one syllable, letters and digits one by one', () => {
    expect(syllablesOf('社保卡A1')).toEqual(['she', 'bao', 'ka', 'a', '1'])
  })

  test('matches full pinyin, initials and a mix of both, from where they start', () => {
    const s = syllablesOf('住房公积金提取')
    expect(pinyinMatch(s, 'zhufang')).toBe(0)
    expect(pinyinMatch(s, 'gjjtiqu')).toBe(2)
    expect(pinyinMatch(s, 'gongjijintq')).toBe(2)
    expect(pinyinMatch(s, 'shebao')).toBe(-1)
  })
})

describe('searching', () => {
  const names = (q: string, city = GUANGZHOU) => catalogue.search({ q, city }).map((s) => s.name)

  test.each(['shebao', 'sb', '社保', '社会保险'])('"%s" puts 社保 services first', (q) => {
    const top = names(q).slice(0, 3)
    expect(top).toHaveLength(3)
    for (const name of top) expect(name).toMatch(SHEBAO)
  })

  test('"gjj tiqu" finds 公积金提取 first, the city’s own before the province’s', () => {
    const found = catalogue.search({ q: 'gjj tiqu', city: GUANGZHOU })
    expect(found[0]).toMatchObject({ name: '住房公积金提取（租房）', city: GUANGZHOU })
    expect(found.slice(0, 4).every((s) => s.name.startsWith('住房公积金提取'))).toBe(true)
  })

  test('everyday words find the formal name: 驾照 finds 驾驶证期满换证', () => {
    expect(names('驾照')).toContain('驾驶证期满换证')
  })

  test('switching the city changes the results: 居住证申领 from that city’s 公安局', () => {
    const inCity = (city: string) => catalogue.search({ q: '居住证申领', city })[0]
    expect(inCity(GUANGZHOU)).toMatchObject({ city: GUANGZHOU, authority: '广州市公安局' })
    expect(inCity('440300')).toMatchObject({ city: '440300', authority: '深圳市公安局' })
  })

  test('filters by life event and department, and a query that matches nothing finds nothing', () => {
    const births = catalogue.search({ city: GUANGZHOU, event: 'birth' })
    expect(births.length).toBeGreaterThan(0)
    expect(births.every((s) => data.services.find((d) => d.code === s.code)!.events.includes('birth'))).toBe(true)
    expect(catalogue.search({ city: GUANGZHOU, department: 'shuiwu' }).every((s) => s.department === 'shuiwu')).toBe(
      true,
    )
    expect(catalogue.search({ q: 'qqqqzzzz', city: GUANGZHOU })).toEqual([])
  })
})

// The synthetic world's "today" apart from the seed: the same population (the seed) seeded for another reference
// date keeps every citizen and moves their dated records with it; a file seeded for one date is seeded again for
// another, and kept as it is for the same one.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { weijianContracts } from '@ysx/shared'
import { addDays, dayOf, loadDepartmentsConfig, person, buildDepartment } from '../src/harness'
import { standIn as weijianStandIn } from '../src/weijian/app'
import { CALL_HEADERS, SEED, signedFetch, TRUST } from './helper'

const SIZE = 60

async function open(dbFile: string, referenceDate: string) {
  const dept = buildDepartment(weijianStandIn, {
    dbFile,
    seed: SEED,
    size: SIZE,
    referenceDate,
    logLevel: 'silent',
    ...TRUST,
  })
  const base = await dept.app.listen({ host: '127.0.0.1', port: 0 })
  const health = (await (await fetch(`${base}/healthz`)).json()) as { referenceDate: string }
  const tests = async (index: number) => {
    const res = await signedFetch(`${base}${weijianContracts.nucleicAcidTests.path}`, {
      method: 'POST',
      headers: { ...CALL_HEADERS, 'content-type': 'application/json' },
      body: JSON.stringify({ idNumber: person(SEED, index).idNumber }),
    })
    return weijianContracts.nucleicAcidTests.responses[200].parse(await res.json()).tests
  }
  const logged = () => (dept.sqlite.prepare('SELECT count(*) AS n FROM access_log').get() as { n: number }).n
  return { dept, health, tests, logged }
}

test('the same seed for a later reference date keeps every citizen and moves their test dates by the same days', async () => {
  const dbFile = path.join(mkdtempSync(path.join(tmpdir(), 'ysx-ref-')), 'weijian.sqlite')
  const first = await open(dbFile, '2026-11-01')
  expect(first.health.referenceDate).toBe('2026-11-01')
  let index = 0
  let before = await first.tests(index)
  while (before.length === 0) before = await first.tests(++index)
  await first.dept.app.close()

  const later = await open(dbFile, '2026-12-01')
  expect(later.health.referenceDate).toBe('2026-12-01')
  const after = await later.tests(index)
  const shift = dayOf('2026-12-01') - dayOf('2026-11-01')
  expect(after.map((t) => t.sampledAt.slice(0, 10))).toEqual(
    before.map((t) => addDays(t.sampledAt.slice(0, 10), shift)),
  )
  await later.dept.app.close()
})

test('a file is seeded again only when its reference date changes', async () => {
  const dbFile = path.join(mkdtempSync(path.join(tmpdir(), 'ysx-ref-')), 'weijian.sqlite')
  const a = await open(dbFile, '2026-11-01')
  await a.tests(1)
  expect(a.logged()).toBe(1)
  await a.dept.app.close()
  const same = await open(dbFile, '2026-11-01')
  expect(same.logged()).toBe(1) // kept: the call above is still in the access log
  await same.dept.app.close()
  const other = await open(dbFile, '2026-11-02')
  expect(other.logged()).toBe(0) // seeded again for the new date
  await other.dept.app.close()
})

test('DEPT_REFERENCE_DATE is read as a calendar date, and left to the seed when unset', () => {
  expect(loadDepartmentsConfig({ DEPT_REFERENCE_DATE: '2027-01-15' }).referenceDate).toBe('2027-01-15')
  expect(loadDepartmentsConfig({}).referenceDate).toBeUndefined()
  expect(() => loadDepartmentsConfig({ DEPT_REFERENCE_DATE: '2027-13-45' })).toThrow()
  expect(() => loadDepartmentsConfig({ DEPT_REFERENCE_DATE: 'tomorrow' })).toThrow()
})

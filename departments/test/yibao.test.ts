// The 医保 stand-in over real HTTP: enrolment and balance for everyone, settlements that add up.
import { yibaoContracts } from '@ysx/shared'
import { addDays } from '../src/harness'
import { standIn as yibaoStandIn } from '../src/yibao/app'
import { describeLookups, startDepartment } from './helper'

const yibao = startDepartment(yibaoStandIn)
const c = yibaoContracts

describeLookups(yibao, [c.account.path, c.spending.path])

test('an employee has a personal-account balance; a resident-scheme member has none', async () => {
  const employee = yibao.pick("SELECT person_index FROM accounts WHERE scheme = '职工基本医疗保险' LIMIT 1")
  expect((await yibao.read(c.account.path, employee, c.account.responses[200])).balance).toBeGreaterThan(0)
  const resident = yibao.pick("SELECT person_index FROM accounts WHERE scheme = '城乡居民基本医疗保险' LIMIT 1")
  expect(await yibao.read(c.account.path, resident, c.account.responses[200])).toMatchObject({
    scheme: '城乡居民基本医疗保险',
    balance: 0,
  })
})

test('each settlement splits its total exactly between fund, account and cash, newest first, within 12 months', async () => {
  const index = yibao.pick('SELECT person_index FROM settlements GROUP BY person_index HAVING count(*) >= 3 LIMIT 1')
  const { records } = await yibao.read(c.spending.path, index, c.spending.responses[200])
  expect(records.length).toBeGreaterThanOrEqual(3)
  const dates = records.map((r) => r.date)
  expect(dates).toEqual([...dates].sort().reverse())
  const asOf = (await (await fetch(`${yibao.base}/healthz`)).json()) as { referenceDate: string }
  for (const r of records) {
    expect(r.fundPaid + r.accountPaid + r.selfPaid).toBeCloseTo(r.total, 2)
    expect(r.date >= addDays(asOf.referenceDate, -365) && r.date < asOf.referenceDate).toBe(true)
  }
})

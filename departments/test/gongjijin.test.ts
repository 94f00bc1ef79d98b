// The 公积金 stand-in over real HTTP: the account, a statement whose running balance ends at the account
// balance, and the 缴存证明.
import { gongjijinContracts } from '@ysx/shared'
import { standIn as gongjijinStandIn } from '../src/gongjijin/app'
import { describeLookups, expectConsistentCertificate, startDepartment } from './helper'

const gongjijin = startDepartment(gongjijinStandIn)
const c = gongjijinContracts

describeLookups(gongjijin, [c.certificates.path, c.account.path, c.statement.path])

test('the statement runs from the opening balance to the account balance, never below zero', async () => {
  const index = gongjijin.pick('SELECT person_index FROM withdrawals LIMIT 1')
  const { account } = await gongjijin.read(c.account.path, index, c.account.responses[200])
  const { statement } = await gongjijin.read(c.statement.path, index, c.statement.responses[200])
  expect(account && statement).toBeTruthy()
  expect(statement!.closingBalance).toBeCloseTo(account!.balance, 2)
  let balance = statement!.openingBalance
  for (const e of statement!.entries) {
    balance += e.kind === 'deposit' ? e.amount : -e.amount
    expect(e.balanceAfter).toBeCloseTo(balance, 2)
    expect(e.balanceAfter).toBeGreaterThanOrEqual(0)
  }
  expect(statement!.entries.some((e) => e.kind === 'withdrawal')).toBe(true)
  expect(account!.monthlyDeposit).toBeCloseTo(Math.round(account!.base * account!.rate * 100) / 50, 2)
})

test('a citizen without an account gets nulls, not an error', async () => {
  const index = gongjijin.pick(
    'SELECT p.person_index FROM persons p LEFT JOIN accounts a USING (person_index) WHERE a.person_index IS NULL LIMIT 1',
  )
  expect(await gongjijin.read(c.account.path, index, c.account.responses[200])).toEqual({ account: null })
  expect(await gongjijin.read(c.statement.path, index, c.statement.responses[200])).toEqual({ statement: null })
})

test('the 缴存证明 is valid for 90 days and names the account', async () => {
  const index = gongjijin.pick("SELECT person_index FROM certificates WHERE type = 'housing_fund_certificate' LIMIT 1")
  const { asOf, certificates } = await gongjijin.read(c.certificates.path, index, c.certificates.responses[200])
  const { account } = await gongjijin.read(c.account.path, index, c.account.responses[200])
  const proof = certificates[0]!
  expect(proof.accountNumber).toBe(account!.accountNumber)
  expect((Date.parse(proof.expiryDate!) - Date.parse(proof.issueDate)) / 86_400_000).toBe(90)
  expectConsistentCertificate(proof, index, asOf)
})

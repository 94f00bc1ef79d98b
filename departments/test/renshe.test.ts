// The 人社 stand-in over real HTTP: 社会保障卡, a bounded contribution history, and pensions for retirees.
import { rensheContracts } from '@ysx/shared'
import { ageOn, monthBefore, person } from '../src/harness'
import { standIn as rensheStandIn } from '../src/renshe/app'
import { describeLookups, expectConsistentCertificate, SEED, startDepartment } from './helper'

const renshe = startDepartment(rensheStandIn)
const c = rensheContracts

describeLookups(renshe, [c.certificates.path, c.contributions.path, c.pension.path])

test('the 社会保障卡 names the citizen, with the ID number as the social security number', async () => {
  const index = renshe.pick(
    "SELECT person_index FROM certificates WHERE type = 'social_security_card' LIMIT 1 OFFSET 5",
  )
  const { asOf, certificates } = await renshe.read(c.certificates.path, index, c.certificates.responses[200])
  expect(certificates).toHaveLength(1)
  const card = certificates[0]!
  expect(card.socialSecurityNumber).toBe(person(SEED, index).idNumber)
  expect(card.certificateNumber).toBe(card.cardNumber)
  expectConsistentCertificate(card, index, asOf)
})

test('contributions cover at most the last 24 months, newest first, with bases of 4,000–30,000 元 and exact totals', async () => {
  const index = renshe.pick('SELECT person_index FROM employments WHERE to_month IS NULL LIMIT 1 OFFSET 3')
  const reply = await renshe.read(c.contributions.path, index, c.contributions.responses[200])
  expect(reply.months.length).toBeGreaterThan(0)
  expect(reply.months.length).toBeLessThanOrEqual(24)
  expect(reply.months.map((m) => m.month)).toEqual([...reply.months.map((m) => m.month)].sort().reverse())
  for (const m of reply.months) {
    expect(m.month >= reply.from && m.month <= reply.to).toBe(true)
    expect(m.base).toBeGreaterThanOrEqual(4000)
    expect(m.base).toBeLessThanOrEqual(30_000)
    const sum = m.items.reduce((s, i) => s + i.employerAmount + i.personalAmount, 0)
    expect(m.total).toBeCloseTo(sum, 2)
    expect(m.items.find((i) => i.insurance === '养老保险')!.personalAmount).toBeCloseTo(m.base * 0.08, 2)
  }
})

test('a retiree gets up to 12 monthly payments at the current rate; a young citizen is not retired', async () => {
  const index = renshe.pick('SELECT person_index FROM retirees LIMIT 1')
  const pension = await renshe.read(c.pension.path, index, c.pension.responses[200])
  expect(pension.retired).toBe(true)
  expect(pension.payments.length).toBeGreaterThan(0)
  expect(pension.payments.length).toBeLessThanOrEqual(12)
  expect(pension.payments.every((p) => p.amount === pension.monthlyAmount && p.month <= monthBefore(p.paidOn, 0))).toBe(
    true,
  )
  const young = Array.from({ length: 100 }, (_, i) => i).find(
    (i) => ageOn(person(SEED, i).birthDate, '2025-01-01') < 40,
  )!
  expect(await renshe.read(c.pension.path, young, c.pension.responses[200])).toEqual({
    retired: false,
    retirementDate: null,
    monthlyAmount: null,
    payments: [],
  })
})

// 粤康码 colour rules, table-driven: every rule of the rule set in force at its boundaries (exactly at its limit
// it still applies; one second later it does not), the 24/48/72 h negative-test badge, precedence, and when a
// status must be evaluated again. Also: the rule files on disk are what the BFF loads, and every rule has a message.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { catalogues } from '@ysx/shared'
import { testConfig } from '../../src/platform/config'
import { evaluate, type Facts, loadRuleSets } from '../../src/health-code/rules'

const sets = loadRuleSets()
const rules = sets.get(testConfig().healthRulesVersion)!
const NOW = new Date('2026-11-23T12:00:00+08:00')
const S = 1000
const H = 3600 * S
const D = 24 * H
const ago = (ms: number) => new Date(NOW.getTime() - ms)
const none: Facts = {
  positiveTest: null,
  latestNegative: null,
  closeContact: null,
  riskVenue: null,
  riskTrip: null,
  symptoms: null,
  negativeTestAfterSymptoms: false,
  volatile: false,
  appealPending: false,
}
const facts = (f: Partial<Facts>): Facts => ({ ...none, ...f })

test('the rule set in force loads from bff/rules and names a message for every rule', () => {
  expect(rules).toBeDefined()
  expect(rules.version).toBe(testConfig().healthRulesVersion)
  for (const r of rules.rules)
    expect((catalogues['zh-CN'].healthRules as Record<string, string>)[r.id]).toEqual(expect.any(String))
})

test('a rule file whose name does not match its version, or that is malformed, is refused at load', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ysx-rules-'))
  writeFileSync(path.join(dir, '2026-12-v1.json'), JSON.stringify({ ...rules, version: '2026-11-v9' }))
  expect(() => loadRuleSets(dir)).toThrow(/says it is version/)
  const bad = mkdtempSync(path.join(tmpdir(), 'ysx-rules-'))
  writeFileSync(
    path.join(bad, '2026-12-v1.json'),
    JSON.stringify({ ...rules, version: '2026-12-v1', rules: [{ id: 'purple.x', colour: 'purple' }] }),
  )
  expect(() => loadRuleSets(bad)).toThrow()
})

test('only the .json files of the rules folder are rule sets: a README beside them is not read', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ysx-rules-'))
  writeFileSync(path.join(dir, `${rules.version}.json`), JSON.stringify(rules))
  writeFileSync(path.join(dir, 'README.md'), '# not a rule set')
  expect([...loadRuleSets(dir).keys()]).toEqual([rules.version])
})

test('with nothing on record the code is green with no reasons', () => {
  const e = evaluate(rules, none, NOW)
  expect(e).toMatchObject({ colour: 'green', reasons: [], negativeWithinHours: null, ruleVersion: rules.version })
})

// Each windowed rule: the fact's age at the limit, one second inside, one second past.
const WINDOWED: { rule: string; colour: 'red' | 'yellow'; fact: keyof Facts; extra?: Partial<Facts> }[] = [
  { rule: 'red.positive_test', colour: 'red', fact: 'positiveTest' },
  { rule: 'red.close_contact', colour: 'red', fact: 'closeContact' },
  { rule: 'yellow.risk_venue', colour: 'yellow', fact: 'riskVenue' },
  { rule: 'yellow.risk_trip', colour: 'yellow', fact: 'riskTrip' },
  { rule: 'yellow.symptoms', colour: 'yellow', fact: 'symptoms', extra: { negativeTestAfterSymptoms: false } },
]

test('the table covers every rule of the rule set in force', () => {
  expect(WINDOWED.map((w) => w.rule).sort()).toEqual(rules.rules.map((r) => r.id).sort())
})

describe.each(WINDOWED)('$rule', ({ rule, colour, fact, extra }) => {
  const limit = rules.rules.find((r) => r.id === rule)!.lastsSeconds * S
  const reason = (age: number) => [{ rule, colour, since: ago(age), until: new Date(ago(age).getTime() + limit) }]
  test.each([
    { when: 'just now', age: 0, expected: colour, reasons: reason(0) },
    { when: '1 s before its limit', age: limit - S, expected: colour, reasons: reason(limit - S) },
    { when: 'exactly at its limit', age: limit, expected: colour, reasons: reason(limit) },
    { when: '1 s past its limit', age: limit + S, expected: 'green', reasons: [] },
  ])('$when → $expected', ({ age, expected, reasons }) => {
    const e = evaluate(rules, facts({ [fact]: ago(age), ...extra }), NOW)
    expect(e.colour).toBe(expected)
    expect(e.reasons).toEqual(reasons)
  })
})

test('symptoms stop counting once a negative test was sampled after them', () => {
  expect(evaluate(rules, facts({ symptoms: ago(D), negativeTestAfterSymptoms: false }), NOW).colour).toBe('yellow')
  expect(
    evaluate(rules, facts({ symptoms: ago(D), latestNegative: ago(H), negativeTestAfterSymptoms: true }), NOW).colour,
  ).toBe('green')
})

test('red beats yellow, and every matched rule of the winning colour is a reason', () => {
  const e = evaluate(rules, facts({ riskVenue: ago(D), positiveTest: ago(2 * D), closeContact: ago(3 * D) }), NOW)
  expect(e.colour).toBe('red')
  expect(e.reasons.map((r) => r.rule).sort()).toEqual(['red.close_contact', 'red.positive_test'])
  const y = evaluate(rules, facts({ riskVenue: ago(D), riskTrip: ago(2 * D) }), NOW)
  expect(y.colour).toBe('yellow')
  expect(y.reasons.map((r) => r.rule).sort()).toEqual(['yellow.risk_trip', 'yellow.risk_venue'])
})

test.each([
  { when: 'just now', age: 0, badge: 24 },
  { when: '24 h − 1 s ago', age: 24 * H - S, badge: 24 },
  { when: 'exactly 24 h ago', age: 24 * H, badge: 24 },
  { when: '24 h + 1 s ago', age: 24 * H + S, badge: 48 },
  { when: 'exactly 48 h ago', age: 48 * H, badge: 48 },
  { when: '48 h + 1 s ago', age: 48 * H + S, badge: 72 },
  { when: 'exactly 72 h ago', age: 72 * H, badge: 72 },
  { when: '72 h + 1 s ago', age: 72 * H + S, badge: null },
])('a negative test sampled $when → badge $badge', ({ age, badge }) => {
  const e = evaluate(rules, facts({ latestNegative: ago(age) }), NOW)
  expect(e.negativeWithinHours).toBe(badge)
  expect(e.colour).toBe('green')
})

test('a status is valid until its first boundary ahead: a reason lapsing or a badge changing', () => {
  const yellowEnds = evaluate(rules, facts({ riskVenue: ago(14 * D - 5 * S) }), NOW)
  expect(yellowEnds.validUntil).toEqual(new Date(NOW.getTime() + 5 * S + 1))
  const badgeEnds = evaluate(rules, facts({ latestNegative: ago(24 * H - 30 * S) }), NOW)
  expect(badgeEnds.validUntil).toEqual(new Date(NOW.getTime() + 30 * S + 1))
})

test('a boundary that falls on the evaluation instant itself is behind it: the status lasts the full period', () => {
  const lapsedNow = evaluate(rules, facts({ riskVenue: ago(14 * D + 1) }), NOW)
  expect(lapsedNow.colour).toBe('green')
  expect(lapsedNow.validUntil).toEqual(new Date(NOW.getTime() + rules.reevaluateAfterSeconds * S))
  const badgeLapsedNow = evaluate(rules, facts({ latestNegative: ago(72 * H + 1) }), NOW)
  expect(badgeLapsedNow.validUntil).toEqual(new Date(NOW.getTime() + rules.reevaluateAfterSeconds * S))
})

test('with no boundary ahead a status is evaluated again after the period, sooner when risk areas may move, sooner still while an appeal is pending', () => {
  expect(evaluate(rules, none, NOW).validUntil).toEqual(new Date(NOW.getTime() + rules.reevaluateAfterSeconds * S))
  expect(evaluate(rules, facts({ volatile: true }), NOW).validUntil).toEqual(
    new Date(NOW.getTime() + rules.reevaluateAfterSecondsWhenVolatile * S),
  )
  expect(evaluate(rules, facts({ volatile: true, appealPending: true }), NOW).validUntil).toEqual(
    new Date(NOW.getTime() + rules.reevaluateAfterSecondsWhenAppealPending * S),
  )
  expect(rules.reevaluateAfterSecondsWhenAppealPending).toBeLessThan(rules.reevaluateAfterSecondsWhenVolatile)
})

test('evaluating at the boundary instant itself and one millisecond after gives the colour before and after', () => {
  const at = ago(14 * D)
  const limitInstant = new Date(at.getTime() + 14 * D)
  expect(evaluate(rules, facts({ positiveTest: at }), limitInstant).colour).toBe('red')
  expect(evaluate(rules, facts({ positiveTest: at }), new Date(limitInstant.getTime() + 1)).colour).toBe('green')
})

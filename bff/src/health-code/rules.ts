// 粤康码 colour rules: data, not code. A rule set is a versioned JSON file under bff/rules/health-code/ whose rules
// are json-logic expressions over the holder's facts (each fact: when it happened and its age in seconds at the
// evaluation). Red beats yellow beats green; every matched rule of the winning colour is a reason, with when it
// started and when it lapses. `evaluate` is pure: facts and a clock in, a status out.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { z } from '@ysx/shared/z'
import { HEALTH_COLOURS, type HealthColour } from '@ysx/shared'
import jsonLogic from 'json-logic-js'

export const FACT_NAMES = [
  'positiveTest',
  'latestNegative',
  'closeContact',
  'riskVenue',
  'riskTrip',
  'symptoms',
] as const
export type FactName = (typeof FACT_NAMES)[number]

const RuleSchema = z.object({
  id: z.string().regex(/^(red|yellow)\.[a-z_]+$/),
  colour: z.enum(HEALTH_COLOURS),
  /** The fact the rule is about: its time is the reason's `since`, plus `lastsSeconds` its `until`. */
  fact: z.enum(FACT_NAMES),
  lastsSeconds: z.number().int().positive(),
  when: z.record(z.string(), z.unknown()),
})

export const RuleSetSchema = z.object({
  version: z.string().regex(/^\d{4}-\d{2}-v\d+$/),
  description: z.string(),
  /** A status is evaluated again after this long even when nothing the holder did changed it */
  reevaluateAfterSeconds: z.number().int().positive(),
  /** … and sooner when it depends on what can change without the holder (risk areas, awaited test results) */
  reevaluateAfterSecondsWhenVolatile: z.number().int().positive(),
  /** … and within about a minute while an appeal awaits 卫健's decision */
  reevaluateAfterSecondsWhenAppealPending: z.number().int().positive(),
  credentialMaxSeconds: z.number().int().positive(),
  negativeTestBadgeHours: z.array(z.number().int().positive()),
  rules: z.array(RuleSchema).min(1),
})
export type RuleSet = z.infer<typeof RuleSetSchema>

/** What the rules read about a holder: each fact's time, null when there is none. */
export interface Facts {
  positiveTest: Date | null
  latestNegative: Date | null
  closeContact: Date | null
  riskVenue: Date | null
  riskTrip: Date | null
  symptoms: Date | null
  /** A negative test sampled after the latest symptoms declaration */
  negativeTestAfterSymptoms: boolean
  /** The outcome may change without the holder doing anything: check-ins or trips in the window (risk areas move),
   * or symptoms awaiting a negative test */
  volatile: boolean
  /** An appeal is with 卫健's reviewers: their decision should show within a minute or so */
  appealPending: boolean
}

export interface EvaluatedReason {
  rule: string
  colour: HealthColour
  since: Date
  until: Date
}

export interface Evaluation {
  colour: HealthColour
  reasons: EvaluatedReason[]
  negativeWithinHours: number | null
  ruleVersion: string
  evaluatedAt: Date
  /** When the outcome could next change with no new input: the first boundary ahead, or the re-evaluation period */
  validUntil: Date
}

const RANK: Record<HealthColour, number> = { green: 0, yellow: 1, red: 2 }

/** The data json-logic sees: `{ positiveTest: { at, ageSeconds } | null, …, symptoms: { …, negativeTestAfter } }`. */
function logicData(facts: Facts, now: Date): Record<string, unknown> {
  const data: Record<string, unknown> = {}
  for (const name of FACT_NAMES) {
    const at = facts[name]
    data[name] = at ? { at: at.toISOString(), ageSeconds: Math.max(0, (now.getTime() - at.getTime()) / 1000) } : null
  }
  if (data.symptoms) (data.symptoms as Record<string, unknown>).negativeTestAfter = facts.negativeTestAfterSymptoms
  return data
}

export function evaluate(set: RuleSet, facts: Facts, now: Date): Evaluation {
  const data = logicData(facts, now)
  const matched: EvaluatedReason[] = []
  for (const rule of set.rules) {
    if (jsonLogic.apply(rule.when as jsonLogic.RulesLogic, data) !== true) continue
    const since = facts[rule.fact]!
    matched.push({
      rule: rule.id,
      colour: rule.colour,
      since,
      until: new Date(since.getTime() + rule.lastsSeconds * 1000),
    })
  }
  const colour = matched.reduce<HealthColour>((c, r) => (RANK[r.colour] > RANK[c] ? r.colour : c), 'green')
  const reasons = matched.filter((r) => r.colour === colour)

  const negAge = facts.latestNegative ? Math.max(0, now.getTime() - facts.latestNegative.getTime()) : null
  const badges = [...set.negativeTestBadgeHours].sort((a, b) => a - b)
  const negativeWithinHours = negAge === null ? null : (badges.find((h) => negAge <= h * 3_600_000) ?? null)

  // Next boundary: any rule's window or badge ending (the rule still holds at its limit, not 1 ms after).
  const boundaries: number[] = []
  for (const rule of set.rules) {
    const at = facts[rule.fact]
    if (at) boundaries.push(at.getTime() + rule.lastsSeconds * 1000 + 1)
  }
  if (facts.latestNegative) for (const h of badges) boundaries.push(facts.latestNegative.getTime() + h * 3_600_000 + 1)
  const seconds = facts.appealPending
    ? set.reevaluateAfterSecondsWhenAppealPending
    : facts.volatile
      ? set.reevaluateAfterSecondsWhenVolatile
      : set.reevaluateAfterSeconds
  const period = seconds * 1000
  const validUntil = Math.min(now.getTime() + period, ...boundaries.filter((b) => b > now.getTime()))
  return {
    colour,
    reasons,
    negativeWithinHours,
    ruleVersion: set.version,
    evaluatedAt: now,
    validUntil: new Date(validUntil),
  }
}

const RULES_DIR = path.resolve(__dirname, '../../rules/health-code')

/** Every rule set on disk, validated, by version. A file that does not parse is an error at start, not at display. */
export function loadRuleSets(dir = RULES_DIR): Map<string, RuleSet> {
  const sets = new Map<string, RuleSet>()
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const set = RuleSetSchema.parse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')))
    if (`${set.version}.json` !== file) throw new Error(`rule set ${file} says it is version ${set.version}`)
    sets.set(set.version, set)
  }
  return sets
}

// axe-core over every page state the e2e suite visits. browser.ts calls `scanPage` from `settled` (so every wait for a
// page transition, and every screenshot through `shootWhole`, checks the page it shows) and, after each test, over
// every page still open in a browser `launchChromium` started (the state each test ends in). Serious and critical
// violations fail the test that reached the state, with the rule, the element and axe's summary; each spec's states
// and what they found are written to tests/artifacts/axe-<spec>.json. A new page or spec is covered without writing
// anything: it waits for its page with `settled` (or photographs it), and its last state is checked anyway.
//
// Hand-written rather than @axe-core/playwright: that package is not in the lockfile (nor reachable offline), and what
// it adds over axe-core for us is ~20 lines — inject axe.min.js and call axe.run. page.evaluate (CDP) is not subject
// to the app's Content-Security-Policy, so the script runs where a <script> tag would be refused.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** The impacts that fail a test (issue #13: 0 serious or critical violations). */
export const FAILING_IMPACTS = ['serious', 'critical'] as const

export interface AxeFinding {
  state: string
  rule: string
  impact: string
  help: string
  targets: string[]
  summary: string
}

interface Scanned {
  state: string
  violations: number
}

/** What this spec (one jest module registry per test file) has scanned, and what is not yet reported. */
const scanned: Scanned[] = []
const findings: AxeFinding[] = []
let pending: AxeFinding[] = []

/** The page state's name: the test that reached it and the page's route (Taro's H5 routes in the hash). */
function stateName(page: Page, label?: string): string {
  const test = expect.getState().currentTestName ?? '(before all)'
  const url = new URL(page.url())
  const route = url.hash.replace(/^#\/?/, '') || url.pathname
  return `${test} › ${route}${label ? ` (${label})` : ''}`
}

/**
 * Runs axe-core (its default rules: WCAG 2.0–2.2 A/AA and best practices) over the page as shown, and records its
 * serious and critical violations against the current test. Pages that are not the app's (no Taro page in them, such
 * as the WeChat stand-in's login) are left out.
 */
export async function scanPage(page: Page, label?: string): Promise<AxeFinding[]> {
  if (page.isClosed()) return []
  const ours = await page.evaluate(() => document.querySelector('.ysx-page') !== null).catch(() => false)
  if (!ours) return []
  if (await page.evaluate(() => !('axe' in window))) await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async (impacts) => {
    type Axe = {
      run: (
        context: Document,
        options: object,
      ) => Promise<{
        violations: {
          id: string
          impact?: string | null
          help: string
          nodes: { target: unknown[]; failureSummary?: string }[]
        }[]
      }>
    }
    const axe = (window as unknown as { axe: Axe }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations
      .filter((v) => v.impact && (impacts as readonly string[]).includes(v.impact))
      .map((v) => ({
        rule: v.id,
        impact: v.impact ?? '',
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
        summary: (v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300),
      }))
  }, FAILING_IMPACTS)
  const state = stateName(page, label)
  const found = violations.map((v) => ({ state, ...v }))
  scanned.push({ state, violations: found.length })
  findings.push(...found)
  pending.push(...found)
  return found
}

/** Throws with every violation recorded since the last call (afterEach calls it, so the test that found them fails). */
export function reportViolations(): void {
  const found = pending
  pending = []
  if (found.length === 0) return
  const lines = found.map(
    (f) => `- [${f.impact}] ${f.rule}: ${f.help}\n    at ${f.state}\n    ${f.targets.join(' ')}\n    ${f.summary}`,
  )
  throw new Error(`axe-core: ${found.length} serious or critical violation(s)\n${lines.join('\n')}`)
}

/** Writes this spec's scanned states and findings to tests/artifacts/axe-<spec>.json. */
export function writeAxeReport(artifacts: string): void {
  const spec = path.basename(expect.getState().testPath ?? 'unknown', '.test.ts')
  if (scanned.length === 0) return
  writeFileSync(
    path.join(artifacts, `axe-${spec}.json`),
    `${JSON.stringify({ states: scanned.length, violations: findings.length, scanned, findings }, null, 2)}\n`,
  )
}

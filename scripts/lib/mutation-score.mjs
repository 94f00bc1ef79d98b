// Reads the mutation reports of the modules named on the command line (reports/mutation/<module>.json, the
// mutation-testing-report-schema Stryker writes) and prints each module's score and its surviving mutants.
// Score = (killed + timed out) ÷ (killed + timed out + survived + no coverage), as Stryker counts it.
import { readFileSync } from 'node:fs'

const KILLED = new Set(['Killed', 'Timeout'])
const MISSED = new Set(['Survived', 'NoCoverage'])
const rows = []
const survivors = []
for (const name of process.argv.slice(2)) {
  let report
  try {
    report = JSON.parse(readFileSync(`reports/mutation/${name}.json`, 'utf8'))
  } catch {
    rows.push({ name, score: NaN, killed: 0, missed: 0 })
    continue
  }
  let killed = 0
  let missed = 0
  for (const [file, { mutants }] of Object.entries(report.files)) {
    for (const m of mutants) {
      if (KILLED.has(m.status)) killed++
      else if (MISSED.has(m.status)) {
        missed++
        const at = `${file}:${m.location.start.line}:${m.location.start.column}`
        survivors.push(`  ${name}  ${at}  ${m.status} ${m.mutatorName}${m.replacement ? `: ${m.replacement}` : ''}`)
      }
    }
  }
  rows.push({ name, score: (100 * killed) / (killed + missed || 1), killed, missed })
}
if (survivors.length) console.log(`\nSurviving mutants (${survivors.length}):\n${survivors.join('\n')}`)
console.log('\nmodule                      score   killed  survived')
for (const r of rows) {
  const score = Number.isNaN(r.score) ? '   no report' : `${r.score.toFixed(1).padStart(6)} %`
  console.log(`${r.name.padEnd(26)} ${score}  ${String(r.killed).padStart(6)}  ${String(r.missed).padStart(8)}`)
}
const below = rows.filter((r) => !(r.score >= 80))
if (below.length) {
  console.log(`\nbelow 80 %: ${below.map((r) => r.name).join(', ')}`)
  process.exitCode = 1
}

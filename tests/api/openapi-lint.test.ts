// The served OpenAPI document passes Redocly CLI's lint with the recommended rules (redocly.yaml: two switched off,
// each with its reason): no error and no warning.
import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { servedDocument } from './served-document'

const ROOT = path.resolve(__dirname, '../..')
const REDOCLY = path.join(ROOT, 'node_modules/.bin/redocly')

interface LintReport {
  totals: { errors: number; warnings: number }
  problems: { ruleId: string; message: string; location: { pointer?: string }[] }[]
}

/** Runs `redocly lint` on a document; its report (exit code 1 on errors: the report is on stdout all the same). */
async function lint(doc: unknown): Promise<LintReport> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ysx-openapi-')), 'openapi.json')
  writeFileSync(file, JSON.stringify(doc))
  const run = promisify(execFile)
  const args = ['lint', file, '--config', path.join(ROOT, 'redocly.yaml'), '--format=json', '--max-problems=1000']
  // No telemetry and no update check: the lint runs offline.
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' }
  const out = await run(REDOCLY, args, { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 }).catch(
    (err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }),
  )
  const json = out.stdout.slice(out.stdout.indexOf('{'))
  return JSON.parse(json) as LintReport
}

const named = (r: LintReport) => r.problems.map((p) => `${p.ruleId}: ${p.message} (${p.location[0]?.pointer ?? '?'})`)

test('redocly lint (recommended rules) finds no error and no warning in the served /openapi.json', async () => {
  const report = await lint(await servedDocument())
  expect(named(report)).toEqual([])
  expect(report.totals).toMatchObject({ errors: 0, warnings: 0 })
})

test('the lint fails a document that breaks a recommended rule (an operation without security)', async () => {
  const doc = await servedDocument()
  delete doc.paths['/v1/wallet']!.get!.security
  const report = await lint(doc)
  expect(named(report)).toEqual([expect.stringMatching(/^security-defined: .*\/paths\/~1v1~1wallet\/get/)])
})

// Lighthouse (mobile: its default simulated slow 4G and 4× slower CPU) on the H5 home page as the BFF serves it, with
// Debian's Chromium: the performance score and its metrics, median of three runs. Run by scripts/bench/lighthouse,
// which builds the H5 app first.
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { buildApp } from '@ysx/bff/app'
import { testConfig } from '@ysx/bff/config'
import { chromium } from 'playwright-core'
import { ROOT } from './lib'

/** The H5 build measured: miniapp/dist/h5, or another (YSX_LIGHTHOUSE_H5, e.g. an older build to compare with) */
const H5 = path.resolve(ROOT, process.env.YSX_LIGHTHOUSE_H5 || 'miniapp/dist/h5')
/** Each run's full report (JSON), to read where the score goes: reports/lighthouse/home-<n>.json */
const REPORTS = path.join(ROOT, 'reports/lighthouse')
const run = promisify(execFile)

interface Report {
  categories: { performance?: { score: number | null } }
  audits: Record<string, { displayValue?: string }>
}
const RUNS = 3
/**
 * The browser's language (navigator.language, which picks the app's start locale): zh-CN unless YSX_LIGHTHOUSE_LANG
 * names another (zh-HK, en). Headless Chromium ignores --lang and reads --accept-lang; without it the runs were in
 * English (en-US).
 */
const LANGUAGE = process.env.YSX_LIGHTHOUSE_LANG || 'zh-CN'
const DEBUG_PORT = 9333
const METRICS = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['speed-index', 'Speed Index'],
  ['cumulative-layout-shift', 'CLS'],
] as const

async function main() {
  if (!existsSync(path.join(H5, 'index.html')))
    throw new Error(`no H5 build at ${H5} (scripts/bench/lighthouse builds it)`)
  const app = await buildApp(testConfig({ h5Dir: H5, logLevel: 'warn', maxEventLoopDelayMs: 600_000 }))
  const origin = await app.listen({ host: '127.0.0.1', port: 0 })
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', `--remote-debugging-port=${DEBUG_PORT}`, `--accept-lang=${LANGUAGE}`],
  })
  mkdirSync(REPORTS, { recursive: true })
  const runs: { score: number; metrics: string[] }[] = []
  try {
    for (let i = 0; i < RUNS; i += 1) {
      // Lighthouse's CLI, not its node API: tsx would rename the functions it sends into the page (__name).
      const { stdout } = await run(
        path.join(ROOT, 'node_modules/.bin/lighthouse'),
        [
          `${origin}/#/pages/home/index`,
          `--port=${DEBUG_PORT}`,
          '--only-categories=performance',
          '--output=json',
          '--quiet',
        ],
        { maxBuffer: 64 * 1024 * 1024 },
      )
      writeFileSync(path.join(REPORTS, `home-${i + 1}.json`), stdout)
      const { categories, audits } = JSON.parse(stdout) as Report
      runs.push({
        score: Math.round((categories.performance?.score ?? 0) * 100),
        metrics: METRICS.map(([id, name]) => `${name} ${audits[id]?.displayValue ?? '?'}`),
      })
    }
  } finally {
    await browser.close()
    await app.close()
  }
  console.log(`Lighthouse ${RUNS} runs, mobile, home page in ${LANGUAGE} (target: performance ≥ 90)`)
  for (const run of runs) console.log(`  performance ${run.score} · ${run.metrics.join(' · ')}`)
  const sorted = runs.map((r) => r.score).sort((a, b) => a - b)
  console.log(`  median ${sorted[Math.floor(sorted.length / 2)]}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

// Size benchmark: what a phone downloads before the home page shows (H5, in Chromium, as served by the BFF with the
// build's precompressed assets), the five largest chunks, any module bundled into two chunks (from the build's source
// maps), and the WeChat build's main package and each subpackage against WeChat's limits. Run by scripts/bench/size,
// which builds both first (the H5 build with source maps: YSX_H5_SOURCEMAP=1).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { buildApp } from '@ysx/bff/app'
import { testConfig } from '@ysx/bff/config'
import { chromium } from 'playwright-core'
import { MAIN_PACKAGE_BUDGET, PACKAGE_LIMIT, packageSizes } from '../lib/weapp-structure'
import { ROOT } from './lib'

const H5 = path.join(ROOT, 'miniapp/dist/h5')
const WEAPP = path.join(ROOT, 'miniapp/dist/weapp')
const KB = 1024
// The budgets this benchmark reports against (issue #13): the home page's JavaScript before it shows, gzipped; the
// WeChat packages' are the structure check's (scripts/lib/weapp-structure.ts), which fails a build over them.
const HOME_JS_BUDGET = 200 * KB

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`

/** Every file under `dir`, recursively, with its size. */
function files(dir: string): { file: string; bytes: number }[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const file = path.join(e.parentPath, e.name)
      return { file, bytes: statSync(file).size }
    })
}

/** A served file's gzipped size: the build's .gz beside it (files under 1 KB are not compressed). */
function gzipSize(url: string): number {
  const file = path.join(H5, url)
  return existsSync(`${file}.gz`) ? statSync(`${file}.gz`).size : statSync(file).size
}

/** What the page's resource timing says of one script (the scripts/ tsconfig has no DOM types). */
interface ScriptTiming {
  name: string
  startTime: number
  initiatorType: string
  encodedBodySize: number
}

/**
 * The JavaScript the browser requested before the home page's first contentful paint (the paint timing and each
 * script's resource timing, read in the page once the network is idle): each file's bytes on the wire and encoding.
 * A chunk a page loads on demand (a contract, another language) is requested after the paint and is not counted.
 */
async function homePageScripts(): Promise<{ url: string; wire: number; encoding: string }[]> {
  const app = await buildApp(testConfig({ h5Dir: H5, logLevel: 'warn', maxEventLoopDelayMs: 600_000 }))
  const origin = await app.listen({ host: '127.0.0.1', port: 0 })
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] })
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
    const encodings = new Map<string, string>()
    page.on('response', (response) => {
      encodings.set(new URL(response.url()).pathname, response.headers()['content-encoding'] ?? 'identity')
    })
    await page.goto(`${origin}/#/pages/home/index`, { waitUntil: 'networkidle' })
    await page.locator('.page-home').waitFor()
    const scripts = await page.evaluate(() => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0]
      if (!paint) throw new Error('no first contentful paint')
      return (performance.getEntriesByType('resource') as unknown as ScriptTiming[])
        .filter((e) => e.initiatorType === 'script' && e.startTime < paint.startTime)
        .map((e) => ({ url: new URL(e.name).pathname, wire: e.encodedBodySize }))
    })
    return scripts.map((s) => ({ ...s, encoding: encodings.get(s.url) ?? '?' }))
  } finally {
    await browser.close()
    await app.close()
  }
}

/** Source files (node_modules and our own) that the build put into more than one chunk, with those chunks. */
function modulesInTwoChunks(): { source: string; chunks: string[] }[] {
  const maps = files(path.join(H5, 'js')).filter((f) => f.file.endsWith('.js.map'))
  if (maps.length === 0) throw new Error('no source maps in the H5 build: build it with YSX_H5_SOURCEMAP=1')
  const chunksOf = new Map<string, string[]>()
  for (const { file } of maps) {
    const map = JSON.parse(readFileSync(file, 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] }
    // Webpack's runtime, and the build's stand-in for a module it leaves out (config/empty-module.js, named after the
    // module it replaces), are not libraries.
    const kept = map.sources.filter(
      (s, i) => !s.includes('/runtime/') && !map.sourcesContent?.[i]?.includes('left out of the build'),
    )
    for (const source of new Set(kept)) {
      chunksOf.set(source, [...(chunksOf.get(source) ?? []), path.basename(file, '.map')])
    }
  }
  return [...chunksOf].filter(([, chunks]) => chunks.length > 1).map(([source, chunks]) => ({ source, chunks }))
}

/** The weapp build's packages: the main one (everything outside a subpackage's root) and each subpackage. */
function weappPackages(): { name: string; bytes: number }[] {
  const appJson = JSON.parse(readFileSync(path.join(WEAPP, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[]
    subpackages?: { root: string }[]
  }
  return packageSizes(
    WEAPP,
    (appJson.subPackages ?? appJson.subpackages ?? []).map((s) => s.root.replace(/\/?$/, '/')),
  )
}

async function main() {
  if (!existsSync(path.join(H5, 'index.html'))) throw new Error(`no H5 build at ${H5} (scripts/bench/size builds it)`)

  const scripts = await homePageScripts()
  const homeJs = scripts.reduce((sum, s) => sum + s.wire, 0)
  console.log("H5: JavaScript requested before the home page's first contentful paint (bytes on the wire)")
  for (const s of scripts) console.log(`  ${s.url.padEnd(28)} ${kb(s.wire).padStart(10)}  ${s.encoding}`)
  const gzipped = scripts.reduce((sum, s) => sum + gzipSize(s.url), 0)
  const within = gzipped <= HOME_JS_BUDGET ? 'within' : 'OVER'
  console.log(
    `  total ${kb(homeJs)} on the wire; gzipped ${kb(gzipped)} — ${within} the ${kb(HOME_JS_BUDGET)} budget\n`,
  )

  const chunks = files(path.join(H5, 'js'))
    .filter((f) => f.file.endsWith('.js'))
    .map((f) => ({ ...f, gzip: existsSync(`${f.file}.gz`) ? statSync(`${f.file}.gz`).size : Number.NaN }))
    .sort((a, b) => b.bytes - a.bytes)
  console.log(`H5: the five largest of ${chunks.length} chunks (minified, gzipped)`)
  for (const c of chunks.slice(0, 5)) {
    console.log(`  ${path.basename(c.file).padEnd(28)} ${kb(c.bytes).padStart(10)} ${kb(c.gzip).padStart(10)}`)
  }

  const twice = modulesInTwoChunks()
  const libraries = twice.filter((t) => t.source.includes('/node_modules/'))
  console.log(`\nH5: library modules bundled into more than one chunk: ${libraries.length}`)
  for (const t of libraries.slice(0, 20)) console.log(`  ${t.source} — ${t.chunks.join(', ')}`)
  const own = twice.length - libraries.length
  console.log(`H5: our own modules repeated in more than one chunk (each under 20 KB, by design): ${own}`)

  if (existsSync(path.join(WEAPP, 'app.json'))) {
    console.log('\nweapp: packages (WeChat: each ≤ 2 MB; our main-package budget 1 MB)')
    for (const p of weappPackages()) {
      const limit = p.name === 'main' ? MAIN_PACKAGE_BUDGET : PACKAGE_LIMIT
      console.log(`  ${p.name.padEnd(28)} ${kb(p.bytes).padStart(10)}  ${p.bytes <= limit ? 'within' : 'OVER'}`)
    }
  } else {
    console.log(`\nweapp: no build at ${WEAPP}`)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

// The structure check of a built mini-program (miniapp/dist/weapp): what WeChat devtools needs to import and run it.
// Every page app.json lists (subpackages too) has its .js, .json and .wxml; the tab bar's pages are pages and
// its icons exist; project.config.json is there (devtools imports the folder); no script calls eval or the Function
// constructor (WeChat refuses both) except the probe for the global object; and the build carries what it must
// (a development build: its BFF address and the WeChat stand-in) and not what it must not (a production build); the
// main package (everything outside a subpackage's root) is within its budget, 1 MB (issue #13: room for the service
// hall under WeChat's 2 MB), and each subpackage within WeChat's 2 MB.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

export interface WeappExpectations {
  /** Text every build of this kind must carry in its scripts (e.g. the BFF's address, the stand-in's) */
  present?: string[]
  /** Text it must not carry anywhere in its scripts */
  absent?: string[]
}

export interface WeappReport {
  /** Each problem found, naming its file; empty: the build passes */
  problems: string[]
  /** The pages app.json lists, subpackages included */
  pages: string[]
  /** The scripts read, and their size in bytes */
  scripts: number
  bytes: number
  /** The main package and each subpackage (by its root), with their size in bytes (source maps not counted) */
  packages: WeappPackage[]
}

export interface WeappPackage {
  /** 'main', or a subpackage's root with a trailing slash */
  name: string
  bytes: number
}

const KB = 1024
/** Our budget for the main package: 1 MB, half of what WeChat allows, so the service hall has room to grow. */
export const MAIN_PACKAGE_BUDGET = 1024 * KB
/** WeChat's limit for any one package (main or sub). */
export const PACKAGE_LIMIT = 2048 * KB

/** What a page needs (a page without styles of its own has no .wxss, which WeChat allows). */
export const PAGE_FILES = ['.js', '.json', '.wxml'] as const

/**
 * The probe for the global object, `Function("return this")` with or without `new` (webpack's runtime; lodash, in
 * NutUI): the one Function call allowed. Both reach it only where no global object is found otherwise.
 */
const GLOBAL_PROBE = /(?<![.\w$])(?:new\s+)?Function\(\s*(["'])return this\1\s*\)/g
/** A call of the global eval (not a method named eval), or of the Function constructor with or without `new`. */
const FORBIDDEN: [RegExp, string][] = [
  [/(?<![.\w$])eval\s*\(/, 'eval('],
  [/(?<![.\w$])Function\s*\(/, 'the Function constructor'],
]

interface AppJson {
  pages?: unknown
  subPackages?: unknown
  subpackages?: unknown
  tabBar?: { list?: { pagePath?: string; iconPath?: string; selectedIconPath?: string }[] }
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []

/** Every file under a folder, as paths relative to it (forward slashes). */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    return entry.isDirectory() ? filesUnder(dir, relative) : [relative]
  })
}

/** The subpackages' roots, each with a trailing slash. */
function rootsOf(app: AppJson): string[] {
  const packages = app.subPackages ?? app.subpackages ?? []
  if (!Array.isArray(packages)) return []
  return (packages as { root?: unknown }[])
    .map((pkg) => pkg?.root)
    .filter((root): root is string => typeof root === 'string')
    .map((root) => root.replace(/\/*$/, '/'))
}

/** The size of the main package (every file outside a subpackage's root) and of each subpackage; maps not counted. */
export function packageSizes(dir: string, roots: string[]): WeappPackage[] {
  const sizes = new Map<string, number>([['main', 0], ...roots.map((r) => [r, 0] as [string, number])])
  for (const relative of filesUnder(dir)) {
    if (relative.endsWith('.map')) continue
    const name = roots.find((r) => relative.startsWith(r)) ?? 'main'
    sizes.set(name, (sizes.get(name) ?? 0) + statSync(path.join(dir, relative)).size)
  }
  return [...sizes].map(([name, bytes]) => ({ name, bytes }))
}

/** The pages of app.json, each subpackage's under its root; problems with the file's shape are reported. */
function pagesOf(app: AppJson, problems: string[]): string[] {
  const pages = strings(app.pages)
  if (pages.length === 0) problems.push('app.json: lists no pages')
  const packages = app.subPackages ?? app.subpackages ?? []
  if (!Array.isArray(packages)) {
    problems.push('app.json: subPackages is not a list')
    return pages
  }
  for (const pkg of packages as { root?: unknown; pages?: unknown }[]) {
    if (typeof pkg?.root !== 'string' || strings(pkg.pages).length === 0) {
      problems.push(`app.json: a subpackage without a root or pages (${JSON.stringify(pkg)})`)
      continue
    }
    const root = pkg.root.replace(/\/+$/, '')
    pages.push(...strings(pkg.pages).map((page) => `${root}/${page}`))
  }
  return pages
}

/** Checks a built mini-program folder; never throws for what it finds (a missing app.json is a problem). */
export function checkWeappStructure(dir: string, expectations: WeappExpectations = {}): WeappReport {
  const problems: string[] = []
  const report = (): WeappReport => ({ problems, pages, scripts: scripts.length, bytes, packages })
  let pages: string[] = []
  let packages: WeappPackage[] = []
  let scripts: string[] = []
  let bytes = 0
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    problems.push(`${dir}: no such folder (build it first)`)
    return report()
  }
  const file = (relative: string) => path.join(dir, relative)

  let app: AppJson = {}
  if (!existsSync(file('app.json'))) problems.push('app.json: missing')
  else {
    try {
      app = JSON.parse(readFileSync(file('app.json'), 'utf8')) as AppJson
    } catch (error) {
      problems.push(`app.json: not JSON (${(error as Error).message})`)
    }
  }
  for (const name of ['app.js', 'app.wxss', 'project.config.json']) {
    if (!existsSync(file(name))) problems.push(`${name}: missing`)
  }
  pages = pagesOf(app, problems)
  for (const page of pages) {
    for (const ext of PAGE_FILES) if (!existsSync(file(`${page}${ext}`))) problems.push(`${page}${ext}: missing`)
  }
  for (const tab of app.tabBar?.list ?? []) {
    if (!tab.pagePath || !pages.includes(tab.pagePath))
      problems.push(`app.json: tab bar page ${tab.pagePath} is not a page`)
    for (const icon of [tab.iconPath, tab.selectedIconPath]) {
      if (icon && !existsSync(file(icon))) problems.push(`${icon}: missing (a tab bar icon)`)
    }
  }

  scripts = filesUnder(dir).filter((name) => name.endsWith('.js'))
  const found = new Set<string>()
  for (const name of scripts) {
    const text = readFileSync(file(name), 'utf8')
    bytes += Buffer.byteLength(text)
    const probed = text.replace(GLOBAL_PROBE, '')
    for (const [pattern, what] of FORBIDDEN) {
      const at = probed.search(pattern)
      if (at >= 0) problems.push(`${name}: calls ${what} (…${probed.slice(Math.max(0, at - 40), at + 40)}…)`)
    }
    for (const wanted of expectations.present ?? []) if (text.includes(wanted)) found.add(wanted)
    for (const unwanted of expectations.absent ?? []) {
      if (text.includes(unwanted)) problems.push(`${name}: carries ${JSON.stringify(unwanted)}, which it must not`)
    }
  }
  for (const wanted of expectations.present ?? []) {
    if (!found.has(wanted)) problems.push(`no script carries ${JSON.stringify(wanted)}`)
  }

  packages = packageSizes(dir, rootsOf(app))
  for (const { name, bytes: size } of packages) {
    const limit = name === 'main' ? MAIN_PACKAGE_BUDGET : PACKAGE_LIMIT
    if (size > limit) {
      const what = name === 'main' ? 'the main package' : `subpackage ${name}`
      problems.push(`${what}: ${(size / KB).toFixed(1)} KB, over its ${limit / KB} KB budget`)
    }
  }
  return report()
}

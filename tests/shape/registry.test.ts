// Departments are listed once, in the registry (shared/src/departments/registry.ts): every source file the project
// keeps (TypeScript, JavaScript, shell scripts) reads them from there. This check scans those files for what a
// second list looks like and fails on it:
//   - a department's default port written as a number (the registry's defaultPort; use DEPARTMENTS[code] or
//     departmentPortVar/defaultDepartmentUrl);
//   - a list of department names: three or more different department codes on one line, or three consecutive lines
//     that each name a department and name three or more different ones between them.
// A line "names" a code when one of its words is the code, in any case and as part of a camelCase or snake_case
// name (`gongan`, `GONGAN`, `buildGonganApp`, `DEPT_GONGAN_PORT`). Import and re-export statements do not count: a
// module importing what it uses is not a list. Not scanned: the registry itself, Markdown, drizzle migrations, and the
// typed client generated from the OpenAPI document (tests/client/schema.d.ts: the contracts' enums, spelled out).
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { DEPARTMENT_CODES, type DepartmentCode, DEPARTMENTS, departmentPortVar } from '@ysx/shared'

const ROOT = path.resolve(__dirname, '../..')
const REGISTRY = 'shared/src/departments/registry.ts'
const GENERATED = 'tests/client/schema.d.ts'
const CODES = new Set<string>(DEPARTMENT_CODES)
const PORTS = new Set<number>(DEPARTMENT_CODES.map((code) => DEPARTMENTS[code].defaultPort))

/** Blocks that list departments for a reason the registry cannot hold: from the line holding `start` to its end. */
const ALLOWED_BLOCKS: { file: RegExp; start: string; why: string }[] = [
  {
    file: /^(shared|miniapp)\/src\/i18n\//,
    start: 'departments = {',
    why: "a language's names for the departments, keyed by code (the registry's display names are zh-CN's)",
  },
  {
    file: /^eslint\.config\.mjs$/,
    start: 'const NOT_YET',
    why: 'test files still being mended, some named after the department they test: paths, not a list of departments',
  },
  {
    file: /^tests\/aggregation\/faults\.test\.ts$/,
    start: 'const SECTIONS',
    why: 'which dashboard sections each department feeds: a fact of the BFF’s dashboard the test checks',
  },
]
/** Files that may hold a department's default port as a number, and why. */
const ALLOWED_PORTS: { file: RegExp; why: string }[] = [
  {
    file: /^miniapp\/test\/(auth|client-refresh)\.test\.ts$/,
    why: 'sample configuration in unit tests of the client, where no stand-in runs (owned by the mini-program)',
  },
]

export interface Finding {
  file: string
  line: number
  rule: 'port' | 'list'
  text: string
}

/** The department codes a line names. */
function codesIn(line: string): Set<string> {
  const words = line.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g) ?? []
  return new Set(words.map((w) => w.toLowerCase()).filter((w) => CODES.has(w)))
}

/** The text with every import and `export … from` statement blanked (line numbers kept). */
function withoutImports(text: string): string {
  const statement =
    /^[ \t]*(?:import\s+['"][^'"\n]+['"]|(?:import|export)\b[^;'"]*?\bfrom\s*['"][^'"\n]+['"]);?[ \t]*$/gm
  return text.replace(statement, (s) => s.replace(/[^\n]/g, ''))
}

/** Which lines (0-based) fall in an allowed block of this file. */
function allowedLines(file: string, lines: string[]): Set<number> {
  const allowed = new Set<number>()
  const indent = (l: string) => l.length - l.trimStart().length
  for (const block of ALLOWED_BLOCKS.filter((b) => b.file.test(file))) {
    lines.forEach((l, i) => {
      if (!l.includes(block.start)) return
      let end = i + 1
      while (end < lines.length && (lines[end]!.trim() === '' || indent(lines[end]!) > indent(l))) end += 1
      for (let k = i; k <= end && k < lines.length; k += 1) allowed.add(k)
    })
  }
  return allowed
}

/** Finds default ports written as numbers and lists of department names in one file's text. */
export function scan(file: string, text: string): Finding[] {
  const lines = withoutImports(text).split('\n')
  const allowed = allowedLines(file, lines)
  const portsAllowed = ALLOWED_PORTS.some((p) => p.file.test(file))
  const named = lines.map((l, i) => (allowed.has(i) ? new Set<string>() : codesIn(l)))
  const findings: Finding[] = []
  lines.forEach((l, i) => {
    const at = { file, line: i + 1, text: l.trim() }
    const numbers = l.match(/(?<![\w.])\d+(?!\w|\.\d)/g) ?? []
    if (!portsAllowed && numbers.some((n) => PORTS.has(Number(n)))) findings.push({ ...at, rule: 'port' })
    const run = named.slice(Math.max(0, i - 2), i + 1)
    const listed = named[i]!.size >= 3 || (run.length === 3 && run.every((s) => s.size > 0) && union(run).size >= 3)
    if (listed) findings.push({ ...at, rule: 'list' })
  })
  return findings
}

const union = (sets: Set<string>[]) => new Set(sets.flatMap((s) => [...s]))

/** The project's source files: what git tracks or would (not ignored), as they are in the working tree. */
function sourceFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  return [...new Set(listed.split('\n'))]
    .filter(
      (f) => f && f !== REGISTRY && f !== GENERATED && !/(^|\/)(node_modules|drizzle)\//.test(f) && !f.endsWith('.md'),
    )
    .filter((f) => existsSync(path.join(ROOT, f)))
    .filter((f) => /\.(ts|tsx|js|mjs|cjs|sh)$/.test(f) || isShellScript(f))
}

const isShellScript = (file: string) => /^#!.*\b(ba)?sh\b/.test(readFileSync(path.join(ROOT, file), 'utf8'))

test('no source file outside the registry holds a department default port or a list of department names', () => {
  const files = sourceFiles()
  // Every kind of source file is scanned: TypeScript of each package, a shell script without an extension, this test.
  expect(files).toEqual(
    expect.arrayContaining([
      'bff/src/app.ts',
      'departments/src/stand-ins.ts',
      'miniapp/src/app.config.ts',
      'scripts/start',
      'tests/shape/registry.test.ts',
    ]),
  )
  expect(files).not.toContain(REGISTRY)
  const findings = files.flatMap((f) => scan(f, readFileSync(path.join(ROOT, f), 'utf8')))
  expect(findings.map((f) => `${f.file}:${f.line} (${f.rule}) ${f.text}`)).toEqual([])
})

describe('what the check finds', () => {
  const cap = (code: string) => code[0]!.toUpperCase() + code.slice(1)
  const some = DEPARTMENT_CODES.slice(0, 4) as DepartmentCode[]

  test("a shell array of departments and ports (scripts/start's old one) is a list, and its ports are ports", () => {
    const line = `DEPARTMENTS=(${DEPARTMENT_CODES.map((c) => `${c}:${DEPARTMENTS[c].defaultPort}`).join(' ')})`
    expect(scan('scripts/start', `#!/usr/bin/env bash\n${line}\n`).map((f) => f.rule)).toEqual(['port', 'list'])
  })

  test('a map of builders, one department a line, is a list', () => {
    const text = `const BUILDERS = {\n${some.map((c) => `  ${c}: build${cap(c)}App,`).join('\n')}\n}\n`
    expect(scan('tests/support/system.ts', text).map((f) => f.line)).toEqual([4, 5])
  })

  test('a port map keyed by environment variable is a list with ports', () => {
    const text = some.map((c) => `  ${departmentPortVar(c)}: ${DEPARTMENTS[c].defaultPort},`).join('\n')
    expect(scan('x.ts', text).filter((f) => f.rule === 'port')).toHaveLength(some.length)
    expect(scan('x.ts', text).filter((f) => f.rule === 'list')).toHaveLength(some.length - 2)
  })

  test('an address with a default port is a port; other numbers are not', () => {
    const port = DEPARTMENTS[some[0]!].defaultPort
    expect(scan('x.ts', `const url = 'http://127.0.0.1:${port}/healthz'`)).toHaveLength(1)
    expect(scan('x.ts', `const n = ${port}0 + 1.${port} + ${port}_000`)).toEqual([])
  })

  test('imports of what a module uses are not a list, nor are two departments side by side', () => {
    const imports = some.map((c) => `import { build${cap(c)}App } from './${c}/app'`).join('\n')
    const multiline = `import {\n${some.map((c) => `  ${c}Contracts,`).join('\n')}\n} from '@ysx/shared'`
    const pair = `if (a === '${some[0]}' || a === '${some[1]}') {}\nconst b = '${some[2]}'\nconst c = 1`
    expect(scan('x.ts', `${imports}\n${multiline}\n${pair}\n`)).toEqual([])
  })
})

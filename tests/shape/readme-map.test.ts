// README's folder map and the tree agree: every path the map names exists, and every top-level folder, every BFF
// capability and platform folder, every shared/src and departments/src folder is on the map. A `<code>` path stands
// for each department of the registry.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { DEPARTMENT_CODES } from '@ysx/shared'

const ROOT = path.resolve(__dirname, '../..')

/** The paths the map names, from the fenced block under "## Folders": top-level entries and their indented children. */
function mapPaths(readme: string): string[] {
  const section = readme.split('## Folders')[1] ?? ''
  const block = section.split('```')[1] ?? ''
  const paths: string[] = []
  let top = ''
  for (const line of block.split('\n')) {
    const top_ = /^(\S+\/)\s/.exec(line)
    const child = /^ {2}(\S+)\s/.exec(line)
    if (top_) paths.push((top = top_[1]!))
    else if (child && /[/.]/.test(child[1]!)) paths.push(top + child[1]!)
  }
  return paths
}

/** Each registry department for a `<code>` path; the path itself otherwise. */
const expand = (p: string) => (p.includes('<code>') ? DEPARTMENT_CODES.map((c) => p.replace('<code>', c)) : [p])

const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean)
/** The folders directly below `dir` that hold tracked files. */
const foldersIn = (dir: string) =>
  [
    ...new Set(
      tracked
        .filter((f) => f.startsWith(dir) && f.slice(dir.length).includes('/'))
        .map((f) => f.slice(dir.length).split('/')[0]!),
    ),
  ].map((name) => `${dir}${name}/`)

const listed = mapPaths(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).flatMap(expand)

test('every path on README’s folder map exists', () => {
  // The map was read: its top-level entries, indented children, and a `<code>` path expanded for every department.
  expect(listed).toEqual(
    expect.arrayContaining([
      'shared/',
      'bff/',
      'departments/',
      'miniapp/',
      'shared/src/credential/',
      'bff/src/app.ts',
      'bff/src/privacy/',
      ...DEPARTMENT_CODES.map((c) => `departments/drizzle/${c}/`),
    ]),
  )
  expect(listed.filter((p) => !existsSync(path.join(ROOT, p)))).toEqual([])
})

test('every top-level folder, BFF capability, platform, shared and departments folder is on README’s folder map', () => {
  const wanted = [
    ...foldersIn('').filter((d) => !d.startsWith('.')),
    ...foldersIn('bff/src/'),
    ...foldersIn('bff/src/platform/'),
    ...foldersIn('shared/src/'),
    ...foldersIn('departments/src/'),
    ...tracked.filter((f) => /^bff\/src\/[^/]+\.ts$/.test(f)),
  ]
  expect(wanted.filter((p) => !listed.includes(p))).toEqual([])
})

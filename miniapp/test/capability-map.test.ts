// The capability table in miniapp/README.md: a capability's pages, hooks and services are found together there.
import fs from 'node:fs'
import path from 'node:path'

const root = path.join(__dirname, '..')

interface Column {
  /** The folder the column's names are in, from its header, e.g. src/hooks/ */
  dir: string
  /** Every name the column lists, row by row */
  names: string[]
}

/** The table under "## Capabilities": one column per folder named in a header cell (`src/…/`). */
function capabilityTable(): Column[] {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8')
  const section = readme.split(/^## Capabilities$/m)[1] ?? ''
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.split('|').slice(1, -1))
  const [header, , ...body] = rows
  if (!header || !body.length) throw new Error('README.md has no table under "## Capabilities"')
  const columns: Column[] = []
  header.forEach((cell, index) => {
    const dir = /`(src\/(?:[^`]+\/)?)`/.exec(cell)?.[1]
    if (!dir) return
    const names = body.flatMap((row) => [...(row[index] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ''))
    columns.push({ dir, names })
  })
  return columns
}

function column(dir: string): string[] {
  const found = capabilityTable().find((c) => c.dir === dir)
  if (!found) throw new Error(`the capability table has no ${dir} column`)
  return found.names
}

const folders = (dir: string) =>
  fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
/** Every page folder under src/: pages/<name> (tabs and the main package), packages/<group>/<name> (subpackages). */
const pageFolders = () => [
  ...folders('src/pages').map((name) => `pages/${name}`),
  ...folders('src/packages').flatMap((group) =>
    folders(`src/packages/${group}`).map((name) => `packages/${group}/${name}`),
  ),
]
const files = (dir: string) => fs.readdirSync(path.join(root, dir)).filter((name) => /\.tsx?$/.test(name))

const sorted = (names: string[]) => [...names].sort()

describe('the capability map in miniapp/README.md', () => {
  it('lists every page, hook and service under exactly one capability', () => {
    expect(sorted(column('src/'))).toEqual(sorted(pageFolders()))
    expect(sorted(column('src/hooks/'))).toEqual(sorted(files('src/hooks')))
    expect(sorted(column('src/services/'))).toEqual(sorted(files('src/services')))
  })

  it('names only paths that exist', () => {
    const missing = capabilityTable().flatMap(({ dir, names }) =>
      names.map((name) => path.join(dir, name)).filter((p) => !fs.existsSync(path.join(root, p))),
    )
    expect(missing).toEqual([])
  })
})

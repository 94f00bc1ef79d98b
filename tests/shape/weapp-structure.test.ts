// The weapp build's structure check (scripts/lib/weapp-structure.ts, run by ./scripts/test on real builds) against
// small built-looking trees in a temporary folder: a good tree passes, and each kind of breakage is named.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { checkWeappStructure, MAIN_PACKAGE_BUDGET, PACKAGE_LIMIT, PAGE_FILES } from '../../scripts/lib/weapp-structure'

const PAGES = ['pages/home/index', 'pages/login/index']
const SUBPACKAGE = { root: 'health/', pages: ['pages/code/index'] }
const BFF = 'http://127.0.0.1:3000'
const STAND_IN = 'http://127.0.0.1:4800'

let dir: string

function write(relative: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true })
  writeFileSync(path.join(dir, relative), text)
}

/** A tree shaped like Taro's weapp output: app files, pages with their four files, a subpackage, the tab bar. */
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ysx-weapp-'))
  write(
    'app.json',
    JSON.stringify({
      pages: PAGES,
      subPackages: [SUBPACKAGE],
      tabBar: {
        list: [{ pagePath: 'pages/home/index', iconPath: 'assets/home.png', selectedIconPath: 'assets/on.png' }],
      },
    }),
  )
  write('app.js', 'require("./runtime");')
  write('app.wxss', 'page{}')
  write('project.config.json', '{"miniprogramRoot":"./","appid":"touristappid"}')
  write('assets/home.png', 'png')
  write('assets/on.png', 'png')
  // The probes for the global object (webpack's, lodash's): the one Function call a build may carry
  write('runtime.js', 'g=function(){try{return this||new Function("return this")()}catch(n){}}();')
  write('vendors.js', "K=W||G||Function('return this')();")
  write('common.js', `var base="${BFF}",standIn="${STAND_IN}",k="ysx.wechat.standInDevice";o.eval(x);evaluate(y)`)
  for (const page of [...PAGES, `health/${SUBPACKAGE.pages[0]}`])
    for (const ext of [...PAGE_FILES, '.wxss']) write(`${page}${ext}`, ext === '.json' ? '{}' : '')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('checkWeappStructure', () => {
  it('passes a complete tree, counting subpackage pages under their root and allowing the global-object probes', () => {
    const report = checkWeappStructure(dir, { present: [BFF, STAND_IN], absent: ['https://ysx.example.cn'] })
    expect(report.problems).toEqual([])
    expect(report.pages).toEqual([...PAGES, 'health/pages/code/index'])
    expect(report.scripts).toBeGreaterThanOrEqual(5)
  })

  it('passes a page without styles of its own (no .wxss, as WeChat allows)', () => {
    unlinkSync(path.join(dir, 'pages/login/index.wxss'))
    expect(checkWeappStructure(dir).problems).toEqual([])
  })

  it.each(PAGE_FILES)('fails a page without its %s file, naming it', (ext) => {
    unlinkSync(path.join(dir, `pages/login/index${ext}`))
    expect(checkWeappStructure(dir).problems).toEqual([`pages/login/index${ext}: missing`])
  })

  it('fails a subpackage page without its files', () => {
    unlinkSync(path.join(dir, 'health/pages/code/index.wxml'))
    expect(checkWeappStructure(dir).problems).toEqual(['health/pages/code/index.wxml: missing'])
  })

  it('fails a script that calls eval, naming the file', () => {
    write('pages/home/index.js', 'var a=eval("1+1")')
    const { problems } = checkWeappStructure(dir)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^pages\/home\/index\.js: calls eval\(/)
  })

  it.each(['new Function("a","return a")', 'Function("return 1")()', 'new Function ( "return this" )'])(
    'fails a script that calls the Function constructor other than the global-object probe: %s',
    (call) => {
      write('vendors.js', `x=${call};`)
      expect(checkWeappStructure(dir).problems).toEqual([expect.stringMatching(/^vendors\.js: calls the Function/)])
    },
  )

  it('fails a development build that lacks its BFF address or its stand-in', () => {
    write('common.js', 'var base="https://ysx.example.cn"')
    expect(checkWeappStructure(dir, { present: [BFF, STAND_IN] }).problems).toEqual([
      `no script carries "${BFF}"`,
      `no script carries "${STAND_IN}"`,
    ])
  })

  it('fails a production build that carries the stand-in, naming the file', () => {
    expect(checkWeappStructure(dir, { absent: [STAND_IN, 'ysx.wechat.standInDevice'] }).problems).toEqual([
      `common.js: carries "${STAND_IN}", which it must not`,
      'common.js: carries "ysx.wechat.standInDevice", which it must not',
    ])
  })

  it('fails a tab bar whose page is not a page or whose icon is missing', () => {
    write(
      'app.json',
      JSON.stringify({
        pages: PAGES,
        tabBar: { list: [{ pagePath: 'pages/gone/index', iconPath: 'assets/gone.png' }] },
      }),
    )
    expect(checkWeappStructure(dir).problems).toEqual([
      'app.json: tab bar page pages/gone/index is not a page',
      'assets/gone.png: missing (a tab bar icon)',
    ])
  })

  it('fails a tree without app.json (nothing to import), without pages, or without project.config.json', () => {
    unlinkSync(path.join(dir, 'project.config.json'))
    expect(checkWeappStructure(dir).problems).toEqual(['project.config.json: missing'])
    write('app.json', '{"pages":[]}')
    expect(checkWeappStructure(dir).problems).toContain('app.json: lists no pages')
    unlinkSync(path.join(dir, 'app.json'))
    expect(checkWeappStructure(dir).problems).toContain('app.json: missing')
  })

  it('sizes the main package (all outside a subpackage root) and each subpackage, leaving source maps out', () => {
    write('vendors.js.map', 'x'.repeat(4 * MAIN_PACKAGE_BUDGET))
    write('health/sub-common/big.js', 'x'.repeat(1000))
    const { packages, problems } = checkWeappStructure(dir)
    expect(problems).toEqual([])
    expect(packages.map((p) => p.name)).toEqual(['main', 'health/'])
    const [main, health] = packages
    expect(main!.bytes).toBeLessThan(10_000)
    expect(health!.bytes).toBeGreaterThanOrEqual(1000)
  })

  it('fails a main package over its 1 MB budget, and a subpackage over WeChat’s 2 MB, naming each', () => {
    write('common.js', 'x'.repeat(MAIN_PACKAGE_BUDGET + 1))
    write('health/sub-vendors.js', 'x'.repeat(PACKAGE_LIMIT + 1))
    const problems = checkWeappStructure(dir).problems
    expect(problems).toHaveLength(2)
    expect(problems[0]).toMatch(/^the main package: 10\d\d\.\d KB, over its 1024 KB budget$/)
    expect(problems[1]).toMatch(/^subpackage health\/: 20\d\d\.\d KB, over its 2048 KB budget$/)
  })

  it('passes a main package of exactly 1 MB', () => {
    const { packages } = checkWeappStructure(dir)
    const rest =
      packages.find((p) => p.name === 'main')!.bytes - Buffer.byteLength(readFileSync(path.join(dir, 'common.js')))
    write('common.js', 'x'.repeat(MAIN_PACKAGE_BUDGET - rest))
    expect(checkWeappStructure(dir).problems).toEqual([])
  })

  it('fails a folder that is not there (not built)', () => {
    expect(checkWeappStructure(path.join(dir, 'nothing')).problems).toEqual([
      `${path.join(dir, 'nothing')}: no such folder (build it first)`,
    ])
  })
})

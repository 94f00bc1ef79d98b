// The production build: shared, the BFF and the departments compiled to JavaScript (CommonJS, Node 20) that plain
// `node` runs, no tsx. `pnpm build`, or ./scripts/start --production-build, which builds first.
//
// esbuild (the TypeScript transpiler tsx itself runs on; type checking stays `pnpm typecheck`'s) compiles file for
// file, not one bundle: <package>/src/x/y.ts becomes <package>/dist/x/y.js, at the same depth, so each module's
// __dirname-relative assets are found in place exactly as from the source: bff/drizzle, bff/drizzle-pg,
// bff/rules/health-code, departments/drizzle/<department>. Relative imports without an extension resolve to the .js
// files (CommonJS resolution), and departments' `import(`./${code}/app`)` finds each stand-in's app.js.
//
// @ysx/shared's exports point at its TypeScript source (for tsx, jest and Taro); they also carry the condition
// `ysx-compiled` → shared/dist, which node is given (`node --conditions=ysx-compiled`) to run the compiled build.
import { readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'

const ROOT = path.resolve(__dirname, '..')
/** Each package compiled: its src/ to its dist/. */
export const PACKAGES = ['shared', 'bff', 'departments'] as const
/** The export condition that selects @ysx/shared's compiled dist/ (shared/package.json) */
export const COMPILED_CONDITION = 'ysx-compiled'

async function compile(pkg: (typeof PACKAGES)[number]): Promise<number> {
  const src = path.join(ROOT, pkg, 'src')
  const dist = path.join(ROOT, pkg, 'dist')
  rmSync(dist, { recursive: true, force: true })
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts'))
      .map((f) => path.join(src, f)),
    outbase: src,
    outdir: dist,
    bundle: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // import() becomes require(): CommonJS resolution, which finds departments' `./${code}/app` without an extension
    // (a native import() of a CommonJS build would need one).
    supported: { 'dynamic-import': false },
    sourcemap: true,
    // The tsconfig's settings (strict, isolatedModules, …) are the source's; nothing of them changes the output.
    tsconfig: path.join(ROOT, pkg, 'tsconfig.json'),
    logLevel: 'warning',
    metafile: true,
  })
  return Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js')).length
}

async function main() {
  for (const pkg of PACKAGES) {
    const files = await compile(pkg)
    process.stdout.write(`built ${pkg}/dist: ${files} files\n`)
  }
}

if (require.main === module)
  main().catch((err: unknown) => {
    process.stderr.write(`build failed: ${err instanceof Error ? err.message : String(err)}\n`)
    process.exit(1)
  })

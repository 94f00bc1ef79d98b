// Checks a built mini-program folder (scripts/lib/weapp-structure.ts): every page's files, no eval or Function
// constructor, the text the build must or must not carry, and the packages' sizes (main ≤ 1 MB, each ≤ 2 MB). Exit 1 with each problem listed, else one summary line.
//   pnpm exec tsx scripts/check-weapp.ts <dist folder> [--present <text>]… [--absent <text>]…
import { checkWeappStructure, type WeappExpectations } from './lib/weapp-structure'

function parse(args: string[]): { dir: string; expectations: Required<WeappExpectations> } {
  const expectations = { present: [] as string[], absent: [] as string[] }
  let dir: string | undefined
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? ''
    if (arg === '--present' || arg === '--absent') {
      const value = args[(i += 1)]
      if (!value) throw new Error(`${arg} needs a value`)
      expectations[arg === '--present' ? 'present' : 'absent'].push(value)
    } else if (!dir && !arg.startsWith('--')) dir = arg
    else throw new Error(`unknown argument: ${arg}`)
  }
  if (!dir) throw new Error('usage: check-weapp.ts <dist folder> [--present <text>]… [--absent <text>]…')
  return { dir, expectations }
}

const { dir, expectations } = parse(process.argv.slice(2))
const result = checkWeappStructure(dir, expectations)
if (result.problems.length > 0) {
  process.stderr.write(
    `${dir}: ${result.problems.length} problem(s)\n${result.problems.map((p) => `  ${p}\n`).join('')}`,
  )
  process.exit(1)
}
const carries = expectations.present.length ? `; carries ${expectations.present.join(', ')}` : ''
const lacks = expectations.absent.length ? `; free of ${expectations.absent.join(', ')}` : ''
const sizes = result.packages.map((p) => `${p.name} ${(p.bytes / 1024).toFixed(0)} KiB`).join(', ')
process.stdout.write(
  `${dir}: ${result.pages.length} pages with their files, ${result.scripts} scripts (${(result.bytes / 1024).toFixed(0)} KiB), no eval${carries}${lacks}; packages within budget: ${sizes}\n`,
)

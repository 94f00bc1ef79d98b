// docs/api.md's generated parts and its walkthrough: the error-code table from shared's catalogue (status and zh-CN
// message of every code), and the shell blocks of the token walkthrough.
//   pnpm exec tsx tests/api/api-doc.ts --write     rewrites the table in docs/api.md
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ERROR_CODES, ERROR_STATUS, errorMessage } from '@ysx/shared'

export const API_DOC = path.resolve(__dirname, '../../docs/api.md')

const START = '<!-- error-codes:start -->'
const END = '<!-- error-codes:end -->'

/** The table of every error code, in the catalogue's order: code, HTTP status, the zh-CN message. */
export function errorCodeTable(): string {
  const rows = ERROR_CODES.map((code) => `| \`${code}\` | ${ERROR_STATUS[code]} | ${errorMessage(code)} |`)
  return ['| code | HTTP | message (zh-CN) |', '| --- | --: | --- |', ...rows].join('\n')
}

/** The table as docs/api.md has it now (between its markers). */
export function documentedErrorTable(doc: string = readFileSync(API_DOC, 'utf8')): string {
  const start = doc.indexOf(START)
  const end = doc.indexOf(END)
  if (start < 0 || end < start) throw new Error(`docs/api.md has no ${START} … ${END}`)
  return doc.slice(start + START.length, end).trim()
}

/** docs/api.md with its table made current. */
export function withCurrentTable(doc: string): string {
  const start = doc.indexOf(START) + START.length
  return `${doc.slice(0, start)}\n\n${errorCodeTable()}\n\n${doc.slice(doc.indexOf(END))}`
}

/** The ```sh blocks of the token walkthrough, in order. */
export function walkthroughBlocks(doc: string = readFileSync(API_DOC, 'utf8')): string[] {
  const section = doc.split('<!-- walkthrough:start -->')[1]?.split('<!-- walkthrough:end -->')[0] ?? ''
  return [...section.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]!)
}

if (require.main === module && process.argv.includes('--write')) {
  writeFileSync(API_DOC, withCurrentTable(readFileSync(API_DOC, 'utf8')))
  process.stdout.write(`${path.relative(process.cwd(), API_DOC)}: error-code table rewritten\n`)
}

// Every error code the system can answer with is asserted by some test: each code of shared's catalogue
// (shared/src/errors.ts ERROR_STATUS) and of the department-side one (WeChat's errcodes, WECHAT_ERRORS in
// shared/src/departments/wechat.ts) must appear in a test file under tests/ or <package>/test/ (not miniapp/test, whose
// BFF is a fake) where an assertion
// names it. A code no test names is a reply nobody has seen the system give: the test fails, naming the code.
//
// What counts as asserting a code, line by line:
//   - a quoted literal of the code ('FOO', "FOO", `FOO`) on a line that calls expect(…) or a matcher (.toBe(…) …),
//     or as the `code:` of an object literal (an expected outcome in a table, an envelope matched on the next line);
//   - for WeChat's errcodes, `WECHAT_ERRORS.<NAME>` or the number on such a line.
// A literal elsewhere (the reply of a test double, a request body) does not count. Files that only loop over the
// whole catalogue (EXCLUDED) are not read, nor is this one.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { ERROR_CODES, type ErrorCode, WECHAT_ERRORS } from '@ysx/shared'

const ROOT = path.resolve(__dirname, '../..')
const SELF = 'tests/shape/error-codes.test.ts'
/** Test files that name no single code: they check something of every code at once. */
const EXCLUDED: Record<string, string> = {
  [SELF]: 'this check',
  'shared/test/i18n.test.ts': 'every code has a message in every locale (a loop over ERROR_CODES)',
}

/** The test files of every package and of tests/, as they are in the working tree (git's view, ignores honoured). */
function testFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  return (
    [...new Set(listed.split('\n'))]
      .filter((f) => /^(tests|[^/]+\/test)\/.+\.tsx?$/.test(f) && !f.includes('node_modules/'))
      // The mini-program's tests answer with a fake BFF: a code there proves the page handles it, not that it is sent.
      .filter((f) => !f.startsWith('miniapp/'))
      .filter((f) => !(f in EXCLUDED) && existsSync(path.join(ROOT, f)))
  )
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** A line that asserts: it calls expect(…) or a matcher (not a conversion such as toString). */
const ASSERTING = /\bexpect\s*[.(]|\.to(?:Be|Equal|StrictEqual|Match|Contain|Throw|Have)\w*\(|\.(?:resolves|rejects)\./

/** Whether the line asserts the token: on an asserting line, or as the `code:` of an object literal. */
function asserts(line: string, token: string): boolean {
  if (!new RegExp(`(?<![\\w.])${token}(?!\\w)`).test(line)) return false
  return ASSERTING.test(line) || new RegExp(`\\bcode:\\s*${token}`).test(line)
}

/** An assertion the formatter wrapped: the literal on its own line, the line before opening expect(…).toX( */
function wrapped(lines: string[], i: number, token: string): boolean {
  const before = lines[i - 1] ?? ''
  return (
    i > 0 &&
    new RegExp(`(?<![\\w.])${token}(?!\\w)`).test(lines[i]!) &&
    ASSERTING.test(before) &&
    /[(,]\s*$/.test(before)
  )
}

const FILES = testFiles().map((file) => ({ file, lines: readFileSync(path.join(ROOT, file), 'utf8').split('\n') }))

/** The files (file:line) whose assertions name the code: a quoted literal of a catalogue code, or of status and code. */
function assertingCode(code: string): string[] {
  const literal = `(['"\`])(?:[1-5]\\d\\d )?${escape(code)}\\1` // 'CODE', or '422 CODE' (status and code at once)
  return FILES.flatMap(({ file, lines }) =>
    lines.flatMap((line, i) => (asserts(line, literal) || wrapped(lines, i, literal) ? [`${file}:${i + 1}`] : [])),
  )
}

/** The same for one of WeChat's errcodes: its name under WECHAT_ERRORS, or its number. */
function assertingWechat(name: keyof typeof WECHAT_ERRORS): string[] {
  const token = `(?:WECHAT_ERRORS\\.${name}|${WECHAT_ERRORS[name]})`
  return FILES.flatMap(({ file, lines }) =>
    lines.flatMap((line, i) => (asserts(line, token) ? [`${file}:${i + 1}`] : [])),
  )
}

test('the test files are found: every server-side package’s test folder and tests/ are read', () => {
  const folders = new Set(FILES.map(({ file }) => file.split('/')[0]))
  expect([...folders].sort()).toEqual(['bff', 'departments', 'shared', 'tests'])
})

test('the rule counts a code on an asserting line or as an expected code, and not in a reply double', () => {
  const literal = `(['"\`])FOO\\1`
  expect(asserts(`expect(body.code).toBe('FOO')`, literal)).toBe(true)
  expect(asserts(`  .rejects.toMatchObject({ status: 409, code: "FOO" })`, literal)).toBe(true)
  expect(asserts(`  'a replay': { status: 409, code: 'FOO' },`, literal)).toBe(true)
  expect(asserts(`  code: \`FOO\`,`, literal)).toBe(true)
  expect(asserts(`  await expect(call).rejects.toThrow('FOO')`, literal)).toBe(true)
  expect(asserts(`replyWith(401, envelope('FOO'))`, literal)).toBe(false)
  expect(asserts(`send(Buffer.from('FOO').toString('base64'))`, literal)).toBe(false)
  expect(asserts(`expect(body.code).toBe('FOOBAR')`, literal)).toBe(false)
  expect(asserts(`expect(body.code).toBe('FOO_BAR')`, literal)).toBe(false)
  expect(asserts(`// expect FOO here`, literal)).toBe(false)
  expect(wrapped(['  expect(await outcome()).toEqual(', `    refusal('FOO', 'why'),`], 1, literal)).toBe(true)
  expect(wrapped(['  const r = await call(', `    refusal('FOO', 'why'),`], 1, literal)).toBe(false)
})

test.each(ERROR_CODES)('%s (shared catalogue) is asserted by a test', (code: ErrorCode) => {
  expect({ code, assertedBy: assertingCode(code).length > 0 }).toEqual({ code, assertedBy: true })
})

test.each(Object.keys(WECHAT_ERRORS) as (keyof typeof WECHAT_ERRORS)[])(
  'WeChat errcode %s is asserted by a test',
  (name) => {
    expect({ name, assertedBy: assertingWechat(name).length > 0 }).toEqual({ name, assertedBy: true })
  },
)

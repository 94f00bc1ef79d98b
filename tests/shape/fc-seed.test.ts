// Property tests draw from a fixed seed (tests/support/jest-setup.ts, run before every test file of every project):
// the same cases on every run, and a failure that names the seed and path reproducing it.
import { readFileSync, realpathSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { DEFAULT_FC_SEED, fcSeed } from '../support/jest-setup'

const ROOT = path.resolve(__dirname, '../..')
const PACKAGES = ['shared', 'bff', 'departments', 'miniapp', 'tests']

test('fast-check’s global configuration holds the seed the setup file chose', () => {
  expect(fc.readConfigureGlobal().seed).toBe(fcSeed())
})

test('the seed is the fixed default unless YSX_FC_SEED names an integer, and anything else is refused', () => {
  expect(fcSeed({})).toBe(DEFAULT_FC_SEED)
  expect(fcSeed({ YSX_FC_SEED: '' })).toBe(DEFAULT_FC_SEED)
  expect(fcSeed({ YSX_FC_SEED: ' 42 ' })).toBe(42)
  expect(fcSeed({ YSX_FC_SEED: '-7' })).toBe(-7)
  expect(() => fcSeed({ YSX_FC_SEED: 'today' })).toThrow('YSX_FC_SEED must be an integer')
  expect(() => fcSeed({ YSX_FC_SEED: '1.5' })).toThrow('YSX_FC_SEED must be an integer')
})

test('a failing property without a seed of its own reports the global seed and the path that reproduce it', () => {
  let message = ''
  try {
    fc.assert(fc.property(fc.nat(), (n) => n < 1000))
  } catch (error) {
    message = (error as Error).message
  }
  expect(message).toContain(`seed: ${fcSeed()}`)
  expect(message).toMatch(/path: "[\d:]+"/)
})

test('every package that uses fast-check loads the one copy the setup file configures', () => {
  const users = PACKAGES.filter((pkg) => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, pkg, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>
      devDependencies?: Record<string, string>
    }
    return 'fast-check' in { ...manifest.dependencies, ...manifest.devDependencies }
  })
  expect(users).toEqual(expect.arrayContaining(['shared', 'bff', 'miniapp', 'tests']))
  const configured = realpathSync(require.resolve('fast-check', { paths: [path.join(ROOT, 'tests/support')] }))
  for (const pkg of users) {
    expect([pkg, realpathSync(require.resolve('fast-check', { paths: [path.join(ROOT, pkg)] }))]).toEqual([
      pkg,
      configured,
    ])
  }
})

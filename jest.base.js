// What every jest configuration of the workspace shares: TypeScript through @swc/jest, the ESM-only packages it
// must transform, and the setup file every test file runs first. jest.config.js (the suite) and stryker.config.mjs
// (mutation testing) both build on it.
const path = require('node:path')

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  },
]
// ESM-only packages pulled in by @fastify/swagger-ui and light-my-request; jose (tests verify as a third party would).
const esmDeps = '/node_modules/(?!(\\.pnpm/)?(content-disposition|cookie|@faker-js\\+faker|@faker-js\\/faker|jose)[@/])'

/** The transform settings of one jest project. */
const transforms = { transform: { '^.+\\.(t|j)sx?$': swc }, transformIgnorePatterns: [esmDeps] }

// A generous ceiling, not a measurement: on a loaded 2-core CI machine property tests take seconds. (Jest reads
// testTimeout from the global config only: inside a project it was ignored and the 5 s default applied.)
const testTimeout = 60_000

// Before every test file: fast-check's global seed, fixed (tests/support/jest-setup.ts; YSX_FC_SEED overrides it).
// It lives in tests/ because fast-check resolves from there (tests' devDependency; the same copy as every package's).
const setupFiles = [path.join(__dirname, 'tests/support/jest-setup.ts')]

module.exports = { transforms, testTimeout, setupFiles }

// Mutation testing (StrykerJS, jest runner) of the code that decides trust: `./scripts/mutation [module …]` runs one
// module per Stryker run, with the config below picked by YSX_MUTATION_MODULE, and prints the score of each.
//
// Each module names the source files it mutates and the tests that must kill the mutants: the fast, in-process tests
// that own those files' behaviour (a mutant is run only against the tests that cover it: coverageAnalysis perTest).
// Stryker mutates the files in place (inPlace): the workspace packages reach each other through pnpm's symlinks, which
// a sandbox copy would leave pointing at the unmutated originals. It puts every file back when it ends, Ctrl-C too.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const { transforms, testTimeout, setupFiles } = require('./jest.base.js')

/** @type {Record<string, { mutate: string[], tests: string[], env?: Record<string, string> }>} */
export const MODULES = {
  // 身份证号, phone, names, USCC, masking, log scrubbing, China time, GB/T 2260 divisions
  'shared-domain': {
    mutate: ['shared/src/domain/**/*.ts'],
    tests: ['shared/test/*.test.ts'],
  },
  // the device-bound credential and QR format: encoding, ES256 over compact JWS, the checks any verifier makes
  'shared-credential': {
    mutate: ['shared/src/credential/**/*.ts'],
    tests: ['shared/test/credential/**/*.test.ts'],
  },
  // access tokens, login, refresh rotation, sessions
  'bff-tokens-sessions': {
    mutate: [
      'bff/src/identity/access-tokens.ts',
      'bff/src/identity/auth-service.ts',
      'bff/src/identity/sessions-repository.ts',
    ],
    tests: ['bff/test/identity/sessions.test.ts', 'bff/test/identity/access-tokens.test.ts'],
  },
  // face verification (challenges, attempts, binding) and step-up. The step-up check itself (requireRecentFace: a
  // fresh face check in the asking session) lives in the profile service, with the real-name guards other
  // capabilities call (subject, names), so that file is mutated too.
  'bff-face-step-up': {
    mutate: [
      'bff/src/identity/face-service.ts',
      'bff/src/identity/face-repository.ts',
      'bff/src/identity/profile-service.ts',
    ],
    tests: ['bff/test/identity/face.test.ts'],
  },
  // 粤康码: the colour rules and the status (and the code's online verification)
  'bff-health-code': {
    mutate: ['bff/src/health-code/rules.ts', 'bff/src/health-code/status-service.ts'],
    tests: ['bff/test/health-code/**/*.test.ts'],
  },
  // 亮证: issuing presentation credentials and their online 核验 (signature, freshness, one use, revocation)
  'bff-presentation': {
    mutate: ['bff/src/presentation/presentation-service.ts', 'bff/src/presentation/presentations-repository.ts'],
    tests: ['bff/test/presentation/**/*.test.ts'],
  },
  // the mini-program's offline 核验 with the cached JWKS. Its own decisions (which keys, when to fetch them again, the
  // clock) are verify-offline.test.ts's; the table of malformed codes (verify-offline-table.test.ts) runs the shared
  // checks through it and would only repeat shared-credential's work here, at 50 times the cost per mutant.
  'miniapp-offline-verifier': {
    mutate: ['miniapp/src/services/verify-offline.ts'],
    tests: ['miniapp/test/verify-offline.test.ts'],
  },
}

const name = process.env.YSX_MUTATION_MODULE ?? 'shared-domain'
const module = MODULES[name]
if (!module) throw new Error(`unknown mutation module "${name}": one of ${Object.keys(MODULES).join(', ')}`)

/** The jest project that runs the module's tests */
const project = {
  rootDir: process.cwd(),
  testEnvironment: 'node',
  testMatch: module.tests.map((t) => `<rootDir>/${t}`),
  testPathIgnorePatterns: ['/node_modules/'],
  // Stryker's own temporary copies (a sandbox holds every package again) stay out of jest's module map.
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp'],
  setupFiles,
  ...transforms,
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'pnpm',
  testRunner: 'jest',
  plugins: ['@stryker-mutator/jest-runner'],
  coverageAnalysis: 'perTest',
  inPlace: true,
  // Static mutants (module-level constants) would each need the whole module's tests again; they are counted as
  // ignored, not as killed, so they never raise a score.
  ignoreStatic: true,
  // swc does not type-check, so Stryker need not add @ts-nocheck to every file (in place, it would touch them all).
  disableTypeChecks: false,
  mutate: module.mutate,
  jest: {
    projectType: 'custom',
    enableFindRelatedTests: false,
    // Stryker merges this over the root jest.config.js, whose `projects` would otherwise win and run every listed
    // test file once per project (five times over): the module is the one project.
    config: { ...project, testTimeout, projects: [project] },
  },
  timeoutMS: 20_000,
  // The first, unmutated run of a module's tests; on a loaded 2-core machine it can take minutes.
  dryRunTimeoutMinutes: 20,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  // Reruns reuse the results of mutants whose code and tests did not change (./scripts/mutation --force: all again).
  incremental: true,
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 80, break: null },
}
